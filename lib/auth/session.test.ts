// The guards: anonymous, wrong role, deactivated user, ended session. userForClaims is what
// getCurrentUser runs on every request; executeAction is what every server action runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { user } from '@/db/schema';
import { executeAction } from '@/lib/server/action';
import { userForClaims } from './session';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';

let t: TestDb;
beforeAll(async () => { t = await seededDb(); });
afterAll(() => t.close());

const organiserOnly = { name: 'test.noop', roles: ['organiser'] as const, schema: z.object({}), handler: () => 'done' };
const jurorOnly = { name: 'test.noop', roles: ['juror', 'chair'] as const, schema: z.object({ n: z.coerce.number().int() }), handler: () => 'done' };

describe('guards', () => {
  it('refuses anonymous callers', () => {
    expect(userForClaims(t.db, null)).toBeNull();
    expect(userForClaims(t.db, { uid: 'x', sv: 1 })).toBeNull();
    expect(executeAction(organiserOnly, null, {}, t.db)).toEqual({ ok: false, code: 'auth:required' });
  });

  it('resolves a valid session to the user without the password hash', () => {
    const u = userByLogin(t.db, 'azimov');
    const resolved = userForClaims(t.db, { uid: u.id, sv: u.sessionVersion });
    expect(resolved?.login).toBe('azimov');
    expect(Object.keys(resolved!)).not.toContain('passwordHash');
  });

  it('refuses the wrong role', () => {
    const juror = userByLogin(t.db, 'azimov');
    const chair = userByLogin(t.db, 'hansanping');
    const organiser = userByLogin(t.db, 'organiser');
    expect(executeAction(organiserOnly, juror, {}, t.db)).toMatchObject({ ok: false, code: 'forbidden:role' });
    expect(executeAction(organiserOnly, chair, {}, t.db)).toMatchObject({ ok: false, code: 'forbidden:role' });
    expect(executeAction(jurorOnly, organiser, { n: '1' }, t.db)).toMatchObject({ ok: false, code: 'forbidden:role' });
    expect(executeAction(organiserOnly, organiser, {}, t.db)).toEqual({ ok: true, data: 'done' });
    expect(executeAction(jurorOnly, chair, { n: '1' }, t.db)).toEqual({ ok: true, data: 'done' });
    expect(executeAction(jurorOnly, juror, { n: 'x' }, t.db)).toMatchObject({ ok: false, code: 'invalid:input' });
  });

  it('ends the session of a deactivated user at once', () => {
    const u = userByLogin(t.db, 'juror04');
    const claims = { uid: u.id, sv: u.sessionVersion };
    expect(userForClaims(t.db, claims)?.id).toBe(u.id);
    t.db.update(user).set({ active: false }).where(eq(user.id, u.id)).run();
    expect(userForClaims(t.db, claims)).toBeNull();
    t.db.update(user).set({ active: true }).where(eq(user.id, u.id)).run();
  });

  it('ends a session whose version was bumped (logout, password change)', () => {
    const u = userByLogin(t.db, 'juror05');
    const claims = { uid: u.id, sv: u.sessionVersion };
    t.db.update(user).set({ sessionVersion: sql`${user.sessionVersion} + 1` }).where(eq(user.id, u.id)).run();
    expect(userForClaims(t.db, claims)).toBeNull();
  });

  it('sees a role change at once', () => {
    const u = userByLogin(t.db, 'juror06');
    t.db.update(user).set({ role: 'organiser' }).where(eq(user.id, u.id)).run();
    expect(userForClaims(t.db, { uid: u.id, sv: u.sessionVersion })?.role).toBe('organiser');
  });
});
