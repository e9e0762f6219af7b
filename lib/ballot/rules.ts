// The checks every ballot write makes inside its transaction: which round is open, whether the
// candidate belongs to it, whether the juror is recused from the film, whether the ballot is locked.
import { and, eq, sql } from 'drizzle-orm';
import { ballot, candidate, film, nomination, recusal, type Festival, type Phase } from '@/db/schema';
import { Refusal, type Tx } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { getFestival } from '@/lib/festival/phase';
import { prepared } from '@/lib/server/prepared';
import { NATIONALITY_REASON, recusedByNationality } from '@/lib/tally/recused';

export type Round = 'main' | 'special';

/** The round jurors can score in this phase, if any. */
export function openRound(phase: Phase): Round | null {
  return phase === 'voting' ? 'main' : phase === 'special_voting' ? 'special' : null;
}


/** The reason a juror is recused from a film, or null: an explicit recusal, or the nationality rule. */
export function recusalReason(
  tx: Tx,
  fest: Pick<Festival, 'recusalByNationality'>,
  juror: Pick<SessionUser, 'id' | 'country'>,
  filmRow: { id: number; country: string },
): string | null {
  const row = prepared(tx, 'recusal.ofJurorFilm', (q) =>
    q.select({ reason: recusal.reason }).from(recusal)
      .where(and(eq(recusal.jurorId, sql.placeholder('jurorId')), eq(recusal.filmId, sql.placeholder('filmId'))))
      .prepare(),
  ).get({ jurorId: juror.id, filmId: filmRow.id });
  if (row) return row.reason;
  if (recusedByNationality(fest.recusalByNationality, juror.country, filmRow.country)) return NATIONALITY_REASON;
  return null;
}

/**
 * The festival, requiring that the nomination's round is the one open for scoring. A nomination of
 * another jury is refused exactly as a missing one (issue 23): the statement takes the served jury.
 */
export function requireOpenNomination(tx: Tx, nominationId: number, fest: Festival = getFestival(tx)) {
  if (fest.phase === 'finalised' || fest.phase === 'published') throw new Refusal('phase:finalised');
  const nom = prepared(tx, 'nomination.byIdOfJury', (q) =>
    q.select().from(nomination).where(and(eq(nomination.id, sql.placeholder('id')), eq(nomination.juryId, sql.placeholder('juryId')))).prepare())
    .get({ id: nominationId, juryId: fest.id });
  if (!nom) throw new Refusal('ballot:unknown_nomination');
  if (openRound(fest.phase) !== nom.round) throw new Refusal('ballot:round_closed');
  return { fest, nom };
}

/**
 * A candidate with its nomination and film, requiring its round to be open. A candidate of another
 * jury's nomination is refused exactly as a missing one (issue 23).
 */
export function requireOpenCandidate(tx: Tx, candidateId: number) {
  const fest = getFestival(tx);
  const row = prepared(tx, 'candidate.withFilmOfJury', (q) =>
    q.select({ id: candidate.id, nominationId: candidate.nominationId, filmId: film.id, filmCountry: film.country })
      .from(candidate)
      .innerJoin(film, eq(film.id, candidate.filmId))
      .innerJoin(nomination, eq(nomination.id, candidate.nominationId))
      .where(and(eq(candidate.id, sql.placeholder('id')), eq(nomination.juryId, sql.placeholder('juryId'))))
      .prepare(),
  ).get({ id: candidateId, juryId: fest.id });
  if (!row) throw new Refusal('ballot:unknown_candidate');
  const { nom } = requireOpenNomination(tx, row.nominationId, fest);
  return { fest, nom, cand: row };
}

export function ballotOf(tx: Tx, jurorId: number, nominationId: number) {
  return prepared(tx, 'ballot.ofJurorNomination', (q) =>
    q.select().from(ballot)
      .where(and(eq(ballot.jurorId, sql.placeholder('jurorId')), eq(ballot.nominationId, sql.placeholder('nominationId'))))
      .prepare(),
  ).get({ jurorId, nominationId });
}

export function requireNotSubmitted(tx: Tx, jurorId: number, nominationId: number) {
  if (ballotOf(tx, jurorId, nominationId)?.submittedAt) throw new Refusal('ballot:submitted');
}
