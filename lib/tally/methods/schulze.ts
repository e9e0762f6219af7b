// `schulze`: each juror's scores order the candidates (equal scores: no preference; an unscored
// candidate, e.g. after a recusal, takes part in none of that juror's preferences). Pairwise counts
// d, strongest paths p with winning-votes link strength, and candidates ranked in layers of the
// "beats" relation p[a][b] > p[b][a]. O(jurors·C² + C³) on typed arrays.

import { NONE, type Sheet } from '../sheet';
import { scoredColumns, type Standing } from './standing';

export interface SchulzeMatrices {
  /** Sheet columns taking part (candidates with a counted score); matrix index i is columns[i]. */
  columns: number[];
  size: number;
  /** d[i * size + j]: jurors who scored both and scored i strictly higher than j. */
  d: Int32Array;
  /** p[i * size + j]: strength of the strongest path from i to j. */
  p: Int32Array;
}

export function schulzeMatrices(sheet: Sheet): SchulzeMatrices {
  const { rows, cols, grid } = sheet;
  const columns = scoredColumns(sheet);
  const m = columns.length;
  const index = new Int32Array(cols).fill(-1);
  columns.forEach((c, i) => (index[c] = i));

  const d = new Int32Array(m * m);
  const who = new Int32Array(m);
  const val = new Int32Array(m);
  for (let r = 0; r < rows; r++) {
    let k = 0;
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const v = grid[base + c];
      if (v !== NONE) {
        who[k] = index[c];
        val[k++] = v;
      }
    }
    for (let x = 0; x < k; x++) {
      const vx = val[x];
      const rowX = who[x] * m;
      for (let y = x + 1; y < k; y++) {
        const vy = val[y];
        if (vx > vy) d[rowX + who[y]]++;
        else if (vy > vx) d[who[y] * m + who[x]]++;
      }
    }
  }

  const p = new Int32Array(m * m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i !== j && d[i * m + j] > d[j * m + i]) p[i * m + j] = d[i * m + j];
    }
  }
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (j === i) continue;
      const pji = p[j * m + i];
      if (pji === 0) continue;
      for (let k = 0; k < m; k++) {
        if (k === i || k === j) continue;
        const via = Math.min(pji, p[i * m + k]);
        if (via > p[j * m + k]) p[j * m + k] = via;
      }
    }
  }
  return { columns, size: m, d, p };
}

export function schulzeStanding(sheet: Sheet, s: SchulzeMatrices = schulzeMatrices(sheet)): Standing {
  const { columns, size: m, p } = s;
  const beats = (i: number, j: number) => p[i * m + j] > p[j * m + i];

  // Layer by layer: the candidates no remaining candidate beats. The relation is transitive
  // (Schulze's theorem), so every layer is non-empty and its members are mutually tied.
  const groups: number[][] = [];
  let remaining = Array.from({ length: m }, (_, i) => i);
  while (remaining.length > 0) {
    const top = remaining.filter((i) => !remaining.some((j) => beats(j, i)));
    const layer = top.length > 0 ? top : remaining;
    groups.push(layer.map((i) => columns[i]));
    remaining = remaining.filter((i) => !layer.includes(i));
  }

  const aggregates = Array.from({ length: sheet.cols }, () => null as Standing['aggregates'][number]);
  const at = new Map(columns.map((c, i) => [c, i]));
  columns.forEach((c, i) => {
    let n = 0;
    for (let j = 0; j < m; j++) if (j !== i && beats(i, j)) n++;
    aggregates[c] = { exact: `beats ${n}`, display: String(n) };
  });
  return {
    aggregates,
    groups,
    // Candidates tied in the Schulze order can still differ in path strengths: report the closest pair.
    margin(winners, next) {
      let diff = Infinity;
      for (const a of winners) {
        for (const b of next) {
          const i = at.get(a)!;
          const j = at.get(b)!;
          diff = Math.min(diff, p[i * m + j] - p[j * m + i]);
        }
      }
      return { exact: String(diff), display: String(diff) };
    },
    notes: aggregates.map(() => []),
  };
}
