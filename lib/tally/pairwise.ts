// The Schulze matrices of one nomination as plain arrays, for the chair's page and for checking
// the method against published examples.

import { schulzeMatrices } from './methods';
import { scaleSteps } from './scale';
import { buildSheets } from './sheet';
import type { TallyInput } from './types';

export interface PairwiseMatrices {
  /** Candidate ids with at least one counted score; matrix rows and columns follow this order. */
  candidates: string[];
  /** d[i][j]: jurors who scored both and scored candidate i strictly higher than j. */
  d: number[][];
  /** p[i][j]: strength of the strongest path from i to j (winning votes). */
  p: number[][];
}

export function pairwiseMatrices(input: TallyInput, nomination: string): PairwiseMatrices {
  const at = input.nominations.findIndex((n) => n.code === nomination);
  if (at < 0) throw new Error(`no nomination "${nomination}"`);
  const sheet = buildSheets(input, scaleSteps(input.scale))[at];
  const { columns, size, d, p } = schulzeMatrices(sheet);
  const rows = (m: Int32Array) => Array.from({ length: size }, (_, i) => Array.from(m.subarray(i * size, (i + 1) * size)));
  return { candidates: columns.map((c) => sheet.nomination.candidates[c].id), d: rows(d), p: rows(p) };
}
