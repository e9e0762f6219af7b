// The festival's phase, read inside a transaction: every write checks it there, so a phase change
// by another process cannot slip between the check and the write.
import { eq } from 'drizzle-orm';
import { prepared } from '@/lib/prepared';
import { festival, type Phase } from '@/db/schema';
import { Refusal, type Tx } from '@/lib/action';

export function currentFestival(tx: Tx) {
  const row = prepared(tx, 'festival', (q) => q.select().from(festival).where(eq(festival.id, 1)).prepare()).get();
  if (!row) throw new Refusal('festival:missing');
  return row;
}

/** Refuses unless the festival is in one of the given phases. */
export function requirePhase(tx: Tx, ...phases: Phase[]) {
  const row = currentFestival(tx);
  if (!phases.includes(row.phase)) {
    throw new Refusal(row.phase === 'finalised' || row.phase === 'published' ? 'phase:finalised' : 'phase:wrong', { phase: row.phase });
  }
  return row;
}

/** Films, candidates, nominations, the scale, the method and the rules are frozen from voting on. */
export function requireSetup(tx: Tx) {
  const row = currentFestival(tx);
  if (row.phase !== 'setup') throw new Refusal(row.phase === 'finalised' || row.phase === 'published' ? 'phase:finalised' : 'phase:frozen', { phase: row.phase });
  return row;
}
