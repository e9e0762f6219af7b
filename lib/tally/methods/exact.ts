// Shared tail of the methods whose aggregate is an exact fraction of steps (mean, trimmed mean, median).

import { cmp, display, exact, mul, sub, type Rational } from '../rational';
import type { ScaleSteps } from '../scale';
import type { Reason } from '../types';
import { groupColumns, type Standing } from './standing';

export function exactStanding(values: (Rational | null)[], scale: ScaleSteps, notes: Reason[][]): Standing {
  const aggregates = values.map((v) => {
    if (v === null) return null;
    const value = scale.valueOf(v);
    return { exact: exact(value), display: display(value) };
  });
  const cols = values.flatMap((v, c) => (v === null ? [] : [c]));
  const groups = groupColumns(cols, (a, b) => cmp(values[b]!, values[a]!));
  return {
    aggregates,
    groups,
    // The minimum cancels out of a difference; only the step size scales it.
    // Winners share one aggregate, and so do the next candidates: the first stands for each.
    margin(winners, next) {
      const d = mul(scale.step, sub(values[winners[0]]!, values[next[0]]!));
      return { exact: exact(d), display: display(d) };
    },
    notes,
    headToHead: true,
  };
}
