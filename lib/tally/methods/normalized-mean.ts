// `normalized_mean`: each juror's counted scores in the nomination become z-scores over that juror's
// own scores there (population standard deviation; no spread gives zeros), then the candidate's mean z.
// It removes one lenient or harsh juror's pull. The only float method: square roots are not exact, so
// aggregates within TOLERANCE of each other count as tied.

import { NONE } from '../sheet';
import type { Aggregate } from '../types';
import { emptyNotes, type MethodFn } from './standing';

export const TOLERANCE = 1e-9;

function decimal(x: number, decimals: number): Aggregate['exact'] {
  const text = x.toFixed(decimals);
  return /^-0\.?0*$/.test(text) ? text.slice(1) : text;
}

export const normalizedMean: MethodFn = (sheet) => {
  const { rows, cols, grid, counted } = sheet;
  const zsum = new Float64Array(cols);
  const none = NONE; // a local: an imported binding can compile to a getter call per read
  for (let r = 0; r < rows; r++) {
    const base = r * cols;
    // Integer moments: n·x − S over sqrt(n·Q − S²) is the z-score with no rounding before the root,
    // and it does not depend on the order of the candidates.
    let n = 0;
    let s = 0;
    let q = 0;
    for (let c = 0; c < cols; c++) {
      const v = grid[base + c];
      if (v === none) continue;
      n++;
      s += v;
      q += v * v;
    }
    // Past 2^53 (only on scales of ~10^5 steps and more) the product needs BigInt to stay exact.
    const spread = n * q <= Number.MAX_SAFE_INTEGER ? n * q - s * s : Number(BigInt(n) * BigInt(q) - BigInt(s) ** 2n);
    if (n === 0 || spread === 0) continue;
    const root = Math.sqrt(spread);
    for (let c = 0; c < cols; c++) {
      const v = grid[base + c];
      if (v !== none) zsum[c] += (n * v - s) / root;
    }
  }
  const values = Array.from(zsum, (z, c) => (counted[c] > 0 ? z / counted[c] : NaN));
  const scored = values.flatMap((v, c) => (Number.isNaN(v) ? [] : [c]));
  scored.sort((a, b) => values[b] - values[a] || a - b);
  // Tolerance is not transitive; chaining neighbours keeps the grouping a function of the sorted values.
  const groups: number[][] = [];
  for (const c of scored) {
    const last = groups[groups.length - 1];
    if (last && values[last[last.length - 1]] - values[c] <= TOLERANCE) last.push(c);
    else groups.push([c]);
  }
  for (const g of groups) g.sort((a, b) => a - b);
  return {
    aggregates: values.map((v) => (Number.isNaN(v) ? null : { exact: decimal(v, 9), display: decimal(v, 3) })),
    groups,
    margin(winners, next) {
      const d = Math.min(...winners.map((a) => values[a])) - Math.max(...next.map((b) => values[b]));
      const m = Math.abs(d) <= TOLERANCE ? 0 : d;
      return { exact: decimal(m, 9), display: decimal(m, 3) };
    },
    notes: emptyNotes(cols),
    headToHead: true,
  };
};
