// A signed-in user sets their own password (at the first sign-in, or after an organiser reset
// it). The current password is checked and the new one hashed before the transaction; the
// transaction stores the hash, clears mustChangePassword and ends every other session. Wrong
// current passwords are throttled like sign-ins (per user: whoever guesses already holds the
// session), so a stolen session cannot be used to guess the password without limit.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES, user as userTable } from '@/db/schema';
import { Refusal, type ActionSpec } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { accountState } from '@/lib/auth/account-state';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { MIN_PASSWORD, passwordProblem } from '@/lib/auth/password-policy';
import { beginAttempt, clearFailures } from '@/lib/auth/throttle';
import { passwordUserInputs } from '@/lib/auth/password-inputs';
import { retireOneTimePassword, wasOneTimePassword } from '@/lib/auth/one-time-password';
import { lastUsedSlip, recordCredential, voidSlips } from '@/lib/account/history';
import type { From } from '@/lib/account/device';

export { MIN_PASSWORD };

/** The throttle's address slot for password changes: they are counted per user, from any address. */
const SESSION_ADDRESS = 'session';

/** The form of a password change; the new password must pass the one rule (password-policy.ts), also against the user's own names. */
export const passwordForm = (userInputs: readonly string[]) => z
  .object({
    current: z.string().min(1).max(1000),
    password: z.string().max(1000),
    confirm: z.string().max(1000),
  })
  .superRefine((v, ctx) => {
    const problem = passwordProblem(v.password, userInputs);
    if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: problem });
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'password_mismatch' });
    if (v.password === v.current) ctx.addIssue({ code: 'custom', path: ['password'], message: 'password_same' });
  });
export const PasswordForm = passwordForm([]);

/**
 * What the preparation hands the transaction: the new password's hash, the hash the current password
 * was verified against (if it changed meanwhile, by a second change or a reset, the verification no
 * longer holds), where the request came from (address, device), for the owner's history, and the
 * throttle's key, cleared in the transaction that stores the password.
 */
type Verified = { passwordHash: string; previousHash: string | null; from?: From; throttleKey: string };

/**
 * A user sets their own password: validated (the festival's names and every account's login and
 * names are the first guesses anyone makes), the current password verified (throttled) and the new
 * one hashed before the transaction, which stores it.
 */
export const changePasswordSpec = {
  name: 'admin.changePassword',
  roles: ROLES,
  // A member of another jury than the one the request works in (the default, before they choose theirs)
  // still changes their own password, a forced change after a reset included (docs/ARCHITECTURE.md, membership).
  anyAccount: true,
  schema: ({ user, db }) => passwordForm([user.login, user.displayName, ...passwordUserInputs(db)]),
  allowPasswordChange: true,
  secret: ['current', 'password', 'confirm'],
  prepare: async ({ user, input, db, from }): Promise<Verified> => {
    const throttleKey = `password-change:${user.id}`;
    // Counted as a failure before the password is checked (cleared on success): parallel guesses cannot pass the limit together.
    const state = beginAttempt(db, throttleKey, SESSION_ADDRESS, Date.now());
    if (state.limited) throw new Refusal('account:throttled', { minutes: Math.ceil(state.retryAfterMs / 60000) });
    const stored = db.select({ hash: userTable.passwordHash }).from(userTable).where(eq(userTable.id, user.id)).get();
    const previousHash = stored?.hash ?? null;
    // An account signed in with its slip has no password yet: the slip's secret is the current one,
    // for this one change (the slip is already used; a new sign-in with it is refused).
    const current = previousHash ?? lastUsedSlip(db, user.id)?.hash ?? null;
    if (!(await verifyPassword(current, input.current))) throw new Refusal('account:wrong_password', {}, { current: ['wrong_password'] });
    // Checked once the current password is known right: nobody learns an old one-time password by trying.
    if (await wasOneTimePassword(db, user.id, input.password)) {
      clearFailures(db, throttleKey, SESSION_ADDRESS); // the current password was right: not a guess
      throw new Refusal('invalid:input', {}, { password: ['password_one_time'] });
    }
    return { passwordHash: await hashPassword(input.password), previousHash, from: await from(), throttleKey };
  },
  handler: ({ user, tx, prepared }) => {
    const now = tx.select({ hash: userTable.passwordHash, mustChange: userTable.mustChangePassword }).from(userTable).where(eq(userTable.id, user.id)).get();
    if ((now?.hash ?? null) !== prepared.previousHash) throw new Refusal('account:changed');
    // A password that had to be changed was set by someone else: it stays refused for good.
    if (now?.mustChange && now.hash) retireOneTimePassword(tx, user.id, now.hash);
    tx.update(userTable)
      .set({ passwordHash: prepared.passwordHash, mustChangePassword: false, sessionVersion: sql`${userTable.sessionVersion} + 1` })
      .where(eq(userTable.id, user.id))
      .run();
    // Chosen in the owner's own session: the history says so, from where, for the owner to recognise.
    voidSlips(tx, user.id);
    recordCredential(tx, user.id, 'chosen', { id: user.id, how: 'owner' }, prepared.from);
    // Where from, as the history records it: audit:verify replays the history's rows from here.
    const where = { device: prepared.from?.device ?? null, deviceId: prepared.from?.deviceId ?? null, address: prepared.from?.address ?? null };
    appendAudit(tx, { actorId: user.id, action: 'account.password', payload: { accounts: [accountState(tx, user.id)], from: where } });
    // The right password was given: the failures counted for this user go, with the change.
    clearFailures(tx, prepared.throttleKey, SESSION_ADDRESS);
    return null;
  },
} satisfies ActionSpec<ReturnType<typeof passwordForm>, null, Verified>;
