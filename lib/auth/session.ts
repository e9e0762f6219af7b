// The signed-in user of this request, re-read from the database on every request: a deactivated
// user, a changed role or an ended session (version bumped) takes effect at once.
import 'server-only';
import { cache } from 'react';
import { getServerSession } from 'next-auth';
import { getDb } from '@/db';
import { getAuthOptions } from './options';
import { findSessionUser, type SessionUser } from './users';

export type { SessionUser };

export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const session = (await getServerSession(getAuthOptions())) as { uid?: unknown; sv?: unknown } | null;
  const uid = Number(session?.uid);
  if (!session || !Number.isInteger(uid)) return null;
  const row = findSessionUser(getDb(), uid);
  if (!row || !row.active || row.sessionVersion !== session.sv) return null;
  return row;
});
