// What a juror's pages read: their own nominations with progress, and one ballot with their own
// scores and notes. Nothing here ever reads another juror's scores, notes or receipts.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, candidate, film, nomination, PHASES, recusal, score, type Festival, type Film } from '@/db/schema';
import { listCandidates } from '@/lib/nomination/queries';
import type { SessionUser } from '@/lib/auth/users';
import { orderForJuror } from './order';
import { canonicalBallot, type CanonicalBallot } from './receipt';
import { NATIONALITY_REASON, recusedByNationality } from '@/lib/tally/recused';
import { openRound } from './rules';
import { scaleOf, scoreValue } from './scale';
import { snapshotOf } from './snapshot';
import { getFestival } from '@/lib/festival/phase';

export type NominationState = 'open' | 'submitted' | 'closed' | 'upcoming';

export function recusalsOf(db: DB, fest: Festival, me: SessionUser) {
  const explicit = new Map(
    db.select({ filmId: recusal.filmId, reason: recusal.reason }).from(recusal).where(eq(recusal.jurorId, me.id)).all().map((r) => [r.filmId, r.reason]),
  );
  return (f: { id: number; country: string }): string | null =>
    explicit.get(f.id) ?? (recusedByNationality(fest.recusalByNationality, me.country, f.country) ? NATIONALITY_REASON : null);
}

export function stateOf(fest: Festival, round: 'main' | 'special', submitted: boolean): NominationState {
  const open = openRound(fest.phase);
  if (open === round) return submitted ? 'submitted' : 'open';
  const opensAt = round === 'main' ? 'voting' : 'special_voting';
  return PHASES.indexOf(fest.phase) < PHASES.indexOf(opensAt) ? 'upcoming' : submitted ? 'submitted' : 'closed';
}

export function myScores(db: DB, me: SessionUser, nominationId: number, fest: Festival) {
  const scale = scaleOf(fest);
  return new Map(
    db
      .select({ candidateId: score.candidateId, steps: score.steps, note: score.note, updatedAt: score.updatedAt })
      .from(score)
      .innerJoin(candidate, eq(candidate.id, score.candidateId))
      .where(and(eq(score.jurorId, me.id), eq(candidate.nominationId, nominationId)))
      .all()
      .map((s) => [s.candidateId, { value: scoreValue(scale, s.steps), note: s.note, updatedAt: s.updatedAt }]),
  );
}

export function jurorNominations(db: DB, me: SessionUser) {
  const fest = getFestival(db);
  const recusedFrom = recusalsOf(db, fest, me);
  return db
    .select()
    .from(nomination)
    .where(eq(nomination.juryId, fest.id))
    .orderBy(asc(nomination.position))
    .all()
    .map((nom) => {
      const cands = listCandidates(db, nom.id).filter((c) => !recusedFrom({ id: c.filmId, country: c.country }));
      const scores = myScores(db, me, nom.id, fest);
      const scored = cands.filter((c) => scores.get(c.id)?.value != null).length;
      const b = db.select({ submittedAt: ballot.submittedAt }).from(ballot).where(and(eq(ballot.jurorId, me.id), eq(ballot.nominationId, nom.id))).get();
      return {
        id: nom.id,
        code: nom.code,
        round: nom.round,
        toScore: cands.length,
        scored,
        state: stateOf(fest, nom.round, !!b?.submittedAt),
      };
    });
}

/**
 * The next nomination after `code` (in award order, from there round to the start) whose ballot is still open to
 * this juror, or null: what a ballot page offers after a submit. One query of the nominations' states, where
 * jurorNominations also reads every nomination's candidates and scores (the ballot page's render paid for that on
 * every load: docs/PERFORMANCE.md, "Pages on a phone").
 */
export function nextOpenNomination(db: DB, me: SessionUser, code: string): string | null {
  const fest = getFestival(db);
  const rows = db
    .select({ code: nomination.code, round: nomination.round, submittedAt: ballot.submittedAt })
    .from(nomination)
    .leftJoin(ballot, and(eq(ballot.nominationId, nomination.id), eq(ballot.jurorId, me.id)))
    .where(eq(nomination.juryId, fest.id))
    .orderBy(asc(nomination.position))
    .all();
  const at = rows.findIndex((n) => n.code === code);
  const following = [...rows.slice(at + 1), ...rows.slice(0, Math.max(at, 0))];
  return following.find((n) => stateOf(fest, n.round, !!n.submittedAt) === 'open')?.code ?? null;
}

/** One score of a receipt, with what the receipt shows for it in the reader's language. */
export type ReceiptLine = Pick<Film, 'originalTitle' | 'englishTitle' | 'titleZh' | 'titleRu' | 'titleKk'> & { candidateId: number; person: string | null; value: number };

function receiptLines(db: DB, nominationId: number, counted: { candidateId: number; value: number }[]): ReceiptLine[] {
  const cands = new Map(
    db.select({ id: candidate.id, person: candidate.person, originalTitle: film.originalTitle, englishTitle: film.englishTitle, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk })
      .from(candidate).innerJoin(film, eq(film.id, candidate.filmId)).where(eq(candidate.nominationId, nominationId)).all()
      .map((c) => [c.id, c]),
  );
  return counted.flatMap((s) => {
    const c = cands.get(s.candidateId);
    return c ? [{ candidateId: s.candidateId, person: c.person, originalTitle: c.originalTitle, englishTitle: c.englishTitle, titleZh: c.titleZh, titleRu: c.titleRu, titleKk: c.titleKk, value: s.value }] : [];
  });
}

/** A candidate as its juror's ballot shows it: the film's details, the juror's score, note and recusal. */
export type BallotCandidate = Pick<Film, 'originalTitle' | 'englishTitle' | 'director' | 'country' | 'year' | 'runtimeMinutes' | 'titleZh' | 'titleRu' | 'titleKk'> & {
  id: number;
  person: string | null;
  filmId: number;
  value: number | null;
  note: string;
  recusal: string | null;
  /** The country as a word in the reader's language (lib/film/countries.ts), set by the page that knows the reader. */
  countryName?: string | null;
};

export function ballotView(db: DB, me: SessionUser, code: string) {
  const fest = getFestival(db);
  // A code is unique within its jury only: another jury's nomination of that code is not this ballot.
  const nom = db.select().from(nomination).where(and(eq(nomination.juryId, fest.id), eq(nomination.code, code))).get();
  if (!nom) return null;
  const recusedFrom = recusalsOf(db, fest, me);
  const scores = myScores(db, me, nom.id, fest);
  const candidates: BallotCandidate[] = orderForJuror(me.id, listCandidates(db, nom.id)).map((c) => ({
    ...c,
    value: scores.get(c.id)?.value ?? null,
    note: scores.get(c.id)?.note ?? '',
    recusal: recusedFrom({ id: c.filmId, country: c.country }),
  }));
  const b = db.select().from(ballot).where(and(eq(ballot.jurorId, me.id), eq(ballot.nominationId, nom.id))).get();
  // The receipt of the ballot that counts, recomputed from its snapshot: while the chair has the
  // ballot reopened, that is still the last submitted one (`reopened`), whatever the juror edits.
  const history = JSON.parse(b?.reopened ?? '[]') as { at: string; reason: string; submitted?: string | null }[];
  const reopened = history.map(({ at, reason }) => ({ at, reason }));
  let receipt: { receipt: string; salt: string; submittedAt: string; canonical: CanonicalBallot; reopened: boolean; lines: ReceiptLine[] } | null = null;
  if (b?.receipt && b.salt) {
    const counted = snapshotOf(db, b.id, { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep });
    const submittedAt = b.submittedAt ?? history.at(-1)?.submitted ?? '';
    receipt = { receipt: b.receipt, salt: b.salt, submittedAt, canonical: canonicalBallot(me.login, nom.code, counted, b.salt), reopened: !b.submittedAt, lines: receiptLines(db, nom.id, counted) };
  }
  return {
    nomination: { id: nom.id, code: nom.code, round: nom.round, kind: nom.kind },
    scale: { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep },
    state: stateOf(fest, nom.round, !!b?.submittedAt),
    candidates,
    receipt,
    reopened,
  };
}
