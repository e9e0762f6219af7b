// zod helpers for an action's input as FormData sends it (checkboxes arrive as 'on' or not at all, numbers as
// strings), for every room's specs: the films', the jurors', the organisers'.
import { z } from 'zod';

/** The longest note a juror may keep on a candidate, and the longest reason given for an act of the chair or an organiser (a reopen, a decision, a waiver). The refusal words name them (server-action.ts). */
export const NOTE_MAX = 4000;
export const REASON_MAX = 500;

/**
 * A number, or a string that spells one (as FormData sends it). Unlike z.coerce.number() it refuses
 * true, [1], ' 1' and the like, which Number() would quietly turn into 1.
 */
export const numeric = z.union([z.number(), z.string().regex(/^-?\d{1,15}(\.\d{1,15})?$/).transform(Number)]);

export const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true' || v === '1', z.boolean());

/** An optional integer: '' and null/undefined become null. */
export const optionalInt = (min: number, max: number) =>
  z.preprocess((v) => (v === '' || v == null ? null : v), numeric.pipe(z.number().int().min(min).max(max)).nullable());

export const id = numeric.pipe(z.number().int().positive());

export const text = (max: number) => z.string().trim().min(1).max(max);
