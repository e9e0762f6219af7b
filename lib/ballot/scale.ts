// The festival's scale as data: {min, max, step}. A score is stored as its whole number of steps above
// the minimum (score.steps), so nothing stored can be off the scale's step; everything that reads a
// score turns steps back into the number on the scale with valueOfSteps, and everything that accepts
// one turns it into steps with stepsOf, by exact decimal arithmetic (never a float tolerance).
import { add, fromDecimal, mul, rat, sub, type Rational } from '@/lib/tally/rational';

export interface Scale { min: number; max: number; step: number }

/**
 * One way to write each score: the canonical decimal, as JavaScript prints the number ("7.5", "10",
 * "0.25"): no exponent, no leading or trailing zeros, no sign on zero. So "5.0", "07", "-0", "5e0" and
 * 1e-300 (printed "1e-300") are refused, and an audited save or a receipt never holds two spellings
 * of one score. Small enough for any scale the settings allow (two decimals, |bounds| <= 1000).
 */
const CANONICAL = /^(-?)(0|[1-9]\d{0,5})(?:\.(\d{0,5}[1-9]))?$/;

/** The exact value of a score as written, or null when it is not written canonically. */
export function writtenValue(written: number | string): Rational | null {
  if (typeof written === 'number' && (!Number.isFinite(written) || Object.is(written, -0))) return null;
  const text = typeof written === 'number' ? String(written) : written;
  const m = CANONICAL.exec(text);
  if (!m || (m[1] && m[2] === '0' && !m[3])) return null; // "-0"
  const frac = m[3] ?? '';
  const n = BigInt(m[2] + frac);
  return rat(m[1] ? -n : n, 10n ** BigInt(frac.length));
}

/** The scale's own numbers as the exact decimals they were written as (lib/admin/settings.ts). */
const bound = fromDecimal;

/** How many steps the scale has above its minimum (9 for 1..10 by 1). */
export function stepCount(scale: Scale): number {
  const q = sub(bound(scale.max), bound(scale.min));
  const step = bound(scale.step);
  const k = rat(q.n * step.d, q.d * step.n);
  return k.d === 1n ? Number(k.n) : Math.floor(Number(k.n) / Number(k.d));
}

/** Whole steps above the minimum for a score exactly on the scale as written; null otherwise. */
export function stepsOf(scale: Scale, written: number | string): number | null {
  const v = writtenValue(written);
  if (!v) return null;
  const q = sub(v, bound(scale.min));
  const step = bound(scale.step);
  const k = rat(q.n * step.d, q.d * step.n);
  if (k.d !== 1n || k.n < 0n || k.n > BigInt(stepCount(scale))) return null;
  return Number(k.n);
}

export function isOnScale(scale: Scale, written: number | string): boolean {
  return stepsOf(scale, written) !== null;
}

/**
 * The number on the scale that a stored number of steps stands for: min + steps × step, exactly
 * (n/d of two safe integers divides to the double nearest the decimal, which prints as that decimal).
 * The one conversion every reader uses (tally input, ballot, receipts, exports, histograms, tests).
 * A stored value that is not a whole number of steps gives NaN, which the tally's input check names.
 */
export function valueOfSteps(scale: Scale, steps: number): number {
  if (!Number.isSafeInteger(steps)) return Number.NaN;
  const v = add(bound(scale.min), mul(bound(scale.step), rat(steps)));
  return Number(v.n) / Number(v.d);
}

/** valueOfSteps for a nullable column (a score row holding only a note has no steps). */
export function scoreValue(scale: Scale, steps: number | null): number | null {
  return steps === null ? null : valueOfSteps(scale, steps);
}

/** Every value of the scale, lowest first. */
export function scaleValues(scale: Scale): number[] {
  return Array.from({ length: stepCount(scale) + 1 }, (_, i) => valueOfSteps(scale, i));
}

/** The festival row's scale. */
export function scaleOf(fest: { scaleMin: number; scaleMax: number; scaleStep: number }): Scale {
  return { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep };
}
