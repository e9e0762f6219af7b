// What a juror's runoff ballot shows: the tied candidates only (their titles, which the page shows in the
// reader's language, and the person for performance and director awards), and whether an abstention is allowed.
import { eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, nomination } from '@/db/schema';
import { runoffsWaitingFor, ordinalOf, runoffRows } from './queries';

export function runoffBallots(db: DB, jurorId: number) {
  const waiting = runoffsWaitingFor(db, jurorId);
  if (waiting.length === 0) return [];
  const all = runoffRows(db);
  return waiting.map((r) => {
    const nom = db.select({ code: nomination.code, abstention: nomination.runoffAbstention }).from(nomination).where(eq(nomination.id, r.nominationId)).get()!;
    const cands = db
      .select({ id: candidate.id, person: candidate.person, originalTitle: film.originalTitle, englishTitle: film.englishTitle, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk })
      .from(candidate)
      .innerJoin(film, eq(film.id, candidate.filmId))
      .where(inArray(candidate.id, r.tied))
      .all();
    const byId = new Map(cands.map((c) => [c.id, c]));
    return {
      id: r.id,
      nomination: nom.code,
      ordinal: ordinalOf(all, r),
      abstention: nom.abstention,
      candidates: r.tied.map((id) => byId.get(id)!).filter(Boolean).map((c) => ({
        id: c.id,
        person: c.person,
        originalTitle: c.originalTitle,
        englishTitle: c.englishTitle,
        titleZh: c.titleZh,
        titleRu: c.titleRu,
        titleKk: c.titleKk,
      })),
    };
  });
}
