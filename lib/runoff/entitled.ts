// Who may vote in a runoff: the jurors expected to vote (active, on the jury: lib/juror/standing.ts;
// the chair is one of them) who are not recused, by their own declaration or by the nationality
// rule (lib/tally/recused.ts), from the film of ANY tied candidate. A juror recused from one of the tied
// films could not weigh it against the others, exactly as their scores for it do not count.
import { and, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, juryMember, recusal, user } from '@/db/schema';
import { memberOfServedJury, seatedActive } from '@/lib/festival/members';
import type { Tx } from '@/lib/server/action';
import { getFestival } from '@/lib/festival/phase';
import { recusedByNationality } from '@/lib/tally/recused';
import { expectedToVote, standingOf } from '@/lib/juror/standing';

type Reader = DB | Tx;

/** The films of the tied candidates. */
export function tiedFilms(db: Reader, tied: number[]) {
  if (tied.length === 0) return [];
  return db.select({ candidateId: candidate.id, filmId: film.id, country: film.country }).from(candidate).innerJoin(film, eq(film.id, candidate.filmId)).where(inArray(candidate.id, tied)).all();
}

interface Voter {
  id: number;
  /** Its role in the served jury (lib/festival/members.ts servedRole): null when it does not sit on it. */
  role: string | null;
  active: boolean;
  country: string | null;
}

/** What the rule needs about a runoff, read once however many jurors it is applied to. */
interface Tie {
  films: { filmId: number; country: string | null }[];
  nationalityRule: boolean;
}

function tieOf(db: Reader, tied: number[]): Tie {
  return { films: tiedFilms(db, tied), nationalityRule: getFestival(db).recusalByNationality };
}

/** The rule itself, given whether the juror declared a recusal from one of the tied films. */
function whyNot(juror: Voter, tie: Tie, declared: boolean): 'inactive' | 'recused' | null {
  if (juror.role === null || juror.role === 'organiser' || !expectedToVote(standingOf(juror, false))) return 'inactive';
  if (tie.films.some((f) => recusedByNationality(tie.nationalityRule, juror.country, f.country))) return 'recused';
  return declared ? 'recused' : null;
}

/** Why `jurorId` may not vote in a runoff on `tied`: 'inactive', 'recused', or null when entitled. */
export function notEntitled(db: Reader, juror: Voter, tied: number[]): 'inactive' | 'recused' | null {
  const tie = tieOf(db, tied);
  const ids = tie.films.map((f) => f.filmId);
  const declared = ids.length > 0 && !!db.select({ id: recusal.id }).from(recusal).where(and(eq(recusal.jurorId, juror.id), inArray(recusal.filmId, ids))).get();
  return whyNot(juror, tie, declared);
}

/**
 * The ids of every juror entitled to vote in a runoff on `tied`: the same rule as notEntitled, with
 * the tied films, the festival and the declared recusals read once for all jurors (the live counts
 * read this at every change, for every runoff shown: once per juror it was most of a change's time,
 * docs/PERFORMANCE.md "Live counts").
 */
export function entitledJurors(db: Reader, tied: number[]): number[] {
  const tie = tieOf(db, tied);
  const ids = tie.films.map((f) => f.filmId);
  const declared = new Set(ids.length ? db.select({ jurorId: recusal.jurorId }).from(recusal).where(inArray(recusal.filmId, ids)).all().map((r) => r.jurorId) : []);
  return db.select({ id: user.id, role: juryMember.role, active: seatedActive, country: user.country }).from(user).innerJoin(juryMember, memberOfServedJury).all()
    .filter((u) => whyNot(u, tie, declared.has(u.id)) === null)
    .map((u) => u.id)
    .sort((a, b) => a - b);
}
