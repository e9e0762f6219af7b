// The chair's rounds: close and reopen a round, decide a tie, open the Special Jury Prize round,
// finalise; and the organisers' publication. Each checks the phase inside its transaction.
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { award, candidate, decision, nomination } from '@/db/schema';
import { Refusal, defineSpec, type Tx } from '@/lib/server/action';
import { appendAudit, chainHead, formatHead } from '@/lib/audit';
import { requirePhase, updateJury } from '@/lib/festival/phase';
import { specialRoundCandidates, tally } from '@/lib/tally';
import { finalHashOf } from './hash';
import { missingBallots } from './missing';
import { quorumOf } from '@/lib/count/quorum';
import { countedAtClose, countedScoresAtClose } from './changed';
import { countedDigest } from './counted-digest';
import { anonymiseTallyInput, buildTallyInput } from '@/lib/count/tally-input';
import { tallyOrRefuse } from '@/lib/count/checked-tally';
import { decisionRows, undecidedResult, UNSETTLED, waiverInForce } from '@/lib/count/decisions';
import { assignAnonIds } from '@/lib/count/anon-ids';
import { isOpen, runoffRows } from '@/lib/runoff/queries';
import { nextSteps } from '@/lib/runoff/next';
import { runoffOpenOn, setAsideRunoffs } from '@/lib/runoff/set-aside';
import { REASON_MAX } from '@/lib/server/form';
const id = z.union([z.number(), z.string().regex(/^\d{1,9}$/).transform(Number)]).pipe(z.number().int().positive());
const flag = z.union([z.boolean(), z.enum(['on', 'true', 'false', '1', '0']).transform((v) => v === 'on' || v === 'true' || v === '1')]);
/** Ids as a list, or as a form sends them: one field, comma-joined. */
const ids = z.preprocess((v) => (typeof v === 'string' ? v.split(',') : v), z.array(id));

/**
 * The chair's tie form (app/chair/TieForm.tsx) posts one radio, `choice`: a candidate's id for the
 * casting vote, or `shared` for the award shared among all the tied. Any other input passes as it is.
 */
function fromTieForm(v: unknown): unknown {
  if (!v || typeof v !== 'object' || !('choice' in v)) return v;
  const { choice, ...rest } = v as Record<string, unknown>;
  return choice === 'shared' ? { ...rest, kind: 'shared', chosen: rest.tied } : { ...rest, kind: 'casting_vote', chosen: [choice] };
}

function setPhase(tx: Tx, phase: 'voting' | 'main_closed' | 'special_voting' | 'special_closed' | 'finalised' | 'published') {
  updateJury(tx, { phase });
}

/** The pages a change of the round's state shows on: everyone's. */
const EVERYWHERE = ['/chair', '/jury', '/admin', '/results'];

function hasSpecialRound(tx: Tx, juryId: number) {
  return !!tx.select({ id: nomination.id }).from(nomination).where(and(eq(nomination.juryId, juryId), eq(nomination.round, 'special'))).get();
}

/** The served jury's nomination of this code: another jury's (codes repeat across juries) is no nomination here. */
export function nominationByCode(tx: Tx, juryId: number, code: string) {
  return tx.select().from(nomination).where(and(eq(nomination.juryId, juryId), eq(nomination.code, code))).get();
}

export const closeRoundSpec = defineSpec({
  name: 'round.close',
  roles: ['chair'],
  revalidate: EVERYWHERE,
  schema: z.object({ confirmMissing: flag.default(false) }).strict(),
  handler: ({ user: me, input, tx }) => {
    const fest = requirePhase(tx, 'voting', 'special_voting');
    const round = fest.phase === 'voting' ? 'main' : 'special';
    // Below the quorum even "close anyway" is refused: a nomination's tally over one or two
    // ballots would be those jurors' scores (lib/count/quorum.ts).
    const q = quorumOf(tx, round);
    if (q.short.length > 0) throw new Refusal('round:below_quorum', { quorum: q.quorum, short: q.short.length, lowest: Math.min(...q.short.map((n) => n.counted)) });
    const missing = missingBallots(tx, round);
    if (missing.length > 0 && !input.confirmMissing) throw new Refusal('round:missing_ballots', { count: missing.length });
    setPhase(tx, round === 'main' ? 'main_closed' : 'special_closed');
    const counted = JSON.stringify(countedAtClose(tx, round));
    const countedScores = JSON.stringify(countedScoresAtClose(tx, buildTallyInput(tx), round));
    tx.insert(decision).values({
      juryId: fest.id,
      kind: 'close_round', round, reason: missing.length ? `closed with ${missing.length} ballots missing` : '',
      chosen: JSON.stringify(missing.map((m) => [m.jurorId, m.nomination])), actorId: me.id, counted, countedScores,
    }).run();
    // The counted sets are stated (as a digest) so that audit:verify catches them edited in the file.
    // Every round entry names its jury, so that audit:verify replays each jury's rows from its own entries.
    appendAudit(tx, { actorId: me.id, action: 'round.close', payload: { jury: fest.id, round, missing: missing.map((m) => ({ jurorId: m.jurorId, nomination: m.nomination })), counted: countedDigest(counted, countedScores) } });
    return { round, missing: missing.length };
  },
});

export const reopenRoundSpec = defineSpec({
  name: 'round.reopen',
  roles: ['chair'],
  revalidate: EVERYWHERE,
  schema: z.object({ reason: z.string().trim().min(3).max(REASON_MAX) }).strict(),
  handler: ({ user: me, input, tx }) => {
    const fest = requirePhase(tx, 'main_closed', 'special_closed');
    const round = fest.phase === 'main_closed' ? 'main' : 'special';
    setPhase(tx, round === 'main' ? 'voting' : 'special_voting');
    // The round's decisions are set aside by this row (lib/count/decisions.ts): after the next close the chair decides again.
    tx.insert(decision).values({ juryId: fest.id, kind: 'reopen_round', round, reason: input.reason, actorId: me.id }).run();
    // Its runoffs, open or closed, likewise: they were held on ties of the data the reopening may change.
    const runoffs = setAsideRunoffs(tx, round);
    appendAudit(tx, { actorId: me.id, action: 'round.reopen', payload: { jury: fest.id, round, reason: input.reason, ...(runoffs.length ? { runoffs } : {}) } });
    return { round };
  },
});

function closedRoundOf(phase: string): 'main' | 'special' | null {
  return phase === 'main_closed' ? 'main' : phase === 'special_closed' ? 'special' : null;
}

export const decideTieSpec = defineSpec({
  name: 'round.decideTie',
  roles: ['chair'],
  revalidate: ['/chair'],
  schema: z.preprocess(
    fromTieForm,
    z
      .object({
        nomination: z.string().regex(/^[a-z0-9_]{1,64}$/),
        kind: z.enum(['casting_vote', 'shared']),
        tied: ids.pipe(z.array(z.number()).min(2).max(500)),
        chosen: ids.pipe(z.array(z.number()).min(1).max(500)),
        reason: z.string().trim().max(REASON_MAX).default(''),
      })
      .strict(),
  ),
  handler: ({ user: me, input, tx }) => {
    const fest = requirePhase(tx, 'main_closed', 'special_closed');
    const nom = nominationByCode(tx, fest.id, input.nomination);
    if (!nom) throw new Refusal('round:unknown_nomination');
    if (nom.round !== closedRoundOf(fest.phase)) throw new Refusal('round:not_closed');
    // Refused with the stored data's problems named when it cannot be tallied (lib/count/checked-tally.ts);
    // decided on the tally without this nomination's own decisions, so a decision can be changed.
    tallyOrRefuse(tx);
    const result = undecidedResult(buildTallyInput(tx), nom.code);
    const tied = input.tied.map(String);
    if (result.status !== 'blocked' || !result.tie) throw new Refusal('round:no_tie');
    // The festival's tie-break chain (lib/runoff): no decision while a runoff on it is open, and only a step the rules allow now.
    if (runoffOpenOn(tx, nom.id)) throw new Refusal('runoff:already_open');
    const held = runoffRows(tx).filter((r) => r.nominationId === nom.id && r.setAsideAt === null).length;
    const next = nextSteps(result.tie, nom, held);
    if (next.includes('runoff')) throw new Refusal('runoff:rules_say_runoff');
    if (!next.includes(input.kind) && nom.exAequoAllowed) throw new Refusal('runoff:step_not_in_rules');
    const current = new Set(result.tie.candidates);
    if (current.size !== new Set(tied).size || !tied.every((c) => current.has(c))) throw new Refusal('round:tie_changed');
    const chosen = [...new Set(input.chosen.map(String))];
    if (!chosen.every((c) => current.has(c))) throw new Refusal('round:not_tied');
    if (input.kind === 'casting_vote' && chosen.length !== 1) throw new Refusal('round:one_winner');
    if (input.kind === 'shared') {
      if (!nom.exAequoAllowed) throw new Refusal('round:shared_not_allowed');
      if (chosen.length < 2 || chosen.length > nom.maxWinners) throw new Refusal('round:too_many_winners', { max: nom.maxWinners });
    }
    tx.insert(decision).values({ juryId: fest.id, nominationId: nom.id, kind: input.kind, tied: JSON.stringify(tied.map(Number)), chosen: JSON.stringify(chosen.map(Number)), reason: input.reason, actorId: me.id }).run();
    appendAudit(tx, { actorId: me.id, action: 'round.decide_tie', payload: { jury: fest.id, nomination: nom.code, kind: input.kind, tied, chosen, reason: input.reason } });
    return { nomination: nom.code, chosen };
  },
});

export const openSpecialRoundSpec = defineSpec({
  name: 'round.openSpecial',
  roles: ['chair'],
  revalidate: EVERYWHERE,
  schema: z.object({}).strict(),
  handler: ({ user: me, tx }) => {
    const fest = requirePhase(tx, 'main_closed');
    const specials = tx.select().from(nomination).where(and(eq(nomination.juryId, fest.id), eq(nomination.round, 'special'))).all();
    if (specials.length === 0) throw new Refusal('round:no_special_round');
    const { input, result } = tallyOrRefuse(tx);
    const blocked = result.nominations.filter((n) => n.round === 'main' && n.status === 'blocked');
    if (blocked.length) throw new Refusal('round:ties_open', { count: blocked.length });
    const films = specialRoundCandidates(input, result);
    // Nothing to vote on: finalising skips the round with a recorded note.
    if (films.length === 0) throw new Refusal('round:no_special_candidates');
    // Main decisions cannot be taken once the special round is open: "no award" must come first.
    const empty = result.nominations.filter((n) => n.round === 'main' && UNSETTLED.includes(n.status));
    if (empty.length) throw new Refusal('round:no_award_open', { count: empty.length });
    for (const nom of specials) {
      // The candidates are set when the round opens and never edited afterwards.
      if (tx.select({ id: candidate.id }).from(candidate).where(eq(candidate.nominationId, nom.id)).get()) continue;
      for (const f of films) tx.insert(candidate).values({ nominationId: nom.id, filmId: Number(f), person: null }).run();
    }
    setPhase(tx, 'special_voting');
    appendAudit(tx, { actorId: me.id, action: 'round.open_special', payload: { jury: fest.id, films: films.map(Number) } });
    return { candidates: films.length };
  },
});

export const finaliseSpec = defineSpec({
  name: 'round.finalise',
  roles: ['chair'],
  revalidate: EVERYWHERE,
  schema: z.object({}).strict(),
  handler: ({ user: me, tx }) => {
    const fest = requirePhase(tx, 'main_closed', 'special_closed');
    if (runoffRows(tx).some(isOpen)) throw new Refusal('runoff:still_open');
    const { input, result: output } = tallyOrRefuse(tx);
    // Finalising from the main round: the special round, if defined, is waived by the chair or,
    // when no film is left for it, skipped with a note; its nominations then need no decision.
    const specialHeld = fest.phase === 'special_closed';
    const undecided = output.nominations.filter((n) => (specialHeld || n.round === 'main') && UNSETTLED.includes(n.status));
    if (undecided.length) throw new Refusal('round:undecided', { count: undecided.length, nominations: undecided.map((n) => n.code).join(', ') });
    let special: 'held' | 'waived' | 'skipped' | 'none' = specialHeld ? 'held' : 'none';
    if (!specialHeld && hasSpecialRound(tx, fest.id)) {
      if (waiverInForce(decisionRows(tx))) special = 'waived';
      else if (specialRoundCandidates(input, output).length === 0) {
        special = 'skipped';
        tx.insert(decision).values({ juryId: fest.id, kind: 'skip_special', round: 'special', reason: '', actorId: me.id }).run();
      } else throw new Refusal('round:special_pending');
    }
    const nomId = new Map(tx.select({ id: nomination.id, code: nomination.code }).from(nomination).where(eq(nomination.juryId, fest.id)).all().map((n) => [n.code, n.id]));
    for (const n of output.nominations) {
      for (const w of n.winners) {
        const ranked = n.ranking.find((r) => r.candidate === w)!;
        tx.insert(award).values({
          nominationId: nomId.get(n.code)!,
          candidateId: Number(w),
          aggregate: ranked.aggregate?.display ?? '',
          margin: n.margin?.display ?? null,
          shared: n.winners.length > 1,
        }).run();
      }
    }
    // The hash covers the anonymised ballots (random ids drawn here, once): at the anonymised_ballots
    // level anyone can recompute it; at the others it is a commitment that the data could later prove.
    assignAnonIds(tx, input);
    const published = anonymiseTallyInput(tx, input);
    const hash = finalHashOf(published, tally(published));
    appendAudit(tx, { actorId: me.id, action: 'round.finalise', payload: { jury: fest.id, hash, special, awards: output.nominations.map((n) => ({ nomination: n.code, status: n.status, winners: n.winners })) } });
    // The chain's head with the finalisation in it, printed in the protocol: a log cut short after it is caught.
    const head = formatHead(chainHead(tx));
    updateJury(tx, { phase: 'finalised', finalHash: hash, finalisedHead: head });
    return { hash, head };
  },
});

export const publishSpec = defineSpec({
  name: 'round.publish',
  roles: ['organiser'],
  revalidate: EVERYWHERE,
  schema: z.object({}).strict(),
  handler: ({ user: me, tx }) => {
    const fest = requirePhase(tx, 'finalised');
    appendAudit(tx, { actorId: me.id, action: 'round.publish', payload: { jury: fest.id, hash: fest.finalHash, finalisedHead: fest.finalisedHead } });
    const head = formatHead(chainHead(tx));
    updateJury(tx, { phase: 'published', publishedHead: head });
    return { published: true, head };
  },
});
