// The key of the audit chain's HMAC, kept outside the database so that whoever holds the database file
// alone cannot rewrite the log and re-hash it: JURY_AUDIT_KEY (at least 32 characters), else the file
// <database>.audit-key beside the database (64 hex characters, created with mode 0600 on first use).
// A backup is only verifiable with its key: npm run backup copies the key file beside the copy, and
// npm run restore brings it back (README, "Backups").
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { env } from '@/lib/env';


export function auditKeyFile(dbFile: string): string {
  return `${dbFile}.audit-key`;
}

function fromEnv(): Buffer | null {
  // Validated (at least 32 characters) with the other settings in lib/env.ts.
  const v = env().auditKey;
  return v === undefined ? null : Buffer.from(v, 'utf8');
}

export function readKeyFile(file: string): Buffer {
  const text = fs.readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/.test(text)) throw new Error(`${file} is not an audit key (64 hex characters)`);
  return Buffer.from(text, 'hex');
}

/** The key for the database at `dbFile`: the environment's, or its key file's (created if missing). */
export function loadAuditKey(dbFile: string): Buffer {
  const env = fromEnv();
  if (env) return env;
  // An in-memory database has no place for a key file: a key for this process only.
  if (dbFile === '' || dbFile === ':memory:') return randomBytes(32);
  const file = auditKeyFile(dbFile);
  if (!fs.existsSync(file)) {
    // Written whole to a private file, then linked into place: of two processes opening a new database
    // at once, one creates the key and both read the same complete one.
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.writeFileSync(tmp, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
    try {
      fs.linkSync(tmp, file);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }
  return readKeyFile(file);
}

/** Whether the key comes from the environment (then a backup's key is that variable, not a file). */
export function keyFromEnv(): boolean {
  return fromEnv() !== null;
}

/** Copies the key file of `from` beside `to` (a backup, a restore), when there is one. */
export function copyAuditKey(fromDb: string, toDb: string): boolean {
  const src = auditKeyFile(fromDb);
  if (!fs.existsSync(src)) return false;
  const dest = auditKeyFile(toDb);
  fs.copyFileSync(src, dest);
  fs.chmodSync(dest, 0o600);
  return true;
}
