// npm run restore FILE: brings a backup back as the live database (JURY_DB, default data/jury.db).
// Refuses while a server runs on that database (the server keeps <db>.server-pid while it lives, see
// instrumentation.ts). Checks the backup first, keeps a copy of the current database beside it
// (<db folder>/backups/jury-before-restore-<time>.db), removes the old -wal/-shm files, which belong
// to the old file and must never be replayed onto the restored one, and copies the backup in with
// SQLite's backup API, then switches it to WAL mode and checks it again. The backup's audit key
// (<backup>.audit-key, written by npm run backup) comes back with it, the current key is kept beside
// the kept copy; a backup whose log is keyed but whose key is missing is refused (it could never be
// verified), unless JURY_AUDIT_KEY holds the key.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFile } from '../db';
import { serverPidFile } from '../lib/server-pid';
import { auditKeyFile, copyAuditKey, keyFromEnv } from '../lib/audit-key';

/** The pid of a live server on this database, if any. */
export function runningServer(db = databaseFile()): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(serverPidFile(db), 'utf8').trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM' ? pid : null; // EPERM: alive, not ours
  }
}

function check(file: string) {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const ok = db.pragma('integrity_check', { simple: true });
    if (ok !== 'ok') throw new Error(`${file} failed integrity_check: ${String(ok)}`);
    if (!db.prepare("select 1 from sqlite_master where type = 'table' and name = 'festival'").get()) throw new Error(`${file} is not a Jury database`);
  } finally {
    db.close();
  }
}

/** Whether the database's audit log has keyed entries (written since the audit key exists). */
function hasKeyedLog(file: string): boolean {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const col = db.prepare("select 1 from pragma_table_info('audit') where name = 'keyed'").get();
    return !!col && !!db.prepare('select 1 from audit where keyed = 1 limit 1').get();
  } finally {
    db.close();
  }
}

export async function restoreFrom(backup: string, target = databaseFile()): Promise<{ keptAs: string | null }> {
  const pid = runningServer(target);
  if (pid) throw new Error(`a server (pid ${pid}) is running on ${target}: stop it first`);
  check(backup);
  if (!fs.existsSync(auditKeyFile(backup)) && !keyFromEnv() && hasKeyedLog(backup)) {
    throw new Error(`the backup's audit key ${auditKeyFile(backup)} is missing: without it the restored log cannot be verified (or set JURY_AUDIT_KEY)`);
  }
  fs.mkdirSync(path.dirname(target), { recursive: true });
  let keptAs: string | null = null;
  if (fs.existsSync(target)) {
    keptAs = path.join(path.dirname(target), 'backups', `jury-before-restore-${new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}.db`);
    fs.mkdirSync(path.dirname(keptAs), { recursive: true });
    const cur = new Database(target); // opening replays its own WAL into the view the backup takes
    try {
      await cur.backup(keptAs);
    } finally {
      cur.close();
    }
    copyAuditKey(target, keptAs);
  }
  for (const f of [target, `${target}-wal`, `${target}-shm`, `${target}-journal`]) fs.rmSync(f, { force: true });
  const src = new Database(backup, { readonly: true, fileMustExist: true });
  try {
    await src.backup(target);
  } finally {
    src.close();
  }
  copyAuditKey(backup, target);
  const db = new Database(target);
  try {
    db.pragma('journal_mode = WAL');
  } finally {
    db.close();
  }
  check(target);
  return { keptAs };
}

async function main() {
  const backup = process.argv[2];
  if (!backup) {
    process.stderr.write('usage: npm run restore FILE\n');
    process.exit(2);
  }
  const target = databaseFile();
  const { keptAs } = await restoreFrom(path.resolve(backup), target);
  process.stdout.write(`restore: ${path.resolve(backup)} -> ${target}${keptAs ? ` (previous database kept as ${keptAs})` : ''}\n`);
}

if (/scripts[\\/]restore\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((e) => {
    process.stderr.write(`restore refused: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
