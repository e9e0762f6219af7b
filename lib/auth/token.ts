// Reads next-auth's session token (an encrypted JWT, A256GCM with a key derived from the secret by
// HKDF) the way next-auth/jwt's decode does, but derives the key once per secret instead of on every
// request, and remembers the claims of the tokens it has already decrypted: both were a measurable part
// of every score save (docs/PERFORMANCE.md). The memo is a cache of a pure function (same token, same
// claims), not state: a process without it answers the same, and the session version is still checked
// against the database on every request (lib/auth/session.ts), so logout and deactivation are immediate.
// token.test.ts decodes tokens made by next-auth's own encode, so a change in next-auth shows there.
import { hkdfSync } from 'node:crypto';
import { jwtDecrypt, type JWTPayload } from 'jose';

const keys = new Map<string, Uint8Array>();

function encryptionKey(secret: string): Uint8Array {
  let key = keys.get(secret);
  if (!key) {
    // next-auth v4: hkdf('sha256', secret, salt '', 'NextAuth.js Generated Encryption Key', 32)
    key = new Uint8Array(hkdfSync('sha256', secret, '', 'NextAuth.js Generated Encryption Key', 32));
    keys.set(secret, key);
  }
  return key;
}

const CLOCK_TOLERANCE_S = 15;
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
  const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: CLOCK_TOLERANCE_S });
  if (typeof payload.exp === 'number') {
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value!); // the oldest entry
    memo.set(token, { secret, payload: Object.freeze(payload) });
  }
  return payload;
}
