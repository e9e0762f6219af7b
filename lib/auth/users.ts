import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { user, type Role, type User } from '@/db/schema';
import { servedRole } from '@/lib/festival/members';
import { prepared } from '@/lib/server/prepared';

// The columns a signed-in user carries around the server. Never the password hash. Its role is the one
// in the served jury (lib/festival/members.ts servedRole): 'organiser' for an organiser, the membership's
// role for a member, null for an account that sits on no jury served here (it may sign in and change its
// password; every juror's and chair's page and action refuses it, as for a missing right).
export const sessionUserColumns = {
  id: user.id,
  login: user.login,
  displayName: user.displayName,
  country: user.country,
  role: servedRole,
  locale: user.locale,
  active: user.active,
  sessionVersion: user.sessionVersion,
  mustChangePassword: user.mustChangePassword,
};

export type SessionUser = Pick<User, Exclude<keyof typeof sessionUserColumns, 'role'>> & { role: Role | null };

export function findSessionUser(db: DB, id: number): SessionUser | undefined {
  // Read on every request of a signed-in user.
  return prepared(db, 'user.session', (q) => q.select(sessionUserColumns).from(user).where(eq(user.id, sql.placeholder('id'))).prepare())
    .get({ id });
}
