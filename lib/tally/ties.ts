// Head-to-head, the second link of the tie-break chain: between two candidates with equal aggregates,
// the one scored strictly higher by more of the jurors who scored both.

import { NONE, type Sheet } from './sheet';

export interface Duel {
  /** Jurors who scored both and scored the first candidate strictly higher. */
  wins: number;
  /** Jurors who scored both and scored the second candidate strictly higher. */
  losses: number;
}

export type HeadToHead = (a: number, b: number) => Duel;

/**
 * Head-to-head counts between sheet columns, computed on demand (only tied candidates need them).
 * A tied group of g candidates can need all g(g-1)/2 pairs (at audience scale, medians leave groups
 * of 10-25 films). Walking the row-major grid once per pair read every row's cache lines once per
 * pair; instead the first pair asked for transposes the grid in one pass over its rows, and each
 * pair then reads two contiguous columns. Only pairs asked for are counted, so a large group that
 * resolves early (or splits evenly at the first comparison) never costs g² passes.
 */
export function headToHead(sheet: Sheet): HeadToHead {
  const cache = new Map<number, Duel>();
  const { rows, cols, grid } = sheet;
  let byColumn: Int32Array | null = null;
  const transposed = (): Int32Array => {
    if (!byColumn) {
      byColumn = new Int32Array(rows * cols);
      for (let r = 0, i = 0; r < rows; r++) for (let c = 0, j = r; c < cols; c++, i++, j += rows) byColumn[j] = grid[i];
    }
    return byColumn;
  };
  return (a, b) => {
    const hit = cache.get(a * cols + b);
    if (hit) return hit;
    const t = transposed();
    const ca = a * rows;
    const cb = b * rows;
    const none = NONE; // a local: an imported binding can compile to a getter call per read
    let wins = 0;
    let losses = 0;
    for (let r = 0; r < rows; r++) {
      const va = t[ca + r];
      const vb = t[cb + r];
      if (va === none || vb === none) continue;
      // Counted without a branch: tied candidates are tied because jurors split on them, so which
      // one a juror scored higher is a coin toss the CPU cannot predict (5× slower as if/else).
      wins += +(va > vb);
      losses += +(vb > va);
    }
    const duel = { wins, losses };
    cache.set(a * cols + b, duel);
    cache.set(b * cols + a, { wins: losses, losses: wins });
    return duel;
  };
}

/**
 * Orders a group of equally ranked candidates as far as head-to-head goes: repeatedly, a candidate
 * that beats every other remaining one is placed first. What remains (a cycle, or candidates who
 * split evenly) stays tied. Only the top is peeled: also placing a candidate that loses to all the
 * others last would let a candidate fall in rank when one of its scores is raised (raising it can
 * make a rival the bottom one, whose removal leaves the raised candidate at the bottom).
 */
export function peel(group: number[], duel: HeadToHead): number[][] {
  const head: number[][] = [];
  let rest = group;
  while (rest.length > 1) {
    const first = rest.find((a) => rest.every((b) => {
      if (a === b) return true;
      const d = duel(a, b);
      return d.wins > d.losses;
    }));
    if (first === undefined) break;
    head.push([first]);
    rest = rest.filter((c) => c !== first);
  }
  return rest.length ? [...head, rest] : head;
}
