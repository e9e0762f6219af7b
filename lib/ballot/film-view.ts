// The ballot seen by film: for one film, every nomination it (or one of its performances) is a
// candidate in, with the signed-in juror's own scores, notes and the state of each ballot; and the
// juror's list of films with their progress. Like queries.ts, nothing here reads another juror's rows.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, film, nomination } from '@/db/schema';
import { listCandidates } from '@/lib/nomination/queries';
import type { SessionUser } from '@/lib/auth/users';
import { getFestival } from '@/lib/festival/phase';
import { orderForJuror } from './order';
import { myScores, recusalsOf, stateOf, type BallotCandidate, type NominationState } from './queries';

export type FilmSection = {
  nomination: { id: number; code: string; round: 'main' | 'special'; kind: 'film' | 'performance' };
  state: NominationState;
  candidates: BallotCandidate[];
};

/** Every nomination with its candidates, the juror's scores and its ballot's state, in award order. */
function nominationsWithMine(db: DB, me: SessionUser) {
  const fest = getFestival(db);
  const recusedFrom = recusalsOf(db, fest, me);
  return db
    .select()
    .from(nomination)
    .where(eq(nomination.juryId, fest.id))
    .orderBy(asc(nomination.position))
    .all()
    .map((nom) => {
      const scores = myScores(db, me, nom.id, fest);
      const b = db.select({ submittedAt: ballot.submittedAt }).from(ballot).where(and(eq(ballot.jurorId, me.id), eq(ballot.nominationId, nom.id))).get();
      const candidates: BallotCandidate[] = listCandidates(db, nom.id).map((c) => ({
        ...c,
        value: scores.get(c.id)?.value ?? null,
        note: scores.get(c.id)?.note ?? '',
        recusal: recusedFrom({ id: c.filmId, country: c.country }),
      }));
      return { nomination: { id: nom.id, code: nom.code, round: nom.round, kind: nom.kind }, state: stateOf(fest, nom.round, !!b?.submittedAt), candidates };
    });
}

/** One film's page of the ballot, or null when the film is unknown or is no candidate anywhere. */
export function filmBallotView(db: DB, me: SessionUser, filmId: number) {
  const fest = getFestival(db);
  // Another jury's film reads as an unknown one (issue 23).
  const f = db.select().from(film).where(and(eq(film.id, filmId), eq(film.juryId, fest.id))).get();
  if (!f) return null;
  const sections: FilmSection[] = nominationsWithMine(db, me)
    .map((s) => ({ ...s, candidates: s.candidates.filter((c) => c.filmId === f.id) }))
    .filter((s) => s.candidates.length > 0);
  if (sections.length === 0) return null;
  return {
    film: {
      id: f.id, originalTitle: f.originalTitle, englishTitle: f.englishTitle, titleZh: f.titleZh, titleRu: f.titleRu, titleKk: f.titleKk,
      director: f.director, country: f.country, year: f.year, runtimeMinutes: f.runtimeMinutes,
    },
    recusal: recusalsOf(db, fest, me)({ id: f.id, country: f.country }),
    scale: { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep },
    sections,
  };
}

export type FilmListEntry = {
  id: number; originalTitle: string; englishTitle: string; titleZh: string | null; titleRu: string | null; titleKk: string | null;
  recused: boolean; scored: number; toScore: number;
};

/**
 * The films the juror can score, in the juror's own order (the order of every ballot, lib/ballot/order.ts),
 * each with how many of its open candidates the juror has scored.
 */
export function jurorFilms(db: DB, me: SessionUser): FilmListEntry[] {
  const byFilm = new Map<number, FilmListEntry>();
  for (const s of nominationsWithMine(db, me)) {
    for (const c of s.candidates) {
      const e = byFilm.get(c.filmId) ?? {
        id: c.filmId, originalTitle: c.originalTitle, englishTitle: c.englishTitle, titleZh: c.titleZh, titleRu: c.titleRu, titleKk: c.titleKk,
        recused: !!c.recusal, scored: 0, toScore: 0,
      };
      if (s.state === 'open' && !c.recusal) {
        e.toScore++;
        if (c.value !== null) e.scored++;
      }
      byFilm.set(c.filmId, e);
    }
  }
  return orderForJuror(me.id, [...byFilm.values()].map((e) => ({ ...e, filmId: e.id }))).map(({ filmId: _, ...e }) => e);
}
