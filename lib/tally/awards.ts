// One nomination's award: the best eligible candidates by aggregate, then head-to-head, then the
// chair's recorded decision; an unresolved tie blocks the award rather than being broken silently.

import { resolveNoAward, resolveTie, type IndexedDecision } from './decisions';
import type { Standing } from './methods';
import type { Sheet } from './sheet';
import { peel, type HeadToHead } from './ties';
import type { Aggregate, ExAequoRule, NominationStatus, Reason } from './types';

/** Every award is one place; a shared award is the chair's decision on a tie for it. */
export const PLACES = 1;

export interface Award {
  status: NominationStatus;
  winners: number[];
  tie: number[] | null;
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
}

export function decideAward(ctx: AwardContext): Award {
  const { sheet, standing, duel, eligible, position } = ctx;
  const ids = sheet.nomination.candidates.map((c) => c.id);
  const byPosition = (cols: number[]) => [...cols].sort((a, b) => position[a] - position[b]);
  const groups = standing.groups.map((g) => g.filter((c) => eligible[c])).filter((g) => g.length > 0);
  const none = (status: NominationStatus): Award => {
    const { noAward, reasons } = resolveNoAward(ctx.decisions);
    return { status: noAward ? 'no_award' : status, winners: [], tie: null, margin: null, reasons };
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

  const resolution = resolveTie(tie && tie.map((c) => ids[c]), PLACES, ctx.decisions, ctx.exAequo);
  reasons.push(...resolution.reasons);
  if (tie && resolution.winners) {
    const chosen = new Set(resolution.winners);
    winners = tie.filter((c) => chosen.has(ids[c]));
    tie = null;
  }
  if (!winners) {
    reasons.push({ code: 'tie_unresolved', params: { candidates: tie!.map((c) => ids[c]).join(','), places: PLACES } });
    return { status: 'blocked', winners: [], tie, margin: null, reasons };
  }

  winners = byPosition(winners);
  const won = new Set(winners);
  const next = groups.map((g) => g.filter((c) => !won.has(c))).find((g) => g.length > 0);
  const margin = next ? standing.margin(winners, next) : null;
  return { status: 'decided', winners, tie: null, margin, reasons };
}
