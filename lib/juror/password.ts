// One-time passwords the organisers hand over (on a slip or aloud). Its own module, without
// 'server-only', so that `npm run setup` uses the same generator.
import { randomInt } from 'node:crypto';

// No 0/O, 1/l/I: read aloud or copied from paper without doubt.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export function temporaryPassword(): string {
  const part = () => Array.from({ length: 4 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  return `${part()}-${part()}-${part()}-${part()}`;
}
