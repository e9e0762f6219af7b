// `schulze`: each juror's scores order the candidates (equal scores: no preference; an unscored
// candidate, e.g. after a recusal, takes part in none of that juror's preferences). Pairwise counts
// d, strongest paths p with winning-votes link strength, and candidates ranked by the "beats"
// relation p[a][b] > p[b][a]. O(jurors·C² + C³) on typed arrays.

import { NONE, type Sheet } from '../sheet';
import { groupColumns, scoredColumns, type Standing } from './standing';

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
  const none = NONE; // a local: an imported binding can compile to a getter call per read
  for (let r = 0; r < rows; r++) {
    let k = 0;
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const v = grid[base + c];
      if (v !== none) {
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

  // Rank = 1 + how many candidates beat this one. The relation is a strict partial order (Schulze's
  // theorem), so a candidate always ranks after every candidate that beats it, and equal counts are
  // mutually unbeaten: tied. Raising a candidate's score can only remove its beaters, so its rank
  // never falls; layers by longest chain, or positions in the sorted list, could both fall.
  const beaten = new Int32Array(m);
  const wins = new Int32Array(m);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      if (i !== j && beats(i, j)) {
        wins[i]++;
        beaten[j]++;
      }
    }
  }
  const byIndex = new Map(columns.map((c, i) => [c, i]));
  const groups = groupColumns(columns, (a, b) => beaten[byIndex.get(a)!] - beaten[byIndex.get(b)!]);

  const aggregates: Standing['aggregates'] = Array.from({ length: sheet.cols }, () => null);
  const ranks = new Int32Array(sheet.cols);
  columns.forEach((c, i) => {
    ranks[c] = 1 + beaten[i];
    aggregates[c] = { exact: `beats ${wins[i]}, beaten by ${beaten[i]}`, display: `${wins[i]}-${beaten[i]}` };
  });
  return {
    aggregates,
    groups,
    // Candidates tied in the Schulze order can still differ in path strengths: report the closest pair.
    margin(winners, next) {
      let diff = Infinity;
      for (const a of winners) {
        for (const b of next) {
          const i = byIndex.get(a)!;
          const j = byIndex.get(b)!;
          diff = Math.min(diff, p[i * m + j] - p[j * m + i]);
        }
      }
      return { exact: String(diff), display: String(diff) };
    },
    notes: aggregates.map(() => []),
    headToHead: false,
    ranks,
  };
}
