// The methods by name.

import type { Method } from '../types';
import { mean } from './mean';
import { median } from './median';
import { normalizedMean } from './normalized-mean';
import { schulzeStanding } from './schulze';
import type { MethodFn } from './standing';
import { trimmedMean } from './trimmed-mean';

export const methods: Record<Method, MethodFn> = {
  mean,
  trimmed_mean: trimmedMean,
  median,
  normalized_mean: normalizedMean,
  schulze: (sheet) => schulzeStanding(sheet),
};

export type { Standing } from './standing';
export { schulzeMatrices, type SchulzeMatrices } from './schulze';
