// Reads next-auth's session token through next-auth/jwt's public decode (it derives the key from the
// secret and decrypts the JWT; we no longer rebuild its key derivation, so a next-auth upgrade that
// changes the token's format or key changes our reader with it).
// It remembers the claims of the tokens it has already decoded: decoding was a measurable part of every
// score save (docs/PERFORMANCE.md), and a juror's device sends the same token for hours. The memo is a
// cache of a pure function (same token and secret, same claims), not state: a process without it
// answers the same, and the session version is still checked against the database on every request
// (lib/auth/session.ts), so logout and deactivation are immediate.
import { decode } from 'next-auth/jwt';
import type { JWTPayload } from 'jose';

const CLOCK_TOLERANCE_S = 15; // next-auth's decode accepts a token this long past its expiry
const MEMO_SIZE = 2000; // a festival's jurors and organisers, several devices each
const memo = new Map<string, { secret: string; payload: JWTPayload }>();

/** The token's claims; throws on a forged, altered or expired token. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload> {
  const hit = memo.get(token);
  if (hit && hit.secret === secret) {
    // Decrypted and checked before: only its expiry can have changed since.
    if (typeof hit.payload.exp === 'number' && hit.payload.exp + CLOCK_TOLERANCE_S > Date.now() / 1000) return hit.payload;
    memo.delete(token);
  }
  const payload = (await decode({ token, secret })) as JWTPayload | null;
  if (!payload) throw new Error('Session token missing or empty.');
  if (typeof payload.exp === 'number') {
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!); // the oldest entry
    memo.set(token, { secret, payload: Object.freeze(payload) });
  }
  return payload;
}
