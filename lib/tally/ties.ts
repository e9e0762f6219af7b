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

/** Head-to-head counts between sheet columns, computed on demand (only tied candidates need them). */
export function headToHead(sheet: Sheet): HeadToHead {
  const cache = new Map<number, Duel>();
  const { rows, cols, grid } = sheet;
  return (a, b) => {
    const hit = cache.get(a * cols + b);
    if (hit) return hit;
    let wins = 0;
    let losses = 0;
    for (let r = 0, base = 0; r < rows; r++, base += cols) {
      const va = grid[base + a];
      const vb = grid[base + b];
      if (va === NONE || vb === NONE) continue;
      if (va > vb) wins++;
      else if (vb > va) losses++;
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
