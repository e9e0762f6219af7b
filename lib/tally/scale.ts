// The scoring scale: every value becomes a whole number of steps above the minimum,
// so all later arithmetic is on integers and the scale's decimals never leak into a comparison.

import { add, fromDecimal, mul, rat, sub, type Rational } from './rational';
import type { Scale } from './types';

export interface ScaleSteps {
  min: Rational;
  step: Rational;
  /** Number of steps from min to max; null when max is not min plus a whole number of steps. */
  count: number | null;
  /** Steps above min for a value, or null when the value is off the scale or off its step. */
  toSteps(value: number): number | null;
  /** The value (in the scale's own units) of a number of steps, possibly fractional. */
  valueOf(steps: Rational): Rational;
  /** The score a whole number of steps stands for, as a plain number for messages. */
  toNumber(steps: number): number;
}

function wholeSteps(from: Rational, to: Rational, step: Rational): number | null {
  const q = sub(to, from);
  const k = rat(q.n * step.d, q.d * step.n);
  return k.d === 1n && k.n >= 0n && k.n <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(k.n) : null;
}

export function scaleSteps(scale: Scale): ScaleSteps {
  const min = fromDecimal(scale.min);
  const step = fromDecimal(scale.step);
  const max = fromDecimal(scale.max);
  const count = step.n > 0n ? wholeSteps(min, max, step) : null;
  // A jury uses a handful of distinct values, so the exact check runs once per value, not per score.
  const known = new Map<number, number | null>();
  return {
    min,
    step,
    count,
    toSteps(value) {
      let k = known.get(value);
      if (k === undefined) {
        k = count !== null && Number.isFinite(value) ? wholeSteps(min, fromDecimal(value), step) : null;
        if (k !== null && count !== null && k > count) k = null;
        known.set(value, k);
      }
      return k;
    },
    valueOf: (steps) => add(min, mul(step, steps)),
    toNumber(steps) {
      const v = add(min, mul(step, rat(steps)));
      return Number(v.n) / Number(v.d);
    },
  };
}
