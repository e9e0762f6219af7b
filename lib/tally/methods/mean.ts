// `mean`: the plain mean of a candidate's counted scores, as an exact fraction.

import { rat } from '../rational';
import { NONE } from '../sheet';
import { exactStanding } from './exact';
import { emptyNotes, type MethodFn } from './standing';

export const mean: MethodFn = (sheet, scale) => {
  const { rows, cols, grid, counted } = sheet;
  const sums = new Float64Array(cols);
  const none = NONE; // a local: an imported binding can compile to a getter call per read
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) if (grid[i] !== none) sums[c] += grid[i];
  }
  const values = Array.from(sums, (s, c) => (counted[c] > 0 ? rat(s, counted[c]) : null));
  return exactStanding(values, scale, emptyNotes(cols));
};
