// Voting progress for the organisers: per juror and nomination, how many candidates are scored and
// how many remain, whether the ballot is submitted, and how many recusals. Counts only: no query
// here selects a score's value or note, so neither can reach the page.
import 'server-only';
import { and, asc, count, eq, isNotNull, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, candidate, film, juryMember, nomination, recusal, score, user } from '@/db/schema';
import { memberOf, seatedActive } from '@/lib/festival/members';
import { recusedByNationality } from '@/lib/tally/recused';
import { findFestival } from '@/lib/festival/phase';

// The served jury's nominations, films, recusals, scores and ballots only (issue 23).
import { resultsFinal } from '@/lib/round/visibility';

/**
 * `total` and `scored` are null in a special-round nomination until the awards are final: its
 * candidates are the films without a main award, and a juror's count there, beside the recusals
 * the organisers see, would tell whether a film they recused from is among them (issue 20).
 */
export type ProgressCell = { nominationId: number; total: number | null; scored: number | null; submitted: boolean };
export type ProgressRow = { jurorId: number; displayName: string; latinName: string | null; role: 'juror' | 'chair'; recusals: number; cells: ProgressCell[] };

export function votingProgress(db: DB) {
  const fest = findFestival(db);
  const juryId = fest?.id ?? -1;
  const nominations = db
    .select({ id: nomination.id, code: nomination.code, round: nomination.round })
    .from(nomination)
    .where(and(eq(nomination.juryId, juryId), sql`exists (select 1 from ${candidate} where ${candidate.nominationId} = ${nomination.id})`))
    .orderBy(asc(nomination.position))
    .all();
  const jurors = db
    .select({ id: user.id, displayName: user.displayName, latinName: user.latinName, role: juryMember.role, country: user.country })
    .from(user)
    .innerJoin(juryMember, memberOf(juryId))
    .where(seatedActive)
    .orderBy(asc(user.id))
    .all();
  // Candidates per nomination and film, so that a juror's recused films can be left out.
  const perFilm = db
    .select({ nominationId: candidate.nominationId, filmId: candidate.filmId, country: film.country, n: count() })
    .from(candidate)
    .innerJoin(film, eq(film.id, candidate.filmId))
    .where(eq(film.juryId, juryId))
    .groupBy(candidate.nominationId, candidate.filmId)
    .all();
  const recused = db.select({ jurorId: recusal.jurorId, filmId: recusal.filmId }).from(recusal)
    .innerJoin(film, eq(film.id, recusal.filmId)).where(eq(film.juryId, juryId)).all();
  // Scored = a score row with a value, for a candidate whose film the juror is not recused from.
  const scored = db
    .select({ jurorId: score.jurorId, nominationId: candidate.nominationId, filmId: candidate.filmId, n: count() })
    .from(score)
    .innerJoin(candidate, eq(candidate.id, score.candidateId))
    .innerJoin(nomination, eq(nomination.id, candidate.nominationId))
    .where(and(isNotNull(score.steps), eq(nomination.juryId, juryId)))
    .groupBy(score.jurorId, candidate.nominationId, candidate.filmId)
    .all();
  const submitted = db
    .select({ jurorId: ballot.jurorId, nominationId: ballot.nominationId })
    .from(ballot)
    .innerJoin(nomination, eq(nomination.id, ballot.nominationId))
    .where(and(isNotNull(ballot.submittedAt), eq(nomination.juryId, juryId)))
    .all();

  const submittedSet = new Set(submitted.map((b) => `${b.jurorId}:${b.nominationId}`));
  const rows: ProgressRow[] = jurors.map((j) => {
    const excluded = new Set(recused.filter((r) => r.jurorId === j.id).map((r) => r.filmId));
    const skip = (filmId: number, country: string) => excluded.has(filmId) || recusedByNationality(!!fest?.recusalByNationality, j.country, country);
    const cells = nominations.map((n) => {
      const films = perFilm.filter((c) => c.nominationId === n.id);
      const total = films.filter((c) => !skip(c.filmId, c.country)).reduce((s, c) => s + c.n, 0);
      const countryOf = new Map(films.map((c) => [c.filmId, c.country]));
      const done = scored
        .filter((s) => s.jurorId === j.id && s.nominationId === n.id && !skip(s.filmId, countryOf.get(s.filmId) ?? ''))
        .reduce((s, c) => s + c.n, 0);
      const submitted = submittedSet.has(`${j.id}:${n.id}`);
      if (n.round === 'special' && !resultsFinal(fest?.phase)) return { nominationId: n.id, total: null, scored: null, submitted };
      return { nominationId: n.id, total, scored: Math.min(done, total), submitted };
    });
    return { jurorId: j.id, displayName: j.displayName, latinName: j.latinName, role: j.role as 'juror' | 'chair', recusals: excluded.size, cells };
  });
  return { phase: fest?.phase ?? 'setup', nominations, rows };
}
