// One nomination's award: the best eligible candidates by aggregate, then head-to-head, then the
// chair's recorded decision; an unresolved tie blocks the award rather than being broken silently.

import { resolveNoAward, resolveTie, type IndexedDecision } from './decisions';
import { applyRunoffs, nextSteps, settlingSteps, type ChainContext } from './runoff';
import type { Standing } from './methods';
import type { Sheet } from './sheet';
import { peel, type HeadToHead } from './ties';
import type { Aggregate, ExAequoRule, NominationStatus, Reason, RunoffOutcome, TieBreakStep } from './types';

/** Every award is one place; a shared award is the chair's decision on a tie for it. */
export const PLACES = 1;

export interface Award {
  status: NominationStatus;
  winners: number[];
  tie: number[] | null;
  /** The places the tie is for (fewer than PLACES when a runoff elected some outright). */
  places: number;
  /** What the chain allows next for the tie, when the output says so. */
  next?: TieBreakStep[];
  runoffs: RunoffOutcome[];
  margin: Aggregate | null;
  reasons: Reason[];
}

export interface AwardContext {
  sheet: Sheet;
  standing: Standing;
  duel: HeadToHead;
  /** Per column: may win (not passed over by the one-award rule, has a counted score). */
  eligible: boolean[];
  /** Per column: not passed over by the one-award rule (scores aside). */
  inContention: boolean[];
  /** Column position in the displayed ranking, to list ties and winners in that order. */
  position: Int32Array;
  decisions: IndexedDecision[];
  exAequo: ExAequoRule | undefined;
  /** The rest of the tie-break chain: the runoffs and the rules they follow. */
  chain: ChainContext;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const s = new Set(a);
  return s.size === b.length && b.every((x) => s.has(x));
}

export function decideAward(ctx: AwardContext): Award {
  const { sheet, standing, duel, eligible, position } = ctx;
  const ids = sheet.nomination.candidates.map((c) => c.id);
  const byPosition = (cols: number[]) => [...cols].sort((a, b) => position[a] - position[b]);
  const groups = standing.groups.map((g) => g.filter((c) => eligible[c])).filter((g) => g.length > 0);
  const none = (status: NominationStatus): Award => {
    const { noAward, reasons } = resolveNoAward(ctx.decisions);
    // Nothing is tied here, so every runoff of the nomination is stale.
    reasons.push(...applyRunoffs(null, PLACES, ctx.chain).reasons);
    return { status: noAward ? 'no_award' : status, winners: [], tie: null, places: PLACES, runoffs: [], margin: null, reasons };
  };
  if (!ctx.inContention.some(Boolean)) return none('no_candidates');
  if (groups.length === 0) return none('no_scores');

  const reasons: Reason[] = [];
  const top = groups[0];
  let winners: number[] | null = null;
  let tie: number[] | null = null;
  if (top.length === 1) winners = top;
  else if (!standing.headToHead) tie = byPosition(top);
  else {
    // Only eligible candidates compete here, so the order can differ from the displayed one.
    const first = peel(top, duel)[0];
    if (first.length === 1) {
      winners = first;
      for (const c of top) {
        if (c === first[0]) continue;
        const d = duel(first[0], c);
        reasons.push({
          code: 'head_to_head',
          params: { winner: ids[first[0]], loser: ids[c], for: d.wins, against: d.losses },
        });
      }
    } else tie = byPosition(first);
  }

  // The rest of the chain: the runoffs held on this very tie, then the chair's decision where the
  // chain has come to it. Without runoffs and tie-break rules this is exactly resolveTie on the tie.
  const col = new Map(ids.map((id, c) => [id, c]));
  const chain = applyRunoffs(tie && tie.map((c) => ids[c]), PLACES, ctx.chain);
  reasons.push(...chain.reasons);
  const elected = chain.elected.map((id) => col.get(id)!);
  const left = chain.tie;
  // What the chain allows now is, in one answer, what the output reports as `tie.next` and the
  // kinds of decision accepted. A shared award the chain names but the ex aequo rule does not
  // allow is refused as before runoffs (`shared_not_allowed`), which says why.
  const allowedNow = nextSteps(ctx.chain.chain, chain.step, ctx.exAequo, chain.places, elected.length);
  const exAequo = ctx.exAequo && elected.length ? { ...ctx.exAequo, maxWinners: ctx.exAequo.maxWinners - elected.length } : ctx.exAequo;
  const named = (kind: string) => kind === 'shared' && allowedNow[0] !== 'runoff' && ctx.chain.chain.slice(chain.step).includes('shared');
  const decisions = ctx.decisions.filter(({ index, decision: d }) => {
    if (!left || d.kind === 'no_award' || (allowedNow as string[]).includes(d.kind) || !sameSet(d.tied, left)) return true;
    if (named(d.kind)) reasons.push({ code: 'shared_not_allowed', params: { decision: index, count: new Set(d.chosen).size, maxWinners: exAequo?.allowed ? exAequo.maxWinners : 0 } });
    else reasons.push({ code: 'decision_out_of_chain', params: { decision: index, kind: d.kind, next: allowedNow.join(',') } });
    return false;
  });
  const resolution = resolveTie(left, chain.places, decisions, exAequo);
  reasons.push(...resolution.reasons);
  let rest: number[] | null = left && left.map((id) => col.get(id)!);
  if (tie) winners = elected;
  if (rest && resolution.winners) {
    const chosen = new Set(resolution.winners);
    winners = [...elected, ...rest.filter((c) => chosen.has(ids[c]))];
    rest = null;
  }
  tie = rest;
  const runoffs = chain.outcomes;
  if (tie) {
    const told = ctx.chain.tellNext ? { next: allowedNow } : {};
    reasons.push({ code: 'tie_unresolved', params: { candidates: tie.map((c) => ids[c]).join(','), places: chain.places } });
    // Not the chair's turn yet: the festival's rules send this tie to the jurors first.
    if (told.next?.[0] === 'runoff') reasons.push({ code: 'runoff_due', params: { candidates: tie.map((c) => ids[c]).join(','), places: chain.places, round: chain.outcomes.length + 1 } });
    // The chain names nothing that settles this tie: the casting vote is its implicit last step.
    else if (told.next && settlingSteps(ctx.chain.chain.slice(chain.step), ctx.exAequo, chain.places, elected.length).length === 0) {
      reasons.push({ code: 'casting_vote_implied', params: { candidates: tie.map((c) => ids[c]).join(','), places: chain.places } });
    }
    return { status: 'blocked', winners: [], tie, places: chain.places, ...told, runoffs, margin: null, reasons };
  }

  winners = byPosition(winners!);
  const won = new Set(winners);
  const next = groups.map((g) => g.filter((c) => !won.has(c))).find((g) => g.length > 0);
  const margin = next ? standing.margin(winners, next) : null;
  return { status: 'decided', winners, tie: null, places: PLACES, runoffs, margin, reasons };
}
