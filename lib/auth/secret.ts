// The session secret: NEXTAUTH_SECRET from the environment, or (in demo mode only) a random one kept in
// the data folder so that a restart keeps everyone signed in.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { databaseFile } from '@/lib/database';
import { env, EnvError } from '@/lib/env';

let cached: string | undefined;

export function sessionSecret(): string {
  const { nextauthSecret, demo } = env();
  if (nextauthSecret) return nextauthSecret;
  // checkEnv() stops the server at start-up in this case; this guards any other entry point.
  if (!demo) throw new EnvError('Jury: NEXTAUTH_SECRET is not set (required outside demo mode).');
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
