// `median`: the middle counted score; with an even count, the exact mean of the two middle ones.

import { rat } from '../rational';
import { NONE, type Sheet } from '../sheet';
import { exactStanding } from './exact';
import { emptyNotes, type MethodFn } from './standing';

/** Each scored column's counted cells in ascending order, read at sorted positions i (0-based). */
type Select = (c: number, i: number) => number;

/**
 * Scores are whole steps in 0..count, so where the scale has no more steps than the sheet has rows
 * (every real jury scale at audience size) a histogram per column finds the middle in one pass over
 * the grid, instead of sorting every column (10,000 scores × 100 films at audience scale).
 */
function byCounting(sheet: Sheet, span: number): Select {
  const { rows, cols, grid, counted } = sheet;
  const none = NONE; // a local: an imported binding can compile to a getter call per read
  const hist = new Int32Array(cols * span);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) if (grid[i] !== none) hist[c * span + grid[i]]++;
  }
  // `counted` exceeds the cells only for duplicate scores (rejected by validation); sorting counted
  // them as zeros, and so does this.
  for (let c = 0; c < cols; c++) {
    let cells = 0;
    for (let v = 0; v < span; v++) cells += hist[c * span + v];
    hist[c * span] += counted[c] - cells;
  }
  return (c, i) => {
    const base = c * span;
    let v = 0;
    let upTo = hist[base]; // cells at or below step v
    while (upTo <= i) upTo += hist[base + ++v];
    return v;
  };
}

function bySorting(sheet: Sheet): Select {
  const { rows, cols, grid, counted } = sheet;
  const none = NONE; // as above
  const columns = Array.from(counted, (n) => new Int32Array(n));
  const filled = new Int32Array(cols);
  for (let r = 0, i = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++, i++) if (grid[i] !== none) columns[c][filled[c]++] = grid[i];
  }
  for (const v of columns) v.sort();
  return (c, i) => columns[c][i];
}

export const median: MethodFn = (sheet, scale) => {
  const { cols, counted } = sheet;
  const span = scale.count === null ? Infinity : scale.count + 1;
  const at = span <= sheet.rows ? byCounting(sheet, span) : bySorting(sheet);
  const values = Array.from({ length: cols }, (_, c) => {
    const n = counted[c];
    if (n === 0) return null;
    const h = n >> 1;
    return n % 2 === 1 ? rat(at(c, h)) : rat(at(c, h - 1) + at(c, h), 2);
  });
  return exactStanding(values, scale, emptyNotes(cols));
};
