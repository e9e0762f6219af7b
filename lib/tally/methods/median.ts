// `median`: the middle counted score; with an even count, the exact mean of the two middle ones.

import { rat } from '../rational';
import { NONE } from '../sheet';
import { exactStanding } from './exact';
import { emptyNotes, type MethodFn } from './standing';

export const median: MethodFn = (sheet, scale) => {
  const { rows, cols, grid, counted } = sheet;
  const columns = Array.from(counted, (n) => new Int32Array(n));
  const filled = new Int32Array(cols);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) if (grid[i] !== NONE) columns[c][filled[c]++] = grid[i];
  }
  const values = columns.map((v) => {
    const n = v.length;
    if (n === 0) return null;
    v.sort();
    const h = n >> 1;
    return n % 2 === 1 ? rat(v[h]) : rat(v[h - 1] + v[h], 2);
  });
  return exactStanding(values, scale, emptyNotes(cols));
};
