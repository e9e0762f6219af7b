// npm run restore FILE [--roll-back]: brings a backup back as the live database (JURY_DB, default data/jury.db).
// Refuses while a server runs on that database (the server keeps <db>.server-pid while it lives, see
// instrumentation.ts). Checks the backup first, keeps a copy of the current database beside it
// (<db folder>/backups/jury-before-restore-<time>.db), removes the old -wal/-shm files, which belong
// to the old file and must never be replayed onto the restored one, and copies the backup in with
// SQLite's backup API, then switches it to WAL mode and checks it again. The backup's audit key
// (<backup>.audit-key, written by npm run backup) comes back with it, the current key is kept beside
// the kept copy; a backup whose log is keyed but whose key is missing is refused (it could never be
// verified), unless JURY_AUDIT_KEY holds the key; so is a backup whose log does not verify with the key
// it will be used with (JURY_AUDIT_KEY, else its key file): a wrong key file, or a backup altered.
// Time never goes backwards unseen (issue 20, route 7): a backup of an earlier phase, or one whose log
// lacks entries the current database's has (lib/audit/roll-back.ts), is refused with what would be lost,
// unless --roll-back is given; then the restored log records the roll-back in a keyed `audit.restore`
// entry, which npm run audit:verify reports and the protocol shows.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseFile, openDatabase } from '../lib/database';
import { serverPidFile } from '../lib/http/server-pid';
import { auditKeyFile, copyAuditKey, keyFromEnv, loadAuditKey, readKeyFile } from '../lib/audit/key';
import { appendAudit, verifyEntries, type ChainBreak } from '../lib/audit';
import { describeRollBack, factsOf, restoreRecord, rollBackOf, RESTORE_ACTION, type RollBack } from '../lib/audit/roll-back';

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
    // A jury's table (since editions, 0007) or the festival's (a backup from before them, migrated when opened).
    if (!db.prepare("select 1 from sqlite_master where type = 'table' and name in ('jury', 'festival')").get()) throw new Error(`${file} is not a Jury database`);
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

const BREAKS: Record<ChainBreak, string> = {
  prev_hash: 'an entry was removed or reordered',
  hash: 'its keyed hash does not match',
  unsealed_legacy: 'unkeyed entries that no keyed seal follows',
  legacy_after_keyed: 'an unkeyed entry after keyed ones',
};

/** The backup's chain must verify with the key that will be used with it once restored. */
function checkBackupKey(backup: string) {
  const fromEnv = keyFromEnv();
  const source = fromEnv ? 'JURY_AUDIT_KEY' : auditKeyFile(backup);
  let key: Buffer;
  try {
    key = fromEnv ? loadAuditKey(backup) : readKeyFile(auditKeyFile(backup));
  } catch (e) {
    throw new Error(`the backup's audit key ${source} cannot be read: ${e instanceof Error ? e.message : String(e)}`);
  }
  const db = new Database(backup, { readonly: true, fileMustExist: true });
  let rows;
  try {
    rows = (db.prepare('select id, at, actor_id as actorId, action, payload, prev_hash as prevHash, hash, keyed from audit order by id').all() as { keyed: number }[])
      .map((r) => ({ ...r, keyed: r.keyed === 1 })) as Parameters<typeof verifyEntries>[0];
  } finally {
    db.close();
  }
  const status = verifyEntries(rows, key);
  if (!status.ok) {
    throw new Error(`the backup's audit log does not verify with the key it would be used with (${source}): entry ${status.entries} (id ${status.brokenAt}): ${BREAKS[status.why]}. A wrong key file, or a backup altered; nothing was restored`);
  }
}

/** What restoring would undo (null: nothing); refuses an unreadable current database, which only --roll-back may replace. */
function rollBackOver(backup: string, target: string): RollBack | null {
  if (!fs.existsSync(target)) return null;
  try {
    check(target);
  } catch (e) {
    throw new Error(`the current database ${target} cannot be read (${e instanceof Error ? e.message : String(e)}): nothing can tell what restoring would lose; run again with --roll-back to replace it anyway`, { cause: e });
  }
  return rollBackOf(factsOf(target), factsOf(backup));
}

export interface RestoreOptions {
  /** Permits a restore that turns time backwards (see rollBackOf); it is recorded in the restored log. */
  rollBack?: boolean;
}

export async function restoreFrom(backup: string, target = databaseFile(), options: RestoreOptions = {}): Promise<{ keptAs: string | null; rolledBack: RollBack | null }> {
  const pid = runningServer(target);
  if (pid) throw new Error(`a server (pid ${pid}) is running on ${target}: stop it first`);
  check(backup);
  const keyed = hasKeyedLog(backup);
  if (!fs.existsSync(auditKeyFile(backup)) && !keyFromEnv() && keyed) {
    throw new Error(`the backup's audit key ${auditKeyFile(backup)} is missing: without it the restored log cannot be verified (or set JURY_AUDIT_KEY)`);
  }
  if (keyed) checkBackupKey(backup);
  let rolledBack: RollBack | null = null;
  try {
    rolledBack = rollBackOver(backup, target);
  } catch (e) {
    if (!options.rollBack) throw e;
  }
  if (rolledBack && !options.rollBack) {
    throw new Error(['this backup would turn the festival back in time:', ...describeRollBack(rolledBack).map((l) => `  ${l}`),
      'Nothing was restored. To restore it anyway, run again with --roll-back: the restored log then records the roll-back (audit.restore), which npm run audit:verify reports and the protocol shows.'].join('\n'));
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
  if (rolledBack) {
    // The record of the roll-back, keyed with the restored database's key, appended to its log.
    const h = openDatabase(target);
    try {
      const r = rolledBack;
      h.db.transaction((tx) => appendAudit(tx, { actorId: null, action: RESTORE_ACTION, payload: restoreRecord(r, path.basename(backup)) }), { behavior: 'immediate' });
      h.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    } finally {
      h.sqlite.close();
    }
  }
  check(target);
  return { keptAs, rolledBack };
}

async function main() {
  const args = process.argv.slice(2);
  const rollBack = args.includes('--roll-back');
  const [backup, ...rest] = args.filter((a) => a !== '--roll-back');
  if (!backup || rest.length) {
    process.stderr.write('usage: npm run restore FILE [-- --roll-back]\n');
    process.exit(2);
  }
  const target = databaseFile();
  const { keptAs, rolledBack } = await restoreFrom(path.resolve(backup), target, { rollBack });
  process.stdout.write(`restore: ${path.resolve(backup)} -> ${target}${keptAs ? ` (previous database kept as ${keptAs})` : ''}\n`);
  if (rolledBack) process.stdout.write(`rolled back, recorded in the restored log as ${RESTORE_ACTION}:\n${describeRollBack(rolledBack).map((l) => `  ${l}\n`).join('')}`);
}

if (/scripts[\\/]restore\.ts$/.test(process.argv[1] ?? '')) {
  main().catch((e) => {
    process.stderr.write(`restore refused: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
