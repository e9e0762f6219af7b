// next-auth 4 configuration: Credentials (login name + password), JWT sessions that carry the
// user's id and session version. Built per call so that nothing reads the secret at build time.
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/lib/database';
import { user } from '@/db/schema';
import { appendAudit } from '@/lib/audit';
import { dummyHash, verifyPassword } from './password';
import { beginAttempt, clearFailures } from './throttle';
import { sessionSecret } from './secret';
import type { From } from '@/lib/account/device';
import { requestFrom, type HeaderBag } from './from';
import { lastUsedSlip, openSlip, recordSignIn, useSlip } from '@/lib/account/history';

// A session lasts from sign-in for the length of a festival; it is not extended by use (see session.ts).
export const SESSION_MAX_AGE_S = 14 * 24 * 60 * 60;

/**
 * A refused sign-in that says why: `message` is a bare code (it may travel in next-auth's error
 * address), `usedSlip` what a used slip's own secret is told (when, from which device).
 */
export class SignInRefusal extends Error {
  constructor(code: string, readonly usedSlip?: { at: string; device: string }) {
    super(code);
  }
}

/**
 * Checks a sign-in: throttle, then the password, or else the account's sign-in slip (which works
 * once: it is void from this sign-in on and only lets the juror choose their own password). The
 * exact secret of the account's last used slip is told that the slip was used, when and from which
 * device; any other wrong secret is only "wrong", and every try stays counted by the throttle.
 */
export async function authorizeCredentials(
  raw: Record<string, unknown> | undefined,
  where: string | From,
  nowMs = Date.now(),
): Promise<{ id: string; sv: number } | null> {
  const from: From = typeof where === 'string' ? { address: where, device: 'unknown', deviceId: null } : where;
  const address = from.address;
  const login = typeof raw?.login === 'string' ? raw.login.trim().toLowerCase().slice(0, 100) : '';
  const password = typeof raw?.password === 'string' ? raw.password.slice(0, 1000) : '';
  if (!login || !password) return null;
  const db = getDb();
  // Counted as a failure before the password is checked, so parallel tries cannot pass the limit together.
  const state = beginAttempt(db, login, address, nowMs);
  // The error text travels to the login page as a code; the page translates it.
  if (state.limited) throw new SignInRefusal(`throttled:${Math.ceil(state.retryAfterMs / 60000)}`);
  const row = db
    .select({ id: user.id, hash: user.passwordHash, active: user.active, sv: user.sessionVersion, mustChange: user.mustChangePassword })
    .from(user)
    .where(eq(user.login, login))
    .get();
  const usable = row?.active ? row : undefined;
  // A slip only ever stands in for a password the account does not have (issuing slips removes it and
  // asks for a new one): a slip row added in the file, beside the owner's own password, opens nothing.
  const slip = usable && usable.hash === null && usable.mustChange ? openSlip(db, usable.id) : undefined;
  // Every refused try costs the same two argon2 verifications, whatever the login: an unknown name,
  // an inactive account, one without a password or without a used slip cannot be told apart by time.
  const matched = await verifyPassword(row?.hash ?? slip?.hash ?? (await dummyHash()), password);
  const ok = matched && !!usable && usable.hash !== null;
  const bySlip = matched && !!slip;
  if (!usable || (!ok && !bySlip)) {
    const used = usable ? lastUsedSlip(db, usable.id) : undefined;
    const usedMatched = await verifyPassword(used?.hash ?? (await dummyHash()), password);
    if (used?.usedAt && usedMatched) throw new SignInRefusal('slip_used', { at: used.usedAt, device: used.usedDevice ?? 'unknown' });
    return null; // the attempt stays counted
  }
  const via = ok ? 'password' : 'slip';
  const signedIn = db.transaction(
    (tx) => {
      if (slip && !ok && !useSlip(tx, slip.id, from)) return false; // another request used it first
      recordSignIn(tx, usable.id, from, via);
      appendAudit(tx, { actorId: usable.id, action: 'auth.login', payload: { address, device: from.device, deviceId: from.deviceId, via } });
      return true;
    },
    { behavior: 'immediate' },
  );
  if (!signedIn) {
    const used = lastUsedSlip(db, usable.id);
    throw new SignInRefusal('slip_used', { at: used?.usedAt ?? new Date(nowMs).toISOString(), device: used?.usedDevice ?? 'unknown' });
  }
  clearFailures(db, login, address);
  // The session's version after the sign-in (a slip's use does not change it).
  return { id: String(usable.id), sv: usable.sv };
}

export function getAuthOptions(): NextAuthOptions {
  return {
    secret: sessionSecret(),
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_S },
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { login: { type: 'text' }, password: { type: 'password' } },
        authorize: (credentials, req) => authorizeCredentials(credentials, requestFrom(req?.headers as HeaderBag)),
      }),
    ],
    callbacks: {
      jwt({ token, user: signedIn }) {
        if (signedIn) {
          const u = signedIn as unknown as { id: string; sv: number };
          token.uid = Number(u.id);
          token.sv = u.sv;
        }
        return token;
      },
      session({ session, token }) {
        // Only what the guard needs; everything else is re-read from the database on each call.
        return { expires: session.expires, uid: token.uid, sv: token.sv } as typeof session;
      },
    },
    events: {
      // Logging out ends every session of that user at once: the guard compares versions.
      signOut({ token }) {
        const uid = Number(token?.uid);
        if (!Number.isInteger(uid)) return;
        getDb().transaction(
          (tx) => {
            tx.update(user).set({ sessionVersion: sql`${user.sessionVersion} + 1` }).where(eq(user.id, uid)).run();
            appendAudit(tx, { actorId: uid, action: 'auth.logout', payload: {} });
          },
          { behavior: 'immediate' },
        );
      },
    },
  };
}
