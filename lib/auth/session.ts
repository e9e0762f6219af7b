// The signed-in user of this request, re-read from the database on every request: a deactivated
// user, a changed role or an ended session (version bumped) takes effect at once.
import 'server-only';
import { cache } from 'react';
import { cookies } from 'next/headers';
import { type DB } from '@/db';
import { getDb } from '@/lib/database';
import { env } from '@/lib/env';
import { sessionSecret } from './secret';
import { chooseRequestJury } from '@/lib/server/chosen-jury';
import { decodeSessionToken } from './token';
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

/** next-auth's session cookie: `__Secure-` prefixed when the app is served over HTTPS. */
export function sessionCookieName(): string {
  return env().https ? '__Secure-next-auth.session-token' : 'next-auth.session-token';
}

/**
 * Decodes the session cookie directly instead of calling getServerSession: that would re-issue the
 * cookie on every call, and a server action that sets a cookie makes Next.js re-render the whole
 * page into its response, which multiplied the cost of every score save.
 */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  // First the jury this request is about: the user's rights are their membership of it, and whatever
  // the page reads after the session is that jury's.
  await chooseRequestJury();
  const token = (await cookies()).get(sessionCookieName())?.value;
  if (!token) return null;
  let claims: { uid?: unknown; sv?: unknown };
  try {
    claims = (await decodeSessionToken(token, sessionSecret())) as { uid?: unknown; sv?: unknown };
  } catch {
    return null; // a forged, truncated or expired token
  }
  return userForClaims(getDb(), claims);
});
