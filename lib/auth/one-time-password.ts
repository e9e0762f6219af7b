// A one-time password (a sign-in slip's, a reset's temporary one, the set-up password) is known to
// whoever handed it out: it can never become the account's permanent password. Its hash is kept
// when its holder replaces it (every password someone else sets must be changed at the first
// sign-in, so the password replaced at that change is one-time; a slip's secret is in its own
// record), and a new password is checked against every such hash of the account.
import { eq } from 'drizzle-orm';
import { oneTimePassword, slip } from '@/db/schema';
import type { DB } from '@/db';
import type { Tx } from '@/lib/server/action';
import { verifyPassword } from './password';

export function retireOneTimePassword(tx: Tx, userId: number, passwordHash: string) {
  tx.insert(oneTimePassword).values({ userId, passwordHash }).run();
}

/** Whether `password` is one this account was given once by someone else. */
export async function wasOneTimePassword(db: Pick<DB, 'select'>, userId: number, password: string): Promise<boolean> {
  const hashes = [
    ...db.select({ hash: oneTimePassword.passwordHash }).from(oneTimePassword).where(eq(oneTimePassword.userId, userId)).all(),
    // A slip's secret is one too, though never the account's password (nothing retires it): every
    // slip the account was issued, used, void or still open.
    ...db.select({ hash: slip.hash }).from(slip).where(eq(slip.userId, userId)).all(),
  ];
  for (const { hash } of hashes) if (await verifyPassword(hash, password)) return true;
  return false;
}
