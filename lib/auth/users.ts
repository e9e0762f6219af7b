import 'server-only';
import { eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { user, type User } from '@/db/schema';
import { prepared } from '@/lib/server/prepared';

// The columns a signed-in user carries around the server. Never the password hash.
export const sessionUserColumns = {
  id: user.id,
  login: user.login,
  displayName: user.displayName,
  country: user.country,
  role: user.role,
  locale: user.locale,
  active: user.active,
  sessionVersion: user.sessionVersion,
  mustChangePassword: user.mustChangePassword,
};

export type SessionUser = Pick<User, keyof typeof sessionUserColumns>;

export function findSessionUser(db: DB, id: number): SessionUser | undefined {
  // Read on every request of a signed-in user.
  return prepared(db, 'user.session', (q) => q.select(sessionUserColumns).from(user).where(eq(user.id, sql.placeholder('id'))).prepare())
    .get({ id });
}
