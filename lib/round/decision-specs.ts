// The chair's decisions besides a tie's: "no award" for a nomination nobody can win, withdrawing a
// decision until finalisation, and waiving a special round that is defined but not wanted. Each
// is a row of the decision log (nothing is ever deleted) and an audit entry, in one transaction.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { decision, nomination } from '@/db/schema';
import { Refusal, defineSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { requirePhase } from '@/lib/festival/phase';
import { decisionRows, decisionsInForce, undecidedResult, waiverInForce } from '@/lib/count/decisions';
import { buildTallyInput } from '@/lib/count/tally-input';
import { REASON_MAX } from '@/lib/server/form';
const code = z.string().regex(/^[a-z0-9_]{1,64}$/);
const reason = z.string().trim().min(3).max(REASON_MAX);

/** The nomination, which must belong to the round that is closed now. */
function closedNomination(tx: Tx, nominationCode: string) {
  const fest = requirePhase(tx, 'main_closed', 'special_closed');
  // Another jury's nomination of the same code is no nomination of this one.
  const nom = tx.select().from(nomination).where(and(eq(nomination.juryId, fest.id), eq(nomination.code, nominationCode))).get();
  if (!nom) throw new Refusal('round:unknown_nomination');
  if (nom.round !== (fest.phase === 'main_closed' ? 'main' : 'special')) throw new Refusal('round:not_closed');
  return { nom, juryId: fest.id };
}

export const noAwardSpec = defineSpec({
  name: 'round.noAward',
  roles: ['chair'],
  revalidate: ['/chair'],
  schema: z.object({ nomination: code, reason }).strict(),
  handler: ({ user: me, input, tx }) => {
    const { nom, juryId } = closedNomination(tx, input.nomination);
    const result = undecidedResult(buildTallyInput(tx), nom.code);
    // Only where nobody can win: a winner or a tie is decided by the scores and the tie-break chain.
    if (result.status !== 'no_candidates' && result.status !== 'no_scores') throw new Refusal('round:award_possible');
    tx.insert(decision).values({ juryId, nominationId: nom.id, kind: 'no_award', reason: input.reason, actorId: me.id }).run();
    appendAudit(tx, { actorId: me.id, action: 'round.no_award', payload: { jury: juryId, nomination: nom.code, status: result.status, reason: input.reason } });
    return { nomination: nom.code };
  },
});

export const withdrawDecisionSpec = defineSpec({
  name: 'round.withdrawDecision',
  roles: ['chair'],
  revalidate: ['/chair'],
  // Without a nomination: the waiver of the special round.
  schema: z.object({ nomination: code.optional(), reason: z.string().trim().max(REASON_MAX).default('') }).strict(),
  handler: ({ user: me, input, tx }) => {
    const rows = decisionRows(tx);
    if (input.nomination === undefined) {
      const { id: juryId } = requirePhase(tx, 'main_closed');
      const waiver = waiverInForce(rows);
      if (!waiver) throw new Refusal('round:nothing_to_withdraw');
      tx.insert(decision).values({ juryId, kind: 'withdraw', round: 'special', reason: input.reason, actorId: me.id }).run();
      appendAudit(tx, { actorId: me.id, action: 'round.withdraw_decision', payload: { jury: juryId, waiver: waiver.id, reason: input.reason } });
      return { withdrawn: [waiver.id] };
    }
    const { nom, juryId } = closedNomination(tx, input.nomination);
    const withdrawn = decisionsInForce(rows).filter((d) => d.nominationId === nom.id).map((d) => d.id);
    if (withdrawn.length === 0) throw new Refusal('round:nothing_to_withdraw');
    tx.insert(decision).values({ juryId, nominationId: nom.id, kind: 'withdraw', reason: input.reason, actorId: me.id }).run();
    appendAudit(tx, { actorId: me.id, action: 'round.withdraw_decision', payload: { jury: juryId, nomination: nom.code, decisions: withdrawn, reason: input.reason } });
    return { withdrawn };
  },
});

export const waiveSpecialSpec = defineSpec({
  name: 'round.waiveSpecial',
  roles: ['chair'],
  revalidate: ['/chair'],
  schema: z.object({ reason }).strict(),
  handler: ({ user: me, input, tx }) => {
    const { id: juryId } = requirePhase(tx, 'main_closed');
    if (!tx.select({ id: nomination.id }).from(nomination).where(and(eq(nomination.juryId, juryId), eq(nomination.round, 'special'))).get()) throw new Refusal('round:no_special_round');
    tx.insert(decision).values({ juryId, kind: 'waive_special', round: 'special', reason: input.reason, actorId: me.id }).run();
    appendAudit(tx, { actorId: me.id, action: 'round.waive_special', payload: { jury: juryId, reason: input.reason } });
    return { waived: true };
  },
});
