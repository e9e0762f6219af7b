// zod helpers for FormData input: checkboxes arrive as 'on' or not at all, numbers as strings.
import { z } from 'zod';

export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/** An optional integer: '' and null/undefined become null. */
export const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v == null ? null : v), z.coerce.number().int().min(min).max(max).nullable());

export const id = z.coerce.number().int().positive();

export const text = (max: number) => z.string().trim().min(1).max(max);
