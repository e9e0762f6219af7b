// Reads for the organisers' pages: explicit columns, nothing secret.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, nomination } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';

/** The served jury's id; none (no rows) in a database not yet set up, as before there was a jury. */
const servedJury = (db: DB) => findFestival(db)?.id ?? -1;

// The served jury's only (issue 23): another jury's nomination id reads as one without performances.

export function listPerformanceNominations(db: DB) {
  return db.select({ id: nomination.id, code: nomination.code }).from(nomination)
    .where(and(eq(nomination.kind, 'performance'), eq(nomination.round, 'main'), eq(nomination.juryId, servedJury(db)))).orderBy(asc(nomination.position)).all();
}

export function listPerformances(db: DB, nominationId: number) {
  return db
    .select({ id: candidate.id, person: candidate.person, placeholder: candidate.placeholder, filmId: film.id, originalTitle: film.originalTitle, englishTitle: film.englishTitle, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk })
    .from(candidate).innerJoin(film, eq(film.id, candidate.filmId)).innerJoin(nomination, eq(nomination.id, candidate.nominationId))
    .where(and(eq(candidate.nominationId, nominationId), eq(nomination.juryId, servedJury(db)))).orderBy(asc(film.position), asc(candidate.id)).all();
}
