// The displayed ranking: the method's groups, each ordered by head-to-head where it resolves,
// then the candidates with no counted score, last and tied.

import type { Standing } from './methods';
import type { Sheet } from './sheet';
import { peel, type HeadToHead } from './ties';
import type { RankedCandidate, Reason } from './types';

/** Groups of sheet columns, best first; the members of a group share a rank. */
export function displayOrder(sheet: Sheet, standing: Standing, duel: HeadToHead): number[][] {
  const order = standing.headToHead ? standing.groups.flatMap((g) => peel(g, duel)) : [...standing.groups];
  const unscored: number[] = [];
  for (let c = 0; c < sheet.cols; c++) if (sheet.counted[c] === 0) unscored.push(c);
  if (unscored.length) order.push(unscored);
  return order;
}

/** Rank per column: the method's own, or standard competition ranks (1, 1, 3); unscored last. */
export function ranks(sheet: Sheet, standing: Standing, order: number[][]): Int32Array {
  const rank = new Int32Array(sheet.cols);
  let seen = 0;
  for (const group of order) {
    for (const c of group) rank[c] = standing.ranks && sheet.counted[c] > 0 ? standing.ranks[c] : seen + 1;
    seen += group.length;
  }
  return rank;
}

/** One row of the ranking, with the reasons that concern that candidate alone. */
export function rankedCandidate(
  sheet: Sheet,
  standing: Standing,
  c: number,
  rank: number,
  eligible: boolean,
  wonIn: string | undefined,
): RankedCandidate {
  const cand = sheet.nomination.candidates[c];
  const reasons: Reason[] = [];
  if (wonIn !== undefined) reasons.push({ code: 'passed_over_one_award', params: { film: cand.filmId, wonIn } });
  if (sheet.counted[c] === 0) reasons.push({ code: 'no_counted_scores', params: {} });
  if (sheet.recusedExcluded[c] > 0) {
    reasons.push({
      code: 'recused_excluded',
      params: { count: sheet.recusedExcluded[c], byNationality: sheet.recusedByNationality[c] },
    });
  }
  reasons.push(...standing.notes[c]);
  return {
    candidate: cand.id,
    filmId: cand.filmId,
    person: cand.person,
    rank,
    aggregate: standing.aggregates[c],
    counted: sheet.counted[c],
    recusedExcluded: sheet.recusedExcluded[c],
    eligible,
    reasons,
  };
}
