// The runoff's three actions: the chair opens one on a tie the rules send to a runoff, each juror
// entitled to vote casts one secret vote (once, with a receipt), the chair closes it when everyone
// entitled has voted or, earlier, at the quorum (lib/runoff/queries.ts runoffQuorum). Each checks
// session, role, phase and the runoff itself inside one transaction with its audit entry. The audit
// entry of a vote names the juror and the receipt, never the choice: the organisers read the log.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { nomination, runoff, runoffVote, user } from '@/db/schema';
import { servedRole } from '@/lib/festival/members';
import { Refusal, defineSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { JUROR_ROLES } from '@/lib/auth/roles';
import { getFestival, requirePhase } from '@/lib/festival/phase';
import { newSalt } from '@/lib/ballot/receipt';
import { tallyOrRefuse } from '@/lib/count/checked-tally';
import { canonicalRunoffVote, runoffReceiptOf } from './receipt';
import { notEntitled } from './entitled';
import { nextSteps } from './next';
import { isOpen, runoffById, runoffCounts, runoffRows, standingOfRunoff } from './queries';

const id = z.union([z.number(), z.string().regex(/^\d{1,9}$/).transform(Number)]).pipe(z.number().int().positive().max(2 ** 31));
const code = z.string().regex(/^[a-z0-9_]{1,64}$/);
/** Ids as a list, or as a form sends them: one field, comma-joined. */
const ids = z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(id));
const now = () => new Date().toISOString();

function closedRound(tx: Tx): 'main' | 'special' {
  const fest = requirePhase(tx, 'main_closed', 'special_closed');
  return fest.phase === 'main_closed' ? 'main' : 'special';
}

/** An open runoff of the round that is closed now. */
function openRunoff(tx: Tx, runoffId: number) {
  const round = closedRound(tx);
  const r = runoffById(tx, runoffId);
  if (!r) throw new Refusal('runoff:unknown');
  if (!isOpen(r) || r.round !== round) throw new Refusal('runoff:not_open');
  return r;
}

export const openRunoffSpec = defineSpec({
  name: 'runoff.open',
  roles: ['chair'],
  revalidate: ['/chair', '/jury'],
  // `tied`: the tie the chair saw, so that a runoff is never held on a tie that changed meanwhile.
  schema: z.object({ nomination: code, tied: ids.pipe(z.array(z.number()).min(2).max(500)) }).strict(),
  handler: ({ user: me, input, tx }) => {
    const round = closedRound(tx);
    // Codes repeat across juries: only the served jury's nomination of this code.
    const nom = tx.select().from(nomination).where(and(eq(nomination.juryId, getFestival(tx).id), eq(nomination.code, input.nomination))).get();
    if (!nom) throw new Refusal('round:unknown_nomination');
    if (nom.round !== round) throw new Refusal('round:not_closed');
    const rows = runoffRows(tx).filter((r) => r.nominationId === nom.id && r.setAsideAt === null);
    if (rows.some(isOpen)) throw new Refusal('runoff:already_open');
    const result = tallyOrRefuse(tx).result.nominations.find((n) => n.code === nom.code)!;
    if (result.status !== 'blocked' || !result.tie) throw new Refusal('round:no_tie');
    const tied = result.tie.candidates.map(Number);
    const seen = new Set(input.tied);
    if (seen.size !== tied.length || !tied.every((c) => seen.has(c))) throw new Refusal('round:tie_changed');
    if (!nextSteps(result.tie, nom, rows.length).includes('runoff')) {
      // The tally skipped the runoff: too few may vote besides the chair (lib/tally/runoff.ts RUNOFF_ELECTORATE).
      const skipped = result.reasons.find((r) => r.code === 'runoff_skipped' && r.params.candidates === result.tie!.candidates.join(','));
      if (skipped) throw new Refusal('runoff:too_few_voters', { entitled: Number(skipped.params.entitled) });
      throw new Refusal('runoff:not_in_rules');
    }
    const row = tx.insert(runoff).values({ nominationId: nom.id, tied: JSON.stringify(tied), places: result.tie.places, openedBy: me.id, openedAt: now() }).returning({ id: runoff.id }).get();
    const r = runoffById(tx, row.id)!;
    const standing = standingOfRunoff(tx, r);
    appendAudit(tx, { actorId: me.id, action: 'runoff.open', payload: { runoff: r.id, nomination: nom.code, tied, places: r.places, entitled: standing.entitled } });
    return { runoff: r.id, entitled: standing.entitled };
  },
});

export const castRunoffVoteSpec = defineSpec({
  name: 'runoff.vote',
  roles: JUROR_ROLES,
  // No revalidation: the pages read the database on every request, and refreshing /jury in the
  // action's answer would unmount the ballot before it shows the receipt (shown only this once).
  // A tied candidate's id, or "abstain" where the rules allow an abstention.
  schema: z.object({ runoff: id, choice: z.union([z.literal('abstain'), id]) }).strict(),
  handler: ({ user: me, input, tx }) => {
    const r = openRunoff(tx, input.runoff);
    const nom = tx.select().from(nomination).where(eq(nomination.id, r.nominationId)).get()!;
    // Entitlement from the stored account, not the session: a recusal or deactivation counts at once.
    const juror = tx.select({ id: user.id, role: servedRole, active: user.active, country: user.country, login: user.login }).from(user).where(eq(user.id, me.id)).get();
    if (!juror) throw new Refusal('auth:required');
    const why = notEntitled(tx, juror, r.tied);
    if (why === 'recused') throw new Refusal('runoff:recused');
    if (why) throw new Refusal('runoff:not_entitled');
    if (tx.select({ id: runoffVote.id }).from(runoffVote).where(and(eq(runoffVote.runoffId, r.id), eq(runoffVote.jurorId, me.id))).get()) throw new Refusal('runoff:already_voted');
    const choice = input.choice === 'abstain' ? null : input.choice;
    if (choice === null && !nom.runoffAbstention) throw new Refusal('runoff:abstention_not_allowed');
    if (choice !== null && !r.tied.includes(choice)) throw new Refusal('runoff:not_tied');
    const salt = newSalt();
    const canonical = canonicalRunoffVote(r.id, nom.code, juror.login, choice, salt);
    const receipt = runoffReceiptOf(canonical);
    const at = now();
    tx.insert(runoffVote).values({ runoffId: r.id, jurorId: me.id, choice, receipt, salt, createdAt: at }).run();
    appendAudit(tx, { actorId: me.id, action: 'runoff.vote', payload: { runoff: r.id, nomination: nom.code, jurorId: me.id, receipt } });
    return { receipt, salt, canonical, at };
  },
});

export const closeRunoffSpec = defineSpec({
  name: 'runoff.close',
  roles: ['chair'],
  revalidate: ['/chair', '/jury', '/results'],
  schema: z.object({ runoff: id }).strict(),
  handler: ({ user: me, input, tx }) => {
    const r = openRunoff(tx, input.runoff);
    const standing = standingOfRunoff(tx, r);
    if (!standing.canClose) throw new Refusal('runoff:below_quorum', { cast: standing.cast, quorum: standing.quorum, entitled: standing.entitled });
    tx.update(runoff).set({ closedAt: now(), closedBy: me.id }).where(eq(runoff.id, r.id)).run();
    const { counts, abstentions, votes } = runoffCounts(tx, r);
    appendAudit(tx, { actorId: me.id, action: 'runoff.close', payload: { runoff: r.id, nomination: r.nomination, votes, entitled: standing.entitled, counts, abstentions } });
    return { runoff: r.id, votes, counts, abstentions };
  },
});
