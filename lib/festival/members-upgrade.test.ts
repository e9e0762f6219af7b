// Issue 23, per-jury membership: databases made by the code before editions and memberships (commit
// 6454897, tests/fixtures/upgrade/README.md) migrate to memberships equal to the old roles, with the
// chain continued by one entry stating every account with its memberships, and audit:verify green.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { asc, desc, eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { audit, juryMember, user } from '@/db/schema';
import { openDatabase } from '@/lib/database';
import { verifyChain } from '@/lib/audit';
import { replayAudit } from '@/lib/replay/audit';
import { findFestival } from '@/lib/festival/phase';
import { executeAction } from '@/lib/server/action';
import { openVotingSpec } from '@/lib/admin/phase';
import { userByLogin } from '@/tests/db';
import { EDITIONS_UPGRADE_ACTION } from './editions-upgrade';
import { MEMBERS_UPGRADE_ACTION } from '@/lib/auth/members-upgrade';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures', 'upgrade');
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

function copyOf(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-members-'));
  dirs.push(dir);
  const file = path.join(dir, 'jury.db');
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(fixtures, `${name}.db.gz`))));
  fs.copyFileSync(path.join(fixtures, `${name}.db.audit-key`), `${file}.audit-key`);
  return file;
}

const cli = (file: string) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'audit-verify.ts')], { cwd: root, encoding: 'utf8', env: { ...process.env, JURY_DB: file, JURY_AUDIT_KEY: '' } });

describe('a festival finalised and published before memberships', () => {
  it('seats every juror and the chair on its one jury in the role they had, states it once, and verifies', () => {
    const file = copyOf('published');
    const raw = new Database(file, { readonly: true });
    const oldRoles = raw.prepare("select id, login, role from user order by id").all() as { id: number; login: string; role: string }[];
    raw.close();
    const chair = oldRoles.find((u) => u.role === 'chair')!;
    expect(oldRoles.filter((u) => u.role === 'chair')).toHaveLength(1);

    const h = openDatabase(file);
    const juryId = findFestival(h.db)!.id;
    const members = h.db.select({ userId: juryMember.userId, juryId: juryMember.juryId, role: juryMember.role }).from(juryMember).orderBy(asc(juryMember.userId)).all();
    expect(members).toEqual(oldRoles.filter((u) => u.role !== 'organiser').map((u) => ({ userId: u.id, juryId, role: u.role })));
    // Who chairs lives in jury_member only: the account is a juror's; organisers stay organisers.
    expect(h.db.select({ role: user.role }).from(user).where(eq(user.id, chair.id)).get()!.role).toBe('juror');
    expect(h.db.select({ id: user.id }).from(user).where(eq(user.role, 'organiser')).all().map((u) => u.id))
      .toEqual(oldRoles.filter((u) => u.role === 'organiser').map((u) => u.id));

    // The chain: the editions entry, then the memberships entry with every account's state read after.
    const [last, before] = h.db.select().from(audit).orderBy(desc(audit.id)).limit(2).all();
    expect(before.action).toBe(EDITIONS_UPGRADE_ACTION);
    expect(last.action).toBe(MEMBERS_UPGRADE_ACTION);
    const stated = (JSON.parse(last.payload) as { accounts: { id: number; role: string; memberships: { jury: number; role: string }[] }[] }).accounts;
    expect(stated.map((a) => a.id)).toEqual(oldRoles.map((u) => u.id));
    expect(stated.find((a) => a.id === chair.id)).toMatchObject({ role: 'juror', memberships: [{ jury: juryId, role: 'chair' }] });
    expect(verifyChain(h.db)).toMatchObject({ ok: true });
    expect(replayAudit(h.db)).toEqual([]);

    // The chair still chairs: the session's role in the served jury.
    expect(userByLogin(h.db, chair.login).role).toBe('chair');
    expect(userByLogin(h.db, 'azimov').role).toBe('juror');
    expect(userByLogin(h.db, 'organiser').role).toBe('organiser');
    h.sqlite.close();

    const verified = cli(file);
    expect(verified.stdout + verified.stderr).not.toMatch(/error|problem/i);
    expect(verified.status).toBe(0);
    // Opened again, nothing more is appended.
    const again = openDatabase(file);
    expect(again.db.select().from(audit).orderBy(desc(audit.id)).limit(1).get()!.id).toBe(last.id);
    again.sqlite.close();
  });

  it('reports a chair moved in the file alone (jury_member edited without the key)', () => {
    const file = copyOf('published');
    const h = openDatabase(file);
    const juryId = findFestival(h.db)!.id;
    const azimov = userByLogin(h.db, 'azimov');
    // Swapped by hand: the chair becomes a juror, Azimov the chair.
    h.sqlite.prepare("update jury_member set role = 'juror' where jury_id = ? and role = 'chair'").run(juryId);
    h.sqlite.prepare("update jury_member set role = 'chair' where jury_id = ? and user_id = ?").run(juryId, azimov.id);
    const problems = replayAudit(h.db);
    expect(problems.some((p) => p.includes('login azimov') && p.includes('jury memberships are chair of jury'))).toBe(true);
    expect(problems.some((p) => p.includes('hansanping') && p.includes('jury memberships are juror of jury'))).toBe(true);
    h.sqlite.close();
  });
});

describe('the demo database before memberships', () => {
  it('migrates and the organisers can still open the vote (one chair in the jury)', () => {
    const h = openDatabase(copyOf('demo'));
    expect(executeAction(openVotingSpec, userByLogin(h.db, 'organiser'), {}, h.db)).toMatchObject({ ok: true });
    expect(replayAudit(h.db)).toEqual([]);
    h.sqlite.close();
  });
});
