// npm run audit:verify exits 0 on an intact chain and non-zero, naming the entry, on an altered one.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit } from '@/lib/audit';
import { seededDb, type TestDb } from '@/tests/db';

let t: TestDb;
beforeAll(async () => {
  t = await seededDb();
  t.db.transaction((tx) => {
    for (let i = 0; i < 5; i++) appendAudit(tx, { actorId: 1, action: 'film.add', payload: { i } });
  });
});
afterAll(() => t.close());

const root = path.join(__dirname, '..');
const verify = (file: string) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'audit-verify.ts'), file], { cwd: root, encoding: 'utf8' });

describe('npm run audit:verify', () => {
  it('passes on a normal database', () => {
    const r = verify(t.file);
    expect(r.stdout).toContain('audit chain ok: 6 entries');
    expect(r.status).toBe(0);
  });

  it('fails, naming the entry, when a single audit row was altered', () => {
    const sqlite = new Database(t.file);
    sqlite.prepare("update audit set payload = '{\"i\":99}' where id = 4").run();
    sqlite.close();
    const r = verify(t.file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('BROKEN at entry id 4');
  });
});
