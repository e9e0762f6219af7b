// The displayed ranking: the method's groups, each ordered by head-to-head where it resolves,
// then the candidates with no counted score, last and tied.

import type { Standing } from './methods';
import type { Sheet } from './sheet';
import { peel, type HeadToHead } from './ties';

/** Groups of sheet columns, best first; the members of a group share a rank. */
export function displayOrder(sheet: Sheet, standing: Standing, duel: HeadToHead): number[][] {
  const order = standing.groups.flatMap((g) => peel(g, duel));
  const unscored: number[] = [];
  for (let c = 0; c < sheet.cols; c++) if (sheet.counted[c] === 0) unscored.push(c);
  if (unscored.length) order.push(unscored);
  return order;
}

/** Standard competition ranks (1, 1, 3) per column. */
export function ranks(order: number[][], cols: number): Int32Array {
  const rank = new Int32Array(cols);
  let seen = 0;
  for (const group of order) {
    for (const c of group) rank[c] = seen + 1;
    seen += group.length;
  }
  return rank;
}
