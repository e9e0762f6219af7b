// The juror's ballot actions (save score, save note, declare and withdraw a recusal, submit) and
// the chair's reopening of a submitted ballot. Each runs inside executeAction's transaction.
import { and, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ballot, candidate, decision, film, score, recusal, user } from '@/db/schema';
import { Refusal, defineSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { JUROR_ROLES } from '@/lib/auth/roles';
import { getFestival, requirePhase } from '@/lib/festival/phase';
import { prepared } from '@/lib/server/prepared';
import { canonicalBallot, newSalt, receiptOf } from './receipt';
import { ballotOf, openRound, recusalReason, requireNotSubmitted, requireOpenCandidate, requireOpenNomination } from './rules';
import { scaleOf, scoreValue, stepsOf } from './scale';
import { writeSnapshot } from './snapshot';

import { NOTE_MAX, REASON_MAX } from '@/lib/server/form';
import { servedRole } from '@/lib/festival/members';

const id = z.union([z.number(), z.string().regex(/^\d{1,9}$/).transform(Number)]).pipe(z.number().int().positive().max(2 ** 31));
// A score as written (7.5 or "7.5"); whether it is on the scale is decided exactly in the handler
// (lib/ballot/scale.ts stepsOf), never through a float.
const scoreInput = z.union([z.number().finite(), z.string().regex(/^-?\d{1,6}(\.\d{1,6})?$/)]).nullable();

const now = () => new Date().toISOString();

export const saveScoreSpec = defineSpec({
  name: 'ballot.saveScore',
  roles: JUROR_ROLES,
  groupCommit: true,
  schema: z.object({ candidateId: id, value: scoreInput }).strict(),
  handler: ({ user: me, input, tx }) => {
    const { fest, cand } = requireOpenCandidate(tx, input.candidateId);
    const scale = scaleOf(fest);
    const steps = input.value === null ? null : stepsOf(scale, input.value);
    if (input.value !== null && steps === null) {
      throw new Refusal('ballot:off_scale', { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep });
    }
    const value = scoreValue(scale, steps);
    if (recusalReason(tx, fest, me, { id: cand.filmId, country: cand.filmCountry })) throw new Refusal('ballot:recused');
    requireNotSubmitted(tx, me.id, cand.nominationId);
    const at = now();
    prepared(tx, 'score.upsertValue', (q) =>
      q.insert(score)
        .values({ jurorId: sql.placeholder('jurorId'), candidateId: sql.placeholder('candidateId'), steps: sql.placeholder('steps'), updatedAt: sql.placeholder('at') })
        .onConflictDoUpdate({ target: [score.jurorId, score.candidateId], set: { steps: sql`excluded.steps`, updatedAt: sql`excluded.updated_at` } })
        .prepare(),
    ).run({ jurorId: me.id, candidateId: cand.id, steps, at });
    // What audit:verify replays (lib/audit-replay.ts): who, which candidate, the steps stored and the score they stand for.
    appendAudit(tx, { actorId: me.id, action: 'ballot.save_score', payload: { jurorId: me.id, candidateId: cand.id, steps, value } });
    return { candidateId: cand.id, value, updatedAt: at };
  },
});

export const saveNoteSpec = defineSpec({
  name: 'ballot.saveNote',
  roles: JUROR_ROLES,
  groupCommit: true,
  schema: z.object({ candidateId: id, note: z.string().max(NOTE_MAX) }).strict(),
  handler: ({ user: me, input, tx }) => {
    const { fest, cand } = requireOpenCandidate(tx, input.candidateId);
    if (recusalReason(tx, fest, me, { id: cand.filmId, country: cand.filmCountry })) throw new Refusal('ballot:recused');
    requireNotSubmitted(tx, me.id, cand.nominationId);
    const at = now();
    prepared(tx, 'score.upsertNote', (q) =>
      q.insert(score)
        .values({ jurorId: sql.placeholder('jurorId'), candidateId: sql.placeholder('candidateId'), steps: null, note: sql.placeholder('note'), updatedAt: sql.placeholder('at') })
        .onConflictDoUpdate({ target: [score.jurorId, score.candidateId], set: { note: sql`excluded.note`, updatedAt: sql`excluded.updated_at` } })
        .prepare(),
    ).run({ jurorId: me.id, candidateId: cand.id, note: input.note, at });
    appendAudit(tx, { actorId: me.id, action: 'ballot.save_note', payload: { candidateId: cand.id, note: input.note } });
    return { candidateId: cand.id, updatedAt: at };
  },
});

/** A recusal touches every nomination of the film: refused once any ballot holding the film is submitted. */
function requireFilmNotInSubmittedBallot(tx: Tx, jurorId: number, filmId: number) {
  const locked = tx
    .select({ id: ballot.id })
    .from(ballot)
    .innerJoin(candidate, eq(candidate.nominationId, ballot.nominationId))
    .where(and(eq(ballot.jurorId, jurorId), isNotNull(ballot.submittedAt), eq(candidate.filmId, filmId)))
    .get();
  if (locked) throw new Refusal('ballot:submitted');
}

export const declareRecusalSpec = defineSpec({
  name: 'ballot.declareRecusal',
  roles: JUROR_ROLES,
  revalidate: ['/jury'],
  schema: z.object({ filmId: id, reason: z.string().trim().min(3).max(REASON_MAX) }).strict(),
  handler: ({ user: me, input, tx }) => {
    requirePhase(tx, 'setup', 'voting', 'special_voting');
    // Another jury's film is refused as an unknown one (issue 23).
    const juryId = getFestival(tx).id;
    const f = tx.select({ id: film.id, competition: film.competition }).from(film).where(and(eq(film.id, input.filmId), eq(film.juryId, juryId))).get();
    if (!f || !f.competition) throw new Refusal('ballot:unknown_film');
    if (tx.select({ id: recusal.id }).from(recusal).where(and(eq(recusal.jurorId, me.id), eq(recusal.filmId, f.id))).get()) {
      throw new Refusal('ballot:already_recused');
    }
    requireFilmNotInSubmittedBallot(tx, me.id, f.id);
    tx.insert(recusal).values({ jurorId: me.id, filmId: f.id, reason: input.reason }).run();
    // The scores already entered for the film stay in the score table and the audit log; the
    // tally excludes them. Nothing is deleted.
    appendAudit(tx, { actorId: me.id, action: 'ballot.declare_recusal', payload: { jury: juryId, filmId: f.id, reason: input.reason } });
    return { filmId: f.id };
  },
});

export const withdrawRecusalSpec = defineSpec({
  name: 'ballot.withdrawRecusal',
  roles: JUROR_ROLES,
  revalidate: ['/jury'],
  schema: z.object({ filmId: id }).strict(),
  handler: ({ user: me, input, tx }) => {
    requirePhase(tx, 'setup', 'voting', 'special_voting');
    // A recusal from another jury's film (a person may sit on two) is not this jury's to withdraw.
    const juryId = getFestival(tx).id;
    const row = tx.select({ id: recusal.id }).from(recusal).innerJoin(film, eq(film.id, recusal.filmId))
      .where(and(eq(recusal.jurorId, me.id), eq(recusal.filmId, input.filmId), eq(film.juryId, juryId))).get();
    if (!row) throw new Refusal('ballot:not_recused');
    requireFilmNotInSubmittedBallot(tx, me.id, input.filmId);
    tx.delete(recusal).where(eq(recusal.id, row.id)).run();
    appendAudit(tx, { actorId: me.id, action: 'ballot.withdraw_recusal', payload: { jury: juryId, filmId: input.filmId } });
    return { filmId: input.filmId };
  },
});

export const submitBallotSpec = defineSpec({
  name: 'ballot.submit',
  roles: JUROR_ROLES,
  revalidate: ['/jury'],
  schema: z.object({ nominationId: id }).strict(),
  handler: ({ user: me, input, tx }) => {
    const { fest, nom } = requireOpenNomination(tx, input.nominationId);
    requireNotSubmitted(tx, me.id, nom.id);
    const cands = tx
      .select({ id: candidate.id, filmId: film.id, country: film.country })
      .from(candidate)
      .innerJoin(film, eq(film.id, candidate.filmId))
      .where(eq(candidate.nominationId, nom.id))
      .all();
    if (cands.length === 0) throw new Refusal('ballot:no_candidates');
    const mine = new Map(
      tx
        .select({ candidateId: score.candidateId, steps: score.steps })
        .from(score)
        .where(and(eq(score.jurorId, me.id), inArray(score.candidateId, cands.map((c) => c.id))))
        .all()
        .map((s) => [s.candidateId, scoreValue(scaleOf(fest), s.steps)]),
    );
    const counted: { candidateId: number; value: number }[] = [];
    const missing: number[] = [];
    for (const c of cands) {
      if (recusalReason(tx, fest, me, { id: c.filmId, country: c.country })) continue;
      const v = mine.get(c.id);
      if (v === null || v === undefined) missing.push(c.id);
      else counted.push({ candidateId: c.id, value: v });
    }
    if (missing.length > 0) throw new Refusal('ballot:incomplete', { missing: missing.length });
    // The receipt covers the values as the snapshot keeps them (whole steps, read back through
    // valueOfSteps), so that it can be recomputed from the snapshot for as long as it counts.
    const scale = scaleOf(fest);
    const exact = counted;
    const salt = newSalt();
    const canonical = canonicalBallot(me.login, nom.code, exact, salt);
    const receipt = receiptOf(canonical);
    const at = now();
    const row = tx.insert(ballot)
      .values({ jurorId: me.id, nominationId: nom.id, submittedAt: at, receipt, salt })
      .onConflictDoUpdate({ target: [ballot.jurorId, ballot.nominationId], set: { submittedAt: at, receipt, salt } })
      .returning({ id: ballot.id })
      .get();
    // A new submission replaces the snapshot (and so the counted ballot) and the receipt together.
    writeSnapshot(tx, row.id, scale, exact);
    appendAudit(tx, { actorId: me.id, action: 'ballot.submit', payload: { nominationId: nom.id, receipt, scores: counted.length, candidates: counted.map((c) => c.candidateId) } });
    return { receipt, salt, canonical, submittedAt: at };
  },
});

/**
 * The chair's reopen form (app/chair/ReopenBallotForm.tsx) picks a ballot in one select, posted as
 * `ballot`: "<juror id>:<nomination id>". Any other input passes as it is.
 */
function fromReopenForm(v: unknown): unknown {
  if (!v || typeof v !== 'object' || !('ballot' in v)) return v;
  const { ballot: picked, ...rest } = v as Record<string, unknown>;
  const [jurorId, nominationId] = typeof picked === 'string' ? picked.split(':') : [];
  return { ...rest, jurorId, nominationId };
}

export const reopenBallotSpec = defineSpec({
  name: 'ballot.reopen',
  roles: ['chair'] as const,
  revalidate: ['/chair', '/jury'],
  schema: z.preprocess(fromReopenForm, z.object({ jurorId: id, nominationId: id, reason: z.string().trim().min(3).max(REASON_MAX) }).strict()),
  handler: ({ user: me, input, tx }) => {
    const { fest, nom } = requireOpenNomination(tx, input.nominationId);
    if (!openRound(fest.phase)) throw new Refusal('ballot:round_closed');
    const juror = tx.select({ id: user.id, role: servedRole, active: user.active }).from(user).where(eq(user.id, input.jurorId)).get();
    // A member of the served jury only: another jury's juror has no ballot here to reopen.
    if (!juror || juror.role === null || juror.role === 'organiser') throw new Refusal('ballot:unknown_juror');
    // A deactivated juror could never resubmit: the ballot would stay reopened for good.
    if (!juror.active) throw new Refusal('ballot:inactive_juror');
    const row = ballotOf(tx, juror.id, nom.id);
    if (!row?.submittedAt) throw new Refusal('ballot:not_submitted');
    const at = now();
    // `submitted`: when the ballot that keeps counting meanwhile was submitted (its receipt's time).
    const history = [...(JSON.parse(row.reopened) as unknown[]), { at, by: me.id, reason: input.reason, submitted: row.submittedAt }];
    // Unlocked for the juror to change, but the receipt, salt and snapshot stay: until the juror
    // submits again the ballot counts as last submitted, so reopening changes no tally.
    tx.update(ballot)
      .set({ submittedAt: null, reopened: JSON.stringify(history) })
      .where(eq(ballot.id, row.id))
      .run();
    tx.insert(decision).values({ juryId: fest.id, nominationId: nom.id, kind: 'reopen_ballot', reason: input.reason, actorId: me.id, chosen: JSON.stringify([juror.id]) }).run();
    appendAudit(tx, { actorId: me.id, action: 'ballot.reopen', payload: { jurorId: juror.id, nominationId: nom.id, reason: input.reason } });
    return { reopened: history.length };
  },
});
