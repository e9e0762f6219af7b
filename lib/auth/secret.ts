// The session secret: NEXTAUTH_SECRET from the environment, or in demo mode a random one kept in
// the data folder so that a restart keeps everyone signed in.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseFile } from '@/db';

let cached: string | undefined;

export function sessionSecret(): string {
  if (process.env.NEXTAUTH_SECRET) return process.env.NEXTAUTH_SECRET;
  if (cached) return cached;
  const file = path.join(path.dirname(databaseFile()), 'session-secret');
  try {
    cached = fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const fresh = crypto.randomBytes(32).toString('base64url');
    try {
      fs.writeFileSync(file, fresh, { flag: 'wx', mode: 0o600 });
    } catch {
      // Another process wrote it first: use theirs.
    }
    cached = fs.readFileSync(file, 'utf8').trim();
  }
  return cached;
}
