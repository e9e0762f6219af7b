// Issue 20, route 7: a backup taken at main_closed, restored over the published festival. Without
// --roll-back the restore is refused and says what would be lost; with a wrong key file it is refused
// whatever the flag; with the flag it goes through and the restored log records it (audit.restore),
// which npm run audit:verify reports as a warning and the head printed at publication no longer matches.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '@/lib/database';
import { audit, jury, nomination } from '@/db/schema';
import { executeAction } from '@/lib/server/action';
import { verifyChain } from '@/lib/audit';
import { replayAudit } from '@/lib/replay/audit';
import { setPhase } from '@/tests/actions';
import { closeRoundSpec, finaliseSpec, publishSpec } from '@/lib/round/specs';
import { listRestores, RESTORE_ACTION, rollBackOf } from '@/lib/audit/roll-back';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { demoCast, voteAndSubmit } from '@/tests/festival';
import { backupTo } from './backup';
import { restoreFrom } from './restore';

let t: TestDb;
let dir: string;
let atClose: string;
let atVoting: string;
let publishedHead: string;
const root = path.join(__dirname, '..');

beforeAll(async () => {
  t = await seededDb();
  dir = path.dirname(t.file);
  const { chair, organiser, jurors } = demoCast(t.db);
  t.db.delete(nomination).where(inArray(nomination.code, ['best_director', 'best_screenplay', 'best_actor', 'best_actress', 'special_jury_prize'])).run();
  setPhase(t, 'voting');
  voteAndSubmit(t.db, 'best_film', (j, c) => Math.max(1, 10 - c - (j % 2)), jurors.slice(0, 6));
  atVoting = (await backupTo(t.file, path.join(dir, 'b', 'voting.db'))).file;
  voteAndSubmit(t.db, 'best_film', (j, c) => Math.max(1, 10 - c - (j % 2)), jurors.slice(6));
  expect(executeAction(closeRoundSpec, chair, {}, t.db).ok).toBe(true);
  atClose = (await backupTo(t.file, path.join(dir, 'b', 'main-closed.db'))).file;
  expect(executeAction(finaliseSpec, chair, {}, t.db).ok).toBe(true);
  expect(executeAction(publishSpec, organiser, {}, t.db).ok).toBe(true);
  publishedHead = t.db.select().from(jury).get()!.publishedHead!;
  t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  t.db.$client.close();
}, 120_000);
afterAll(() => t.close());

const bytesOf = (file: string) => fs.readFileSync(file).toString('base64');
const cli = (script: string, args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', script), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, JURY_AUDIT_KEY: '', ...env } });

describe('what a restore would undo (rollBackOf)', () => {
  const e = (...hashes: string[]) => hashes.map((hash) => ({ hash, action: 'ballot.submit' }));
  it('nothing when the current log is the backup’s or a beginning of it; a strict prefix or a parting log otherwise, even in the same phase', () => {
    expect(rollBackOf({ phase: 'voting', entries: e('a', 'b'), awards: 0 }, { phase: 'voting', entries: e('a', 'b', 'c'), awards: 0 })).toBeNull();
    expect(rollBackOf({ phase: 'voting', entries: e('a', 'b', 'c'), awards: 0 }, { phase: 'voting', entries: e('a', 'b'), awards: 0 })).toMatchObject({ prefix: true, common: 2, earlierPhase: false, lost: { entries: 1, submissions: 1 } });
    expect(rollBackOf({ phase: 'voting', entries: e('a', 'x'), awards: 0 }, { phase: 'voting', entries: e('a', 'y', 'z'), awards: 0 })).toMatchObject({ prefix: false, common: 1, lost: { entries: 1 } });
    expect(rollBackOf({ phase: 'published', entries: e('a'), awards: 6 }, { phase: 'main_closed', entries: e('a', 'b'), awards: 0 })).toMatchObject({ earlierPhase: true, lost: { published: true, publishedAwards: 6 } });
  });
});

describe('npm run restore turning time backwards', () => {
  it('refuses the main_closed backup over the published festival without --roll-back, saying what would be lost; nothing changes', async () => {
    const before = bytesOf(t.file);
    const refusal = restoreFrom(atClose, t.file);
    await expect(refusal).rejects.toThrow(/phase now: published -> phase restored: main_closed \(an earlier phase\)/);
    await expect(restoreFrom(atClose, t.file)).rejects.toThrow(/lost: the publication of the results and its 1 published awards, .*decisions and phase changes, \d+ audit log entries in all[\s\S]*--roll-back/);
    await expect(restoreFrom(atClose, t.file)).rejects.toThrow(/the backup's log is this database's log as it stood \d+ entries ago/);
    expect(bytesOf(t.file)).toBe(before);
  });

  it('refuses an older backup of the same festival (voting over main_closed) through the command too', async () => {
    const copy = path.join(dir, 'voting-target.db');
    fs.copyFileSync(atClose, copy);
    fs.copyFileSync(`${atClose}.audit-key`, `${copy}.audit-key`);
    await expect(restoreFrom(atVoting, copy)).rejects.toThrow(/phase now: main_closed -> phase restored: voting/);
    const r = cli('restore.ts', [atVoting], { JURY_DB: copy });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/restore refused: this backup would turn the festival back in time:[\s\S]*ballot submissions[\s\S]*Nothing was restored/);
  }, 60_000);

  it('refuses a backup beside a wrong audit-key file, even with --roll-back; nothing changes', async () => {
    const wrong = path.join(dir, 'b', 'wrong-key.db');
    fs.copyFileSync(atClose, wrong);
    fs.writeFileSync(`${wrong}.audit-key`, `${randomBytes(32).toString('hex')}\n`);
    const before = bytesOf(t.file);
    await expect(restoreFrom(wrong, t.file, { rollBack: true })).rejects.toThrow(/does not verify with the key it would be used with \(.*wrong-key\.db\.audit-key\): entry \d+ \(id \d+\): its keyed hash does not match/);
    expect(bytesOf(t.file)).toBe(before);
  });

  it('with --roll-back restores it, and the restored log records the roll-back: audit:verify warns, the published head no longer verifies', async () => {
    const { rolledBack } = await restoreFrom(atClose, t.file, { rollBack: true });
    expect(rolledBack).toMatchObject({ from: { phase: 'published' }, to: { phase: 'main_closed' }, prefix: true });
    const h = openDatabase(t.file);
    try {
      expect(h.db.select({ phase: jury.phase }).from(jury).get()!.phase).toBe('main_closed');
      const last = h.db.select().from(audit).all().at(-1)!;
      expect(last.action).toBe(RESTORE_ACTION);
      expect(verifyChain(h.db).ok).toBe(true);
      expect(replayAudit(h.db)).toEqual([]);
      expect(listRestores(h.db)).toMatchObject([{ backup: 'main-closed.db', replaced: { phase: 'published' }, restored: { phase: 'main_closed' }, lost: { published: true, publishedAwards: 1 } }]);
    } finally {
      h.sqlite.close();
    }
    const ok = cli('audit-verify.ts', [t.file]);
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/warning: entry \d+, .*: the database was rolled back with npm run restore --roll-back from phase published \(head \d+:[0-9a-f]{64}\) to a backup in phase main_closed .*the publication of the results and \d+ log entries were set aside/);
    const head = cli('audit-verify.ts', [t.file, '--head', publishedHead]);
    expect(head.status).toBe(1);
  }, 60_000);

  // The live database's newest entries may be in its -wal alone: the server exits without a checkpoint
  // (scripts/server.ts), as a crash does. The restore reads them there (the roll-back is seen, the kept
  // copy holds them); a -wal overwritten before the restore took them with it, and what is left of the
  // live database may be no later than the backup: no roll-back to record. With the live file whole, a
  // stale -wal beside it changes nothing: the roll-back is recorded, and the stale -wal is gone.
  it('reads the live tail in the target’s -wal; a stale -wal beside a whole target neither hides the roll-back nor survives', async () => {
    const crash = path.join(dir, 'crash', 'jury.db');
    fs.mkdirSync(path.dirname(crash), { recursive: true });
    const live = path.join(dir, 'crash-live.db');
    fs.copyFileSync(atClose, live);
    fs.copyFileSync(`${atClose}.audit-key`, `${live}.audit-key`);
    const h = openDatabase(live);
    h.sqlite.pragma('wal_autocheckpoint = 0');
    expect(executeAction(finaliseSpec, userByLogin(h.db, 'hansanping'), {}, h.db).ok).toBe(true);
    const entries = h.db.select().from(audit).all().length;
    // The files as a server that exited without a checkpoint leaves them.
    for (const f of ['', '-wal', '-shm', '.audit-key']) fs.copyFileSync(`${live}${f}`, `${crash}${f}`);
    const lost = path.join(dir, 'lost', 'jury.db');
    fs.mkdirSync(path.dirname(lost), { recursive: true });
    for (const f of ['', '.audit-key']) fs.copyFileSync(`${crash}${f}`, `${lost}${f}`);
    fs.writeFileSync(`${lost}-wal`, 'stale wal from the old database');
    h.sqlite.close();
    await expect(restoreFrom(atClose, crash)).rejects.toThrow(/phase now: finalised -> phase restored: main_closed[\s\S]*as it stood 1 entries ago/);
    const { keptAs, rolledBack } = await restoreFrom(atClose, crash, { rollBack: true });
    expect(rolledBack).toMatchObject({ prefix: true, lost: { entries: 1, decisions: 1 } });
    const kept = new Database(keptAs!, { readonly: true });
    expect((kept.prepare('select count(*) n from audit').get() as { n: number }).n).toBe(entries);
    kept.close();

    // The same live file, checkpointed whole, with a stale -wal written beside it.
    const whole = path.join(dir, 'whole', 'jury.db');
    fs.mkdirSync(path.dirname(whole), { recursive: true });
    for (const f of ['', '.audit-key']) fs.copyFileSync(`${live}${f}`, `${whole}${f}`);
    fs.writeFileSync(`${whole}-wal`, 'stale wal from the old database');
    const again = await restoreFrom(atClose, whole, { rollBack: true });
    expect(again.rolledBack).toMatchObject({ prefix: true, lost: { entries: 1 } });
    expect(fs.existsSync(`${whole}-wal`) && fs.readFileSync(`${whole}-wal`, 'utf8').startsWith('stale')).toBe(false);
    const r = new Database(whole, { readonly: true });
    expect((r.prepare('select action from audit order by id desc limit 1').get() as { action: string }).action).toBe(RESTORE_ACTION);
    r.close();

    // The crashed files with their -wal overwritten before the restore: the live tail is lost with it, nothing to record.
    expect((await restoreFrom(atClose, lost, { rollBack: true })).rolledBack).toBeNull();
  }, 60_000);

  it('restores without a word where nothing is lost: into an empty place', async () => {
    const fresh = path.join(dir, 'fresh', 'jury.db');
    const { rolledBack } = await restoreFrom(atClose, fresh);
    expect(rolledBack).toBeNull();
    const db = new Database(fresh, { readonly: true });
    expect((db.prepare('select count(*) n from audit where action = ?').get(RESTORE_ACTION) as { n: number }).n).toBe(0);
    db.close();
  });
});
