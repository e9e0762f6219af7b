import 'server-only';
import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { user } from '@/db/schema';

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

export type SessionUser = {
  id: number;
  login: string;
  displayName: string;
  country: string | null;
  role: 'juror' | 'chair' | 'organiser';
  locale: 'en' | 'zh' | 'ru' | 'kk' | null;
  active: boolean;
  sessionVersion: number;
  mustChangePassword: boolean;
};

export function findSessionUser(db: DB, id: number): SessionUser | undefined {
  return db.select(sessionUserColumns).from(user).where(eq(user.id, id)).get();
}
