// One-time passwords the organisers hand over (on a slip or aloud). Its own module, without
// 'server-only', so that `npm run setup` uses the same generator.
import { randomInt } from 'node:crypto';
import { hashPassword } from '@/lib/auth/password';

// No 0/O, 1/l/I: read aloud or copied from paper without doubt.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function temporaryPassword(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${part()}-${part()}-${part()}-${part()}`;
}

export type TemporaryPassword = { password: string; passwordHash: string };

/**
 * The preparation of every action that sets a temporary password (ActionSpec.prepare): generated
 * and hashed before the synchronous transaction, which stores only the hash; the password is
 * returned once, to be shown once.
 */
export async function prepareTemporaryPassword(): Promise<TemporaryPassword> {
  const password = temporaryPassword();
  return { password, passwordHash: await hashPassword(password) };
}
