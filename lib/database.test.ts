// lib/database.ts opening a database the version before issue 11 wrote: scores stored as REAL
// become whole steps (a value within 1e-9 of a step, which the old check let through, goes to that
// step; any other is not turned into a score), and the unkeyed audit log is sealed once by a keyed
// entry, after which it verifies; rewriting it unkeyed afterwards is caught.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '@/lib/canonical';
import { verifyChain } from '@/lib/audit';
import { auditKeyFile } from '@/lib/audit/key';
import { openDatabase } from '@/lib/database';

let dir: string;
let file: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-migrate-'));
  file = path.join(dir, 'jury.db');
  // The database as the version before the change left it: only the first migration.
  const old = path.join(dir, 'migrations');
  fs.mkdirSync(path.join(old, 'meta'), { recursive: true });
  const src = path.join(__dirname, '..', 'db', 'migrations');
  fs.copyFileSync(path.join(src, '0000_init.sql'), path.join(old, '0000_init.sql'));
  const journal = JSON.parse(fs.readFileSync(path.join(src, 'meta', '_journal.json'), 'utf8'));
  fs.writeFileSync(path.join(old, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
  const sqlite = new Database(file);
  migrate(drizzle(sqlite), { migrationsFolder: old });
  sqlite.prepare("insert into festival (id, name, city, phase) values (1, 'F', 'C', 'voting')").run();
  sqlite.prepare("insert into user (id, login, display_name, role) values (1, 'j', 'J', 'juror')").run();
  sqlite.prepare("insert into film (id, original_title, english_title, director, country) values (1, 'T', 'T', 'D', 'KZ')").run();
  sqlite.prepare("insert into nomination (id, code, position, kind, round) values (1, 'best_film', 1, 'film', 'main')").run();
  const cand = sqlite.prepare('insert into candidate (nomination_id, film_id) values (1, 1)');
  for (let i = 0; i < 5; i++) cand.run();
  const ins = sqlite.prepare('insert into score (juror_id, candidate_id, value) values (1, ?, ?)');
  [6, 5.000000000001, 7.3, 11, null].forEach((v, i) => ins.run(i + 1, v));
  // Three entries chained the old way: SHA-256, no key.
  let prev = '0'.repeat(64);
  const add = sqlite.prepare('insert into audit (at, actor_id, action, payload, prev_hash, hash) values (?, ?, ?, ?, ?, ?)');
  for (let i = 0; i < 3; i++) {
    const e = { at: `2018-06-0${i + 1}T00:00:00.000Z`, actorId: 1, action: 'test.old', payload: canonicalJson({ i }) };
    const hash = createHash('sha256').update(prev).update('\n').update(canonicalJson(e)).digest('hex');
    add.run(e.at, e.actorId, e.action, e.payload, prev, hash);
    prev = hash;
  }
  sqlite.close();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('migrating a database of the previous version', () => {
  it('stores each score as whole steps, and leaves a value that was never on a step unconverted', () => {
    const h = openDatabase(file);
    const rows = h.sqlite.prepare('select candidate_id as c, steps from score order by candidate_id').all();
    expect(h.sqlite.prepare("select 1 from pragma_table_info('score') where name = 'value'").get()).toBeUndefined();
    h.sqlite.close();
    expect(rows).toEqual([{ c: 1, steps: 5 }, { c: 2, steps: 4 }, { c: 3, steps: null }, { c: 4, steps: null }, { c: 5, steps: null }]);
  });

  it('seals the unkeyed log once with a keyed entry, creates the key with mode 0600, and verifies', () => {
    const h = openDatabase(file);
    // The seal, then the baseline of the accounts (lib/replay/baseline.ts), then the festival made
    // edition 1 with its jury (lib/festival/editions-upgrade.ts), then its accounts seated on that jury
    // (lib/auth/members-upgrade.ts), all keyed.
    expect(verifyChain(h.db)).toEqual({ ok: true, entries: 7 });
    const [seal, baseline, editions, members] = h.sqlite.prepare('select action, payload, keyed from audit where id > 3 order by id').all() as { action: string; payload: string; keyed: number }[];
    expect(seal).toMatchObject({ action: 'audit.seal', keyed: 1 });
    expect(baseline).toMatchObject({ action: 'audit.baseline', keyed: 1 });
    expect(editions).toMatchObject({ action: 'edition.upgrade', keyed: 1 });
    expect(members).toMatchObject({ action: 'jury.members_upgrade', keyed: 1 });
    expect(JSON.parse(seal.payload)).toMatchObject({ legacyEntries: 3 });
    h.sqlite.close();
    expect(fs.statSync(auditKeyFile(file)).mode & 0o777).toBe(0o600);
    // Opened again: no second seal, no second baseline, no second upgrade.
    const again = openDatabase(file);
    expect(verifyChain(again.db)).toEqual({ ok: true, entries: 7 });
    // An old entry edited and the unkeyed part re-hashed: the keyed seal no longer links to it.
    again.sqlite.prepare("update audit set payload = '{\"i\":9}' where id = 2").run();
    const rows = again.sqlite.prepare('select * from audit where id <= 3 order by id').all() as { id: number; at: string; actor_id: number; action: string; payload: string }[];
    let prev = '0'.repeat(64);
    for (const r of rows) {
      const hash = createHash('sha256').update(prev).update('\n').update(canonicalJson({ at: r.at, actorId: r.actor_id, action: r.action, payload: r.payload })).digest('hex');
      again.sqlite.prepare('update audit set prev_hash = ?, hash = ? where id = ?').run(prev, hash, r.id);
      prev = hash;
    }
    expect(verifyChain(again.db)).toMatchObject({ ok: false, brokenAt: 4, why: 'prev_hash' });
    again.sqlite.close();
  });
});
