// Password hashing: argon2id with the library's defaults (m=19 MiB, t=2), per OWASP guidance.
import { hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the library exports it as a const enum, which isolated modules cannot read.
const ARGON2ID = 2;

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

// Verified against when the login name is unknown, so that an unknown name costs the same time
// as a wrong password and the two cannot be told apart.
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword('not-a-real-password');
  return dummy;
}
