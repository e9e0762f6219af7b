// The signed-in user of this request, re-read from the database on every request: a deactivated
// user, a changed role or an ended session (version bumped) takes effect at once.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { getDb, type DB } from '@/db';
import { getAuthOptions } from './options';
import { findSessionUser, type SessionUser } from './users';

export type { SessionUser };

/** The user a session's claims stand for, or null when the session no longer holds. */
export function userForClaims(db: DB, claims: { uid?: unknown; sv?: unknown } | null): SessionUser | null {
  const uid = Number(claims?.uid);
  if (!claims || !Number.isInteger(uid)) return null;
  const row = findSessionUser(db, uid);
  if (!row || !row.active || row.sessionVersion !== claims.sv) return null;
  return row;
}

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { uid?: unknown; sv?: unknown } | null;
  return userForClaims(getDb(), session);
});
