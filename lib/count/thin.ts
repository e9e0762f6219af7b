// No aggregate over fewer than 3 counted scores on the chair's desk (nor anywhere before
// publication): the mean of one score is that juror's score, the mean of two gives their sum.
// A candidate with 1–2 counted scores keeps its rank and its count but shows "fewer than 3 scores"
// instead of its aggregate and distribution. What else would give the hidden aggregate away is
// withheld with it:
// - a candidate whose aggregate equals a withheld one (an exact tie states the same number) loses
//   its aggregate and distribution too;
// - the winner's margin, when a winner or the candidates it is measured against are withheld;
// - the juror counts of a head-to-head that involves a withheld candidate (who won is still said).
// The rank itself stays (the award follows from it): it places a candidate between its neighbours,
// and that much the chair must know to award the prize.
import type { NominationResult } from '@/lib/tally';
import { QUORUM_FLOOR } from './quorum';

export type Withheld = 'thin' | 'tied_with_thin' | 'few_changed';
// few_changed: lib/round/changed.ts (the figures would differ from a view already shown by 1 or 2 other jurors).

/**
 * `own`: whether the one reading holds a counted score of the candidate (the chair is a juror): their
 * own score is subtracted by them from the aggregate, so it does not count towards the 3.
 */
export function isThin(counted: number, own = false): boolean {
  return counted > 0 && counted - (own ? 1 : 0) < QUORUM_FLOOR;
}

/**
 * `ownScored`: the candidates the reader (the chair) has a counted score of. `fewChanged`: the
 * candidates whose figures differ from a view already shown by only 1 or 2 other jurors
 * (lib/round/changed.ts); withheld like thin ones, with what would give them away.
 */
export function withholdThin<N extends NominationResult & { histograms: Record<string, number[]> }>(n: N, ownScored: ReadonlySet<string> = new Set(), fewChanged: ReadonlyMap<string, number> = new Map()) {
  const thinOf = (r: { candidate: string; counted: number }) => isThin(r.counted, ownScored.has(r.candidate));
  const first = new Map<string, Withheld>();
  for (const r of n.ranking) {
    if (thinOf(r)) first.set(r.candidate, 'thin');
    else if (fewChanged.has(r.candidate)) first.set(r.candidate, 'few_changed');
  }
  const thinValues = new Set(n.ranking.filter((r) => first.has(r.candidate)).map((r) => r.aggregate?.exact).filter((v): v is string => v !== undefined));
  const withheld = new Map<string, Withheld>();
  for (const r of n.ranking) {
    const why = first.get(r.candidate);
    if (why) withheld.set(r.candidate, why);
    else if (r.aggregate && thinValues.has(r.aggregate.exact)) withheld.set(r.candidate, 'tied_with_thin');
  }
  if (withheld.size === 0) return { ...n, withheld: {} as Record<string, Withheld>, marginWithheld: false };
  const winners = new Set(n.winners);
  const rest = n.ranking.filter((r) => r.eligible && !winners.has(r.candidate));
  const nextRank = Math.min(...rest.map((r) => r.rank));
  const measured = [...n.winners, ...rest.filter((r) => r.rank === nextRank).map((r) => r.candidate)];
  const marginWithheld = !!n.margin && measured.some((c) => withheld.has(c));
  const hidden = (c: unknown) => withheld.has(String(c));
  return {
    ...n,
    ranking: n.ranking.map((r) => (withheld.has(r.candidate) ? { ...r, aggregate: null } : r)),
    histograms: Object.fromEntries(Object.entries(n.histograms).filter(([c]) => !withheld.has(c))),
    margin: marginWithheld ? null : n.margin,
    reasons: n.reasons.map((r) =>
      r.code === 'head_to_head' && (hidden(r.params.winner) || hidden(r.params.loser))
        ? { code: 'head_to_head_thin', params: { winner: r.params.winner, loser: r.params.loser } }
        : r,
    ),
    withheld: Object.fromEntries(withheld) as Record<string, Withheld>,
    marginWithheld,
  };
}
