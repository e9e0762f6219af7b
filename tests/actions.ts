// Running the real action specs in unit tests: a refusal must leave the database exactly as it was;
// the refusals every organiser action shares.
import { expect } from 'vitest';
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { jury, type Phase } from '@/db/schema';
import { executeAction, runAction, type ActionSpec } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { snapshot, userByLogin, type TestDb } from '@/tests/db';

/**
 * Runs an action that must be refused with `code`, and proves it changed nothing. `who` is a login,
 * or a session user as is (null for no session, or one altered by the test, e.g. deactivated).
 */
export function expectRefused<S extends z.ZodType, T>(t: TestDb, spec: ActionSpec<S, T>, who: string | SessionUser | null, input: unknown, code: string) {
  const before = snapshot(t.db);
  const out = executeAction(spec, typeof who === 'string' ? userByLogin(t.db, who) : who, input, t.db);
  expect(out).toMatchObject({ ok: false, code });
  expect(snapshot(t.db)).toBe(before);
  return out;
}

/** The four refusals every organiser action shares: a juror, the chair, a bad input and (optionally) the wrong phase. */
export function expectCommonRefusals<S extends z.ZodType, T>(t: TestDb, spec: ActionSpec<S, T>, good: unknown, bad: unknown, opts: { frozen?: boolean } = {}) {
  expectRefused(t, spec, 'azimov', good, 'forbidden:role');
  expectRefused(t, spec, 'hansanping', good, 'forbidden:role');
  expectRefused(t, spec, 'organiser', bad, 'invalid:input');
  if (opts.frozen !== false) {
    setPhase(t, 'voting');
    expectRefused(t, spec, 'organiser', good, 'phase:frozen');
    setPhase(t, 'published');
    expectRefused(t, spec, 'organiser', good, 'phase:finalised');
    setPhase(t, 'setup');
  }
}

/**
 * expectRefused for any spec, run as its server action runs it (runAction: checks, then the
 * preparation, such as hashing a password, then the transaction).
 */
export async function expectRunRefused<S extends z.ZodType, T, P, R>(t: TestDb, spec: ActionSpec<S, T, P, R>, who: string | SessionUser | null, input: unknown, code: string) {
  const before = snapshot(t.db);
  const out = await runAction(spec, typeof who === 'string' ? userByLogin(t.db, who) : who, input, t.db);
  expect(out).toMatchObject({ ok: false, code });
  expect(snapshot(t.db)).toBe(before);
  return out;
}

/** expectCommonRefusals for any spec, through runAction. */
export async function expectRunCommonRefusals<S extends z.ZodType, T, P, R>(t: TestDb, spec: ActionSpec<S, T, P, R>, good: unknown, bad: unknown, opts: { frozen?: boolean } = {}) {
  await expectRunRefused(t, spec, 'azimov', good, 'forbidden:role');
  await expectRunRefused(t, spec, 'hansanping', good, 'forbidden:role');
  await expectRunRefused(t, spec, 'organiser', bad, 'invalid:input');
  if (opts.frozen !== false) {
    setPhase(t, 'voting');
    await expectRunRefused(t, spec, 'organiser', good, 'phase:frozen');
    setPhase(t, 'published');
    await expectRunRefused(t, spec, 'organiser', good, 'phase:finalised');
    setPhase(t, 'setup');
  }
}

export function setPhase(t: TestDb, phase: Phase) {
  t.db.update(jury).set({ phase }).where(eq(jury.id, 1)).run();
}

export function run<S extends z.ZodType, T>(t: TestDb, spec: ActionSpec<S, T>, input: unknown, login = 'organiser'): T {
  const out = executeAction(spec, userByLogin(t.db, login), input, t.db);
  if (!out.ok) throw new Error(`expected success, got ${JSON.stringify(out)}`);
  return out.data;
}

export const bytes = (s: string) => new TextEncoder().encode(s);
