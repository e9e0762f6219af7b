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

/** Scales with fewer steps than this get the dense look-up below (32 KiB at most). */
const DENSE_STEPS = 4096;

export function scaleSteps(scale: Scale): ScaleSteps {
  const min = fromDecimal(scale.min);
  const step = fromDecimal(scale.step);
  const max = fromDecimal(scale.max);
  const count = step.n > 0n ? wholeSteps(min, max, step) : null;
  // A jury uses a handful of distinct values, so the exact check runs once per value, not per score.
  const known = new Map<number, number | null>();
  // And before the map, a slot per step holding the value found to be exactly that many steps: a
  // float guess of the slot and one === (a million scores at audience scale). A hit is exact: two
  // numbers that are === print the same decimal (0 and -0 both as "0"), so they have the same steps;
  // a wrong guess only misses.
  const slots = count !== null && count < DENSE_STEPS ? new Float64Array(count + 1).fill(NaN) : null;
  const lo = scale.min;
  const width = scale.step;
  return {
    min,
    step,
    count,
    toSteps(value) {
      if (slots) {
        // `| 0`: the look-up must give 0, not the -0 that rounding -0 gives.
        const guess = Math.round((value - lo) / width) | 0;
        if (guess >= 0 && guess < slots.length && slots[guess] === value) return guess;
      }
      let k = known.get(value);
      if (k === undefined) {
        k = count !== null && Number.isFinite(value) ? wholeSteps(min, fromDecimal(value), step) : null;
        if (k !== null && count !== null && k > count) k = null;
        known.set(value, k);
      }
      if (slots && k !== null) slots[k] = value;
      return k;
    },
    valueOf: (steps) => add(min, mul(step, steps)),
    toNumber(steps) {
      const v = add(min, mul(step, rat(steps)));
      return Number(v.n) / Number(v.d);
    },
  };
}
