// What every method hands to the ranking and award steps: aggregates, equal-aggregate groups, margins.

import type { ScaleSteps } from '../scale';
import type { Sheet } from '../sheet';
import type { Aggregate, Reason } from '../types';

export interface Standing {
  /** Per candidate column; null when the candidate has no counted score. */
  aggregates: (Aggregate | null)[];
  /**
   * Columns with at least one counted score, best first. Each inner array holds candidates whose
   * aggregates are equal (the method's own notion of equal), in input order.
   */
  groups: number[][];
  /**
   * By how much the weakest of `winners` leads the closest of `next`: the best eligible candidates
   * after the winners (ranked below them, or tied with them where head-to-head or the chair decided).
   */
  margin(winners: number[], next: number[]): Aggregate;
  /** Per column: method-specific notes (e.g. which scores a trimmed mean dropped). */
  notes: Reason[][];
  /**
   * Whether head-to-head may separate equal aggregates. Not for Schulze: its order is built from the
   * same pairwise counts, and re-using them inside a tied layer would let a candidate lose rank by
   * being scored higher.
   */
  headToHead: boolean;
  /**
   * Per column, for methods whose order is partial (Schulze): 1 + the number of candidates that
   * beat it. Absent: standard competition ranks (1, 1, 3) over the displayed order.
   */
  ranks?: Int32Array;
}

export type MethodFn = (sheet: Sheet, scale: ScaleSteps) => Standing;

/** Columns sorted best first by `compare` (negative when a ranks before b), equal ones grouped. */
export function groupColumns(cols: number[], compare: (a: number, b: number) => number): number[][] {
  const sorted = [...cols].sort((a, b) => compare(a, b) || a - b);
  const groups: number[][] = [];
  for (const c of sorted) {
    const last = groups[groups.length - 1];
    if (last && compare(last[last.length - 1], c) === 0) last.push(c);
    else groups.push([c]);
  }
  return groups;
}

export function scoredColumns(sheet: Sheet): number[] {
  const cols: number[] = [];
  for (let c = 0; c < sheet.cols; c++) if (sheet.counted[c] > 0) cols.push(c);
  return cols;
}

export function emptyNotes(cols: number): Reason[][] {
  return Array.from({ length: cols }, () => []);
}
