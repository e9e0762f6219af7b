// Changing one's own password: wrong current passwords are throttled per user, and a verification
// that no longer holds (the password changed meanwhile) stores nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { user } from '@/db/schema';
import { executeAction, runAction } from '@/lib/server/action';
import { findSessionUser } from '@/lib/auth/users';
import { saveScoreSpec } from '@/lib/ballot/specs';
import { addJury, addMembers } from '@/tests/juries';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { MAX_FAILURES } from '@/lib/auth/throttle';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { changePasswordSpec } from './account';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

const form = (current: string) => ({ current, password: 'a-new-long-password', confirm: 'a-new-long-password' });
const hashOf = (login: string) => t.db.select({ h: user.passwordHash }).from(user).where(eq(user.login, login)).get()!.h;

describe('changePassword (changePasswordSpec)', () => {
  it('lets an account that sits only on another jury change its password in the default jury, a forced change too (issue 23)', async () => {
    // Found by the access matrix across juries: the session's role in the served jury is null for a member of
    // another jury, and the action refused it (forbidden:role) though it changes the account, not a jury.
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    const [id] = addMembers(t.db, other.juryId, { count: 1, prefix: 'pw' });
    t.db.update(user).set({ passwordHash: await hashPassword('juror-demo'), mustChangePassword: true }).where(eq(user.id, id)).run();
    const me = findSessionUser(t.db, id)!;
    expect(me.role).toBeNull();
    expect(await runAction(changePasswordSpec, me, form('juror-demo'), t.db)).toEqual({ ok: true, data: null });
    expect(await verifyPassword(hashOf('pw-member-1'), 'a-new-long-password')).toBe(true);
    expect(t.db.select({ m: user.mustChangePassword }).from(user).where(eq(user.id, id)).get()!.m).toBe(false);
    // Any other action still needs a seat in the jury the request works in.
    expect(executeAction(saveScoreSpec, findSessionUser(t.db, id)!, { candidateId: other.candidates.best_film[0], value: 5 }, t.db)).toMatchObject({ ok: false, code: 'forbidden:role' });
  });

  it(`refuses every try after ${MAX_FAILURES} wrong current passwords, the right one included, for that user only`, async () => {
    const me = userByLogin(t.db, 'juror05');
    for (let i = 0; i < MAX_FAILURES; i++) expect(await runAction(changePasswordSpec, me, form(`wrong-${i}`), t.db)).toMatchObject({ code: 'account:wrong_password' });
    const before = snapshot(t.db);
    expect(await runAction(changePasswordSpec, me, form('juror-demo'), t.db)).toMatchObject({ ok: false, code: 'account:throttled', params: { minutes: 15 } });
    expect(snapshot(t.db)).toBe(before); // no password stored, and a refused try is not counted again
    // Another user is not affected.
    expect(await runAction(changePasswordSpec, userByLogin(t.db, 'juror06'), form('juror-demo'), t.db)).toEqual({ ok: true, data: null });
  });

  it(`checks at most ${MAX_FAILURES} guesses sent at once: each is counted before its password is verified`, async () => {
    const me = userByLogin(t.db, 'juror08');
    const outcomes = await Promise.all(Array.from({ length: 3 * MAX_FAILURES }, (_, i) => runAction(changePasswordSpec, me, form(`wrong-${i}`), t.db)));
    const codes = outcomes.map((o) => (o.ok ? 'ok' : o.code));
    expect(codes.filter((c) => c === 'account:wrong_password')).toHaveLength(MAX_FAILURES);
    expect(codes.filter((c) => c === 'account:throttled')).toHaveLength(2 * MAX_FAILURES);
  });

  it('a successful change clears the user’s failures', async () => {
    const me = userByLogin(t.db, 'juror07');
    for (let i = 0; i < MAX_FAILURES - 1; i++) await runAction(changePasswordSpec, me, form('wrong'), t.db);
    expect(await runAction(changePasswordSpec, me, form('juror-demo'), t.db)).toEqual({ ok: true, data: null });
    const again = userByLogin(t.db, 'juror07');
    for (let i = 0; i < MAX_FAILURES - 1; i++) await runAction(changePasswordSpec, again, { current: 'wrong', password: 'another-long-password', confirm: 'another-long-password' }, t.db);
    expect(await runAction(changePasswordSpec, again, { current: 'a-new-long-password', password: 'another-long-password', confirm: 'another-long-password' }, t.db)).toEqual({ ok: true, data: null });
    expect(await verifyPassword(hashOf('juror07'), 'another-long-password')).toBe(true);
  });

  it('stores nothing when the password changed between the verification and the write', async () => {
    const me = userByLogin(t.db, 'juror08');
    let before = '';
    // A reset lands after the current password was verified, before the transaction.
    const racing = { ...changePasswordSpec, prepare: async (ctx: Parameters<typeof changePasswordSpec.prepare>[0]) => {
      const verified = await changePasswordSpec.prepare(ctx);
      t.db.update(user).set({ passwordHash: await hashPassword('changed-by-a-reset') }).where(eq(user.id, me.id)).run();
      before = snapshot(t.db);
      return verified;
    } };
    const out = await runAction(racing, me, form('juror-demo'), t.db);
    expect(out).toMatchObject({ ok: false, code: 'account:changed' });
    expect(before).not.toBe('');
    expect(snapshot(t.db)).toBe(before);
  });
});
