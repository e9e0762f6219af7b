// The festival's scale as data: {min, max, step}. A value is valid when it lies on the scale and on
// one of its steps; compared in whole steps so that 0.1-style steps do not trip over floats.
export interface Scale { min: number; max: number; step: number }

export function stepsOf(scale: Scale, value: number): number | null {
  if (!Number.isFinite(value) || value < scale.min || value > scale.max) return null;
  const k = (value - scale.min) / scale.step;
  const r = Math.round(k);
  return Math.abs(k - r) < 1e-9 ? r : null;
}

export function isOnScale(scale: Scale, value: number): boolean {
  return stepsOf(scale, value) !== null;
}

/** Every value of the scale, lowest first (rounded to kill float noise such as 0.30000000000000004). */
export function scaleValues(scale: Scale): number[] {
  const n = Math.round((scale.max - scale.min) / scale.step);
  return Array.from({ length: n + 1 }, (_, i) => Number((scale.min + i * scale.step).toFixed(6)));
}
