import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, nomination } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';

/** The served jury's id; none (no rows) in a database not yet set up, as before there was a jury. */
const servedJury = (db: DB) => findFestival(db)?.id ?? -1;

/**
 * A nomination's candidates with their films' details, in the festival's film order. Only a
 * nomination of the served jury has any: another jury's id reads as an unknown one (issue 23).
 */
export function listCandidates(db: DB, nominationId: number) {
  return db
    .select({
      id: candidate.id,
      person: candidate.person,
      placeholder: candidate.placeholder,
      filmId: film.id,
      originalTitle: film.originalTitle,
      englishTitle: film.englishTitle,
      director: film.director,
      country: film.country,
      year: film.year,
      runtimeMinutes: film.runtimeMinutes,
      titleZh: film.titleZh,
      titleRu: film.titleRu,
      titleKk: film.titleKk,
    })
    .from(candidate)
    .innerJoin(film, eq(film.id, candidate.filmId))
    .innerJoin(nomination, eq(nomination.id, candidate.nominationId))
    .where(and(eq(candidate.nominationId, nominationId), eq(nomination.juryId, servedJury(db))))
    .orderBy(asc(film.position), asc(film.id), asc(candidate.id))
    .all();
}

/** Whether the served jury has a nomination of the Special Jury Prize round (the chair's closed-round actions). */
export function hasSpecialRound(db: DB): boolean {
  return !!db.select({ id: nomination.id }).from(nomination)
    .where(and(eq(nomination.round, 'special'), eq(nomination.juryId, servedJury(db)))).get();
}
