// Reads next-auth's session token (an encrypted JWT, A256GCM with a key derived from the secret by
// HKDF) the way next-auth/jwt's decode does, but derives the key once per secret instead of on every
// request: the derivation was a measurable part of every score save (docs/PERFORMANCE.md).
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

/** The token's claims; throws on a forged, altered or expired token. */
export async function decodeSessionToken(token: string, secret: string): Promise<JWTPayload> {
  const { payload } = await jwtDecrypt(token, encryptionKey(secret), { clockTolerance: 15 });
  return payload;
}
