// A signed-in user sets their own password (at the first sign-in, or after an organiser reset
// it). The current password is checked and the new one hashed before the transaction; the
// transaction stores the hash, clears mustChangePassword and ends every other session. Wrong
// current passwords are throttled like sign-ins (per user: whoever guesses already holds the
// session), so a stolen session cannot be used to guess the password without limit.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES, user as userTable } from '@/db/schema';
import type { DB } from '@/db';
import { getDb } from '@/lib/database';
import { executeAction, fieldErrorsOf, Refusal, type ActionSpec, type Outcome } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { accountState } from '@/lib/auth/account-state';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { MIN_PASSWORD, passwordProblem } from '@/lib/auth/password-policy';
import type { SessionUser } from '@/lib/auth/users';
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

// `previousHash` is the hash the current password was verified against: if it changed meanwhile
// (a second change, a reset), the verification no longer holds.
// `from` is where the request came from (address, device), for the owner's history.
const StoreInput = z.object({
  passwordHash: z.string().startsWith('$argon2id$'),
  previousHash: z.string().nullable(),
  verified: z.literal(true),
  from: z.object({ device: z.string().max(100), deviceId: z.string().max(64).nullable(), address: z.string().max(100) }).strict().optional(),
});

export const changePasswordSpec = {
  name: 'admin.changePassword',
  roles: ROLES,
  schema: StoreInput,
  allowPasswordChange: true,
  handler: ({ user, input, tx }) => {
    const now = tx.select({ hash: userTable.passwordHash, mustChange: userTable.mustChangePassword }).from(userTable).where(eq(userTable.id, user.id)).get();
    if ((now?.hash ?? null) !== input.previousHash) throw new Refusal('account:changed');
    // A password that had to be changed was set by someone else: it stays refused for good.
    if (now?.mustChange && now.hash) retireOneTimePassword(tx, user.id, now.hash);
    tx.update(userTable)
      .set({ passwordHash: input.passwordHash, mustChangePassword: false, sessionVersion: sql`${userTable.sessionVersion} + 1` })
      .where(eq(userTable.id, user.id))
      .run();
    // Chosen in the owner's own session: the history says so, from where, for the owner to recognise.
    voidSlips(tx, user.id);
    recordCredential(tx, user.id, 'chosen', { id: user.id, how: 'owner' }, input.from);
    // Where from, as the history records it: audit:verify replays the history's rows from here.
    const where = { device: input.from?.device ?? null, deviceId: input.from?.deviceId ?? null, address: input.from?.address ?? null };
    appendAudit(tx, { actorId: user.id, action: 'account.password', payload: { accounts: [accountState(tx, user.id)], from: where } });
    return null;
  },
} satisfies ActionSpec<typeof StoreInput, null>;

/** The whole change: validate, verify the current password, hash the new one, store it. */
export async function changeOwnPassword(user: SessionUser | null, raw: unknown, db: DB = getDb(), from?: From): Promise<Outcome<null>> {
  if (!user || !user.active) return { ok: false, code: 'auth:required' };
  const fields = raw instanceof FormData ? Object.fromEntries([...raw.entries()].filter(([k]) => !k.startsWith('$ACTION'))) : raw;
  // The festival's names and every account's login and names are the first guesses anyone makes.
  const parsed = passwordForm([user.login, user.displayName, ...passwordUserInputs(db)]).safeParse(fields);
  if (!parsed.success) return { ok: false, code: 'invalid:input', fieldErrors: fieldErrorsOf(parsed.error) };
  const key = `password-change:${user.id}`;
  // Counted as a failure before the password is checked (cleared on success): parallel guesses cannot pass the limit together.
  const state = beginAttempt(db, key, SESSION_ADDRESS, Date.now());
  if (state.limited) return { ok: false, code: 'account:throttled', params: { minutes: Math.ceil(state.retryAfterMs / 60000) } };
  const stored = db.select({ hash: userTable.passwordHash }).from(userTable).where(eq(userTable.id, user.id)).get();
  const previousHash = stored?.hash ?? null;
  // An account signed in with its slip has no password yet: the slip's secret is the current one,
  // for this one change (the slip is already used; a new sign-in with it is refused).
  const current = previousHash ?? lastUsedSlip(db, user.id)?.hash ?? null;
  if (!(await verifyPassword(current, parsed.data.current))) {
    return { ok: false, code: 'account:wrong_password', fieldErrors: { current: ['wrong_password'] } };
  }
  // Checked once the current password is known right: nobody learns an old one-time password by trying.
  if (await wasOneTimePassword(db, user.id, parsed.data.password)) {
    clearFailures(db, key, SESSION_ADDRESS); // the current password was right: not a guess
    return { ok: false, code: 'invalid:input', fieldErrors: { password: ['password_one_time'] } };
  }
  const passwordHash = await hashPassword(parsed.data.password);
  const outcome = executeAction(changePasswordSpec, user, { passwordHash, previousHash, verified: true, from }, db);
  if (outcome.ok) clearFailures(db, key, SESSION_ADDRESS);
  return outcome;
}
