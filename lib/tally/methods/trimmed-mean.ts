// `trimmed_mean`: with at least five counted scores, one highest and one lowest are dropped
// before the mean, as judging panels in figure skating and gymnastics do to damp one outlier.

import { rat } from '../rational';
import { NONE } from '../sheet';
import { exactStanding } from './exact';
import { emptyNotes, type MethodFn } from './standing';

export const TRIM_FROM = 5;

export const trimmedMean: MethodFn = (sheet, scale) => {
  const { rows, cols, grid, counted } = sheet;
  const sums = new Float64Array(cols);
  const lo = new Int32Array(cols).fill(2 ** 31 - 1);
  const hi = new Int32Array(cols).fill(-1);
  const none = NONE; // a local: an imported binding can compile to a getter call per read
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) {
      const v = grid[i];
      if (v === none) continue;
      sums[c] += v;
      if (v < lo[c]) lo[c] = v;
      if (v > hi[c]) hi[c] = v;
    }
  }
  const notes = emptyNotes(cols);
  const values = Array.from(sums, (s, c) => {
    const n = counted[c];
    if (n === 0) return null;
    if (n < TRIM_FROM) return rat(s, n);
    notes[c].push({
      code: 'trimmed',
      params: { dropped: 2, highest: scale.toNumber(hi[c]), lowest: scale.toNumber(lo[c]) },
    });
    return rat(s - hi[c] - lo[c], n - 2);
  });
  return exactStanding(values, scale, notes);
};
