// The festival row, and the phase checks every write makes inside its transaction, so that a phase
// change by another process cannot slip between the check and the write.
import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { prepared } from '@/lib/server/prepared';
import { festival, type Festival, type Phase } from '@/db/schema';
import { Refusal } from '@/lib/server/refusal';

type Reader = Pick<DB, 'select'>;

/** The festival (there is one row), or undefined in a database not yet seeded. */
export function findFestival(q: Reader): Festival | undefined {
  return prepared(q, 'festival', (r) => r.select().from(festival).where(eq(festival.id, 1)).prepare()).get();
}

export function getFestival(q: Reader): Festival {
  const row = findFestival(q);
  if (!row) throw new Refusal('festival:missing');
  return row;
}

function refuse(row: Festival, otherwise: string): never {
  throw new Refusal(row.phase === 'finalised' || row.phase === 'published' ? 'phase:finalised' : otherwise, { phase: row.phase });
}

/** Refuses unless the festival is in one of the given phases. */
export function requirePhase(q: Reader, ...phases: Phase[]): Festival {
  const row = getFestival(q);
  if (!phases.includes(row.phase)) refuse(row, 'phase:wrong');
  return row;
}

/** Films, candidates, nominations, the scale, the method and the rules are frozen from voting on. */
export function requireSetup(q: Reader): Festival {
  const row = getFestival(q);
  if (row.phase !== 'setup') refuse(row, 'phase:frozen');
  return row;
}
