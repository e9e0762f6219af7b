// Who may vote in a runoff: the jurors expected to vote (active, on the jury: lib/juror/standing.ts;
// the chair is one of them) who are not recused, by their own declaration or by the nationality
// rule (lib/recusal.ts), from the film of ANY tied candidate. A juror recused from one of the tied
// films could not weigh it against the others, exactly as their scores for it do not count.
import { and, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, recusal, user } from '@/db/schema';
import type { Tx } from '@/lib/action';
import { getFestival } from '@/lib/festival/phase';
import { recusedByNationality } from '@/lib/recusal';
import { expectedToVote, standingOf } from '@/lib/juror/standing';

type Reader = DB | Tx;

/** The films of the tied candidates. */
export function tiedFilms(db: Reader, tied: number[]) {
  if (tied.length === 0) return [];
  return db.select({ candidateId: candidate.id, filmId: film.id, country: film.country }).from(candidate).innerJoin(film, eq(film.id, candidate.filmId)).where(inArray(candidate.id, tied)).all();
}

/** Why `jurorId` may not vote in a runoff on `tied`: 'inactive', 'recused', or null when entitled. */
export function notEntitled(db: Reader, juror: { id: number; role: string; active: boolean; country: string | null }, tied: number[]): 'inactive' | 'recused' | null {
  if (juror.role === 'organiser' || !expectedToVote(standingOf(juror, false))) return 'inactive';
  const films = tiedFilms(db, tied);
  const fest = getFestival(db);
  if (films.some((f) => recusedByNationality(fest.recusalByNationality, juror.country, f.country))) return 'recused';
  const ids = films.map((f) => f.filmId);
  if (ids.length && db.select({ id: recusal.id }).from(recusal).where(and(eq(recusal.jurorId, juror.id), inArray(recusal.filmId, ids))).get()) return 'recused';
  return null;
}

/** The ids of every juror entitled to vote in a runoff on `tied`. */
export function entitledJurors(db: Reader, tied: number[]): number[] {
  return db.select({ id: user.id, role: user.role, active: user.active, country: user.country }).from(user).all()
    .filter((u) => notEntitled(db, u, tied) === null)
    .map((u) => u.id)
    .sort((a, b) => a - b);
}
