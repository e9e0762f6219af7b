// npm run backup [FILE]: a consistent copy of the live database, taken with SQLite's online backup
// API (better-sqlite3's db.backup()) while the server keeps running and jurors keep writing: the
// copy is one snapshot, never a half-written file copy. Default: <db folder>/backups/jury-<time>.db
// (data/backups/ for the default data/jury.db). The copy is checked (integrity_check) before exit.
// The audit key (<db>.audit-key) is copied beside the copy (<copy>.audit-key): a backup is only
// verifiable (npm run audit:verify) with its key, so keep the two together. With JURY_AUDIT_KEY set
// instead, that variable is the key: keep it with the backups.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFile } from '../lib/database';
import { auditKeyFile, copyAuditKey, keyFromEnv } from '../lib/audit/key';

function stamp(d = new Date()) {
  return d.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');
}

export function defaultBackupFile(source = databaseFile()): string {
  return path.join(path.dirname(source), 'backups', `jury-${stamp()}.db`);
}

/**
 * Copies `source` to `dest` from one read snapshot: a read transaction is opened first and held
 * until the copy is done, so every page comes from the same moment. `atSnapshot` runs inside that
 * transaction (the tests read the live tally there, to compare with the copy).
 */
export async function backupTo(source: string, dest: string, atSnapshot?: (db: Database.Database) => void): Promise<{ pages: number; file: string; key: boolean }> {
  if (!fs.existsSync(source)) throw new Error(`no database at ${source}`);
  if (fs.existsSync(dest)) throw new Error(`${dest} exists: refusing to overwrite it`);
  fs.mkdirSync(path.dirname(dest), { recursive: true });
  const db = new Database(source, { fileMustExist: true });
  db.pragma('busy_timeout = 10000');
  try {
    db.exec('BEGIN');
    db.prepare('select count(*) from sqlite_master').get(); // starts the read snapshot
    atSnapshot?.(db);
    // All pages in one step: the copy is taken within the snapshot above.
    const r = await db.backup(dest, { progress: () => 1 << 30 });
    db.exec('COMMIT');
    const copy = new Database(dest);
    try {
      const ok = copy.pragma('integrity_check', { simple: true });
      if (ok !== 'ok') throw new Error(`the copy failed integrity_check: ${String(ok)}`);
    } finally {
      copy.close();
    }
    const key = copyAuditKey(source, dest);
    return { pages: r.totalPages, file: dest, key };
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
    db.close();
  }
}

async function main() {
  const source = databaseFile();
  const dest = path.resolve(process.argv[2] ?? defaultBackupFile(source));
  const t0 = Date.now();
  const { pages, key } = await backupTo(source, dest);
  process.stdout.write(`backup: ${source} -> ${dest} (${pages} pages, ${Date.now() - t0} ms, integrity ok)\n`);
  process.stdout.write(key ? `audit key: ${auditKeyFile(dest)} (keep it with the backup)\n` : keyFromEnv() ? 'audit key: JURY_AUDIT_KEY (keep it with the backup)\n' : 'audit key: none beside the database yet\n');
}

if (/scripts[\\/]backup\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((e) => {
    process.stderr.write(`backup failed: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
