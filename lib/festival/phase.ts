// The jury the app serves, with its edition (the Festival read model), and the phase checks every write
// makes inside its transaction, so that a phase change by another process cannot slip between the check
// and the write.
import { and, asc, desc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { prepared } from '@/lib/server/prepared';
import { requestJury } from '@/lib/server/request-jury';
import { edition, jury, type Festival, type Phase } from '@/db/schema';
import { Refusal } from '@/lib/server/refusal';

type Reader = Pick<DB, 'select'>;

// The edition's own id and creation time are not the jury's; its slug is read as editionSlug (the jury keeps its own).
const { id: _editionId, createdAt: _editionCreated, slug: editionSlug, ...editionFields } = getTableColumns(edition);
/** A jury with its edition's fields, as the Festival read model; its slug stays the jury's. */
const festivalColumns = { ...getTableColumns(jury), ...editionFields, editionSlug };

/**
 * The jury the app serves and its edition, or undefined in a database not yet set up: the jury this
 * request chose (lib/server/request-jury.ts), else the default, the first jury of the newest edition
 * (an edition set up after another replaces it for whoever has not chosen, while the older one stays
 * in the database as it was).
 */
export function findFestival(q: Reader): Festival | undefined {
  const chosen = requestJury();
  if (chosen !== undefined) {
    const row = prepared(q, 'festival.chosen', (r) =>
      r.select(festivalColumns).from(jury).innerJoin(edition, eq(edition.id, jury.editionId))
        .where(eq(jury.id, sql.placeholder('id'))).prepare(),
    ).get({ id: chosen });
    if (row) return row;
  }
  return prepared(q, 'festival', (r) =>
    r.select(festivalColumns).from(jury).innerJoin(edition, eq(edition.id, jury.editionId))
      .orderBy(desc(jury.editionId), asc(jury.id)).limit(1).prepare(),
  ).get();
}

/**
 * A jury chosen by its address (/results/<edition>/<jury>), with its edition, as the Festival read model;
 * undefined where no such jury exists. The parts must already be validated (lib/festival/archive.ts).
 */
export function festivalAt(q: Reader, editionSlugPart: string, jurySlug: string): Festival | undefined {
  return q.select(festivalColumns).from(jury).innerJoin(edition, eq(edition.id, jury.editionId))
    .where(and(eq(edition.slug, editionSlugPart), eq(jury.slug, jurySlug))).get();
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

type Writer = Pick<DB, 'select' | 'update'>;
type JuryFields = Partial<Omit<typeof jury.$inferInsert, 'id' | 'editionId'>>;
type EditionFields = Partial<Omit<typeof edition.$inferInsert, 'id' | 'createdAt'>>;

/** Writes the served jury's own fields (its phase, rules, hashes), stamped with the time of the change. */
export function updateJury(tx: Writer, values: JuryFields): void {
  const { id } = getFestival(tx);
  tx.update(jury).set({ ...values, updatedAt: new Date().toISOString() }).where(eq(jury.id, id)).run();
}

/** Writes the served jury's edition's name, place, dates or time zone. */
export function updateEdition(tx: Writer, values: EditionFields): void {
  const { editionId } = getFestival(tx);
  tx.update(edition).set(values).where(eq(edition.id, editionId)).run();
}
