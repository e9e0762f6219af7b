// 6. Backups: `npm run backup` copies the live database with SQLite's online backup API while jurors
// write; `npm run restore` refuses while the server runs and brings a copy back (old -wal/-shm gone).
// A backup taken mid-run, restored, gives the same tally as the live database at that moment.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from '@/db/schema';
import { buildTallyInput } from '@/lib/count/tally-input';
import { tally } from '@/lib/tally';
import { backupTo } from '@/scripts/backup';
import { ACCOUNTS, signedIn, type Client } from './lib/client';
import { candidates, checksum, open } from './lib/db';
import { record } from './lib/figures';
import { removeDir, startServer, stopAll, tempDir } from './lib/server';

afterAll(stopAll);

const TSX = ['node_modules/tsx/dist/cli.mjs'];
const run = (script: string, args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [...TSX, script, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
/** As run(), without blocking this process: the writers (in this process) keep writing meanwhile. */
const runAsync = (script: string, args: string[], env: Record<string, string>) =>
  new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX, script, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => { stderr += b.toString(); });
    child.once('error', reject);
    child.once('exit', (status) => resolve({ status, stderr }));
  });

// The record a roll-back appends to the restored log (audit.restore) is the restore's, not the snapshot's.
function allTablesHash(db: Database.Database): string {
  const tables = db.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
  return JSON.stringify(tables.map((t) => [t.name, db.prepare(`select * from "${t.name}"${t.name === 'audit' ? " where action <> 'audit.restore'" : ''} order by rowid`).all()]));
}

describe('backups', () => {
  it('backs up while jurors write, refuses to restore under a running server, restores the same tally', async () => {
    const t0 = Date.now();
    const s = await startServer({ port: 3450 });
    const org = await signedIn(s.base, ACCOUNTS.organiser.login, ACCOUNTS.organiser.password);
    expect((await org.callAction('app/admin/actions/phase.ts#openVoting', [{}])).result).toMatchObject({ ok: true });
    const cands = candidates(s.dbFile, 'main');
    const logins = ['azimov', 'juror03', 'juror04', 'juror05', 'juror06', 'juror07'];
    const clients: Client[] = await Promise.all(logins.map((l) => signedIn(s.base, l, 'juror-demo')));
    let stop = false, saves = 0, submits = 0;
    // The backup starts once the jurors are writing (a number of answered saves, not a moment in time).
    let writing!: () => void;
    const underWay = new Promise<void>((r) => { writing = r; });
    // Writers: each fills nominations in turn and submits them, so the tally moves during the run.
    const writers = clients.map(async (c, w) => {
      const byNom = new Map<number, number[]>();
      for (const x of cands) byNom.set(x.nominationId, [...(byNom.get(x.nominationId) ?? []), x.id]);
      for (const [nom, ids] of byNom) {
        for (const id of ids) {
          if (stop) return;
          const r = await c.callAction('app/jury/actions.ts#saveScore', [{ candidateId: id, value: 1 + ((id * 7 + w * 3) % 10) }]);
          if (r.result?.ok && ++saves === 30) writing();
        }
        if ((await c.callAction('app/jury/actions.ts#submitBallot', [{ nominationId: nom }])).result?.ok) submits++;
      }
    });
    await Promise.race([underWay, Promise.all(writers)]);
    // 1. In-process backup inside one read snapshot, with the live tally read in that snapshot.
    const dir = tempDir('jury-backup-');
    const snapFile = path.join(dir, 'snapshot.db');
    let liveTally = '', liveHash = '', savesAtSnapshot = 0;
    await backupTo(s.dbFile, snapFile, (db) => {
      savesAtSnapshot = (db.prepare('select count(*) n from score').get() as { n: number }).n;
      liveTally = JSON.stringify(tally(buildTallyInput(drizzle(db, { schema }))));
      liveHash = allTablesHash(db);
    });
    // 2. The command, also while jurors write, to its default place beside the database.
    const cli = await runAsync('scripts/backup.ts', [], { JURY_DB: s.dbFile });
    expect(cli.status, cli.stderr).toBe(0);
    const defaultDir = path.join(path.dirname(s.dbFile), 'backups');
    const defaultCopies = fs.readdirSync(defaultDir).filter((f) => /^jury-\d{8}T\d{6}Z\.db$/.test(f));
    expect(defaultCopies.length).toBe(1);
    // The snapshot was taken mid-run: scores before it, acknowledged saves after it.
    stop = true;
    await Promise.all(writers);
    expect(savesAtSnapshot).toBeGreaterThan(0);
    expect(saves).toBeGreaterThan(savesAtSnapshot);
    // 3. Restore refuses while the server runs, and changes nothing: the writers are stopped, so any
    // change of the checksum across the attempt would be the restore's.
    const before = checksum(s.dbFile);
    const refused = run('scripts/restore.ts', [snapFile], { JURY_DB: s.dbFile });
    expect(refused.status).not.toBe(0);
    expect(refused.stderr).toMatch(/server \(pid \d+\) is running/);
    expect(checksum(s.dbFile), 'a refused restore changed the live database').toBe(before);
    expect(s.child.exitCode, 'the server stopped during the refused restore').toBeNull();
    // The database stays for the restore below.
    await s.stop({ keepDatabase: true });
    expect(fs.existsSync(`${s.dbFile}.server-pid`)).toBe(false);
    const submitsAtEnd = submits;
    // 4. Restore the snapshot over the live file (server stopped), with its -wal/-shm present. The live
    // database moved on after the snapshot: restoring it is a roll-back, refused without --roll-back.
    const unflagged = run('scripts/restore.ts', [snapFile], { JURY_DB: s.dbFile });
    expect(unflagged.status).not.toBe(0);
    expect(unflagged.stderr).toMatch(/would turn the festival back in time[\s\S]*audit log entries in all/);
    expect(checksum(s.dbFile), 'a refused restore changed the live database').toBe(before);
    // The server exits without a checkpoint: the live file's newest entries are in its -wal alone, and
    // overwriting that -wal would lose them (the restore would then see a live log no later than the
    // snapshot and record no roll-back; scripts/restore.test.ts). Checkpointed first, as a clean close
    // leaves it, the live file is whole and the -wal written beside it is truly stale.
    const live = open(s.dbFile);
    live.pragma('wal_checkpoint(TRUNCATE)');
    const liveEntries = (live.prepare('select count(*) n from audit').get() as { n: number }).n;
    live.close();
    fs.writeFileSync(`${s.dbFile}-wal`, 'stale wal from the old database');
    const restored = run('scripts/restore.ts', [snapFile, '--roll-back'], { JURY_DB: s.dbFile });
    expect(restored.status, restored.stderr).toBe(0);
    expect(restored.stdout).toMatch(/rolled back, recorded in the restored log as audit\.restore:[\s\S]*the backup's log is this database's log as it stood \d+ entries ago/);
    expect(fs.existsSync(`${s.dbFile}-wal`) && fs.readFileSync(`${s.dbFile}-wal`, 'utf8').startsWith('stale')).toBe(false);
    const db = open(s.dbFile);
    const restoredTally = JSON.stringify(tally(buildTallyInput(drizzle(db, { schema }))));
    const restoredHash = allTablesHash(db);
    const journal = db.pragma('journal_mode', { simple: true });
    const integrity = db.pragma('integrity_check', { simple: true });
    db.close();
    expect(integrity).toBe('ok');
    expect(journal).toBe('wal');
    expect(restoredTally).toBe(liveTally);
    expect(restoredHash).toBe(liveHash);
    const audit = run('scripts/audit-verify.ts', [s.dbFile], {});
    expect(audit.status, audit.stderr).toBe(0);
    expect(audit.stdout).toMatch(/warning: entry \d+, .*rolled back with npm run restore --roll-back from phase voting/);
    // 5. The restored database serves.
    const again = await startServer({ port: 3451, dbFile: s.dbFile });
    const c = await signedIn(again.base, 'azimov', 'juror-demo');
    expect((await c.get('/jury')).status).toBe(200);
    await again.stop();
    const kept = fs.readdirSync(defaultDir).filter((f) => f.startsWith('jury-before-restore-') && f.endsWith('.db'));
    expect(kept.length).toBe(1);
    // The kept copy is the live database whole, up to its last entry.
    const keptDb = open(path.join(defaultDir, kept[0]), true);
    expect((keptDb.prepare('select count(*) n from audit').get() as { n: number }).n).toBe(liveEntries);
    keptDb.close();
    // Each copy keeps its audit key beside it: without it the copy's log could not be verified.
    for (const f of [snapFile, path.join(defaultDir, defaultCopies[0]), path.join(defaultDir, kept[0])]) expect(fs.existsSync(`${f}.audit-key`), f).toBe(true);
    removeDir(s.dir);
    removeDir(dir);
    record('6-backup', {
      title: 'Backup and restore',
      claim: 'A backup taken with the online backup API while 6 jurors save and submit, restored with `npm run restore` after the server stopped, holds exactly the live database of the moment of the snapshot (every table) and gives the same tally; `npm run restore` refuses while the server runs; stale -wal/-shm files are removed; the previous database is kept.',
      ms: Date.now() - t0,
      rows: {
        'scores at the snapshot': savesAtSnapshot, 'saves acknowledged during the run': saves, 'ballots submitted during the run': submitsAtEnd,
        'restored = snapshot (all tables)': restoredHash === liveHash ? 'yes' : 'no', 'restored tally = live tally at the snapshot': restoredTally === liveTally ? 'yes' : 'no',
        'restore while the server runs': `refused (exit ${refused.status}), live database unchanged`, 'integrity_check of the restored file': String(integrity),
        'audit:verify on the restored file': audit.status === 0 ? 'passed' : 'failed', '`npm run backup` default file': `backups/${defaultCopies[0]}`,
      },
    });
  });
});
