// A signed-in user sets their own password (at the first sign-in, or after an organiser reset
// it). The current password is checked and the new one hashed before the transaction; the
// transaction stores the hash, clears mustChangePassword and ends every other session.
import { eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { ROLES, user as userTable } from '@/db/schema';
import type { DB } from '@/db';
import { getDb } from '@/db';
import { executeAction, type ActionSpec, type Outcome } from '@/lib/action';
import { appendAudit } from '@/lib/audit';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import type { SessionUser } from '@/lib/auth/users';

export const MIN_PASSWORD = 10;

export const PasswordForm = z
  .object({
    current: z.string().min(1).max(1000),
    password: z.string().min(MIN_PASSWORD, 'password_short').max(1000),
    confirm: z.string().max(1000),
  })
  .superRefine((v, ctx) => {
    if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: 'password_mismatch' });
    if (v.password === v.current) ctx.addIssue({ code: 'custom', path: ['password'], message: 'password_same' });
  });

const StoreInput = z.object({ passwordHash: z.string().startsWith('$argon2id$'), verified: z.literal(true) });

export const changePasswordSpec = {
  name: 'admin.changePassword',
  roles: ROLES,
  schema: StoreInput,
  allowPasswordChange: true,
  handler: ({ user, input, tx }) => {
    tx.update(userTable)
      .set({ passwordHash: input.passwordHash, mustChangePassword: false, sessionVersion: sql`${userTable.sessionVersion} + 1` })
      .where(eq(userTable.id, user.id))
      .run();
    appendAudit(tx, { actorId: user.id, action: 'account.password', payload: {} });
    return null;
  },
} satisfies ActionSpec<typeof StoreInput, null>;

/** The whole change: validate, verify the current password, hash the new one, store it. */
export async function changeOwnPassword(user: SessionUser | null, raw: unknown, db: DB = getDb()): Promise<Outcome<null>> {
  if (!user || !user.active) return { ok: false, code: 'auth:required' };
  const fields = raw instanceof FormData ? Object.fromEntries([...raw.entries()].filter(([k]) => !k.startsWith('$ACTION'))) : raw;
  const parsed = PasswordForm.safeParse(fields);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || '_'] ??= []).push(issue.message);
    return { ok: false, code: 'invalid:input', fieldErrors };
  }
  const stored = db.select({ hash: userTable.passwordHash }).from(userTable).where(eq(userTable.id, user.id)).get();
  if (!(await verifyPassword(stored?.hash ?? null, parsed.data.current))) {
    return { ok: false, code: 'account:wrong_password', fieldErrors: { current: ['wrong_password'] } };
  }
  const passwordHash = await hashPassword(parsed.data.password);
  return executeAction(changePasswordSpec, user, { passwordHash, verified: true }, db);
}
