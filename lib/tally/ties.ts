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
 * that beats every other remaining one is placed first, and one that loses to every other is placed
 * last. What remains (a cycle, or candidates who split evenly) stays tied in the middle.
 * Removing a candidate that loses to all cannot create a new one that beats all, nor the reverse,
 * so this never promotes a candidate that did not beat each of the others.
 */
export function peel(group: number[], duel: HeadToHead): number[][] {
  if (group.length < 2) return group.length ? [group] : [];
  const beats = (a: number, b: number) => {
    const d = duel(a, b);
    return d.wins > d.losses;
  };
  const head: number[][] = [];
  const tail: number[][] = [];
  let rest = group;
  for (;;) {
    if (rest.length < 2) break;
    const first = rest.find((a) => rest.every((b) => a === b || beats(a, b)));
    if (first !== undefined) {
      head.push([first]);
      rest = rest.filter((c) => c !== first);
      continue;
    }
    const last = rest.find((a) => rest.every((b) => a === b || beats(b, a)));
    if (last === undefined) break;
    tail.unshift([last]);
    rest = rest.filter((c) => c !== last);
  }
  return rest.length ? [...head, rest, ...tail] : [...head, ...tail];
}
