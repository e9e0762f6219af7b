// A database made before the log stated accounts and closes' counted sets (its migrations stop short of
// the one that adds user.baseline_entry, its entries state no account): on the first open after the
// upgrade a keyed `audit.baseline` entry records them, once; the chain and the replay stay green, and
// from there an account or a close edited in the file is named as in a new database.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type DB } from '@/db';
import { openDatabase } from '@/lib/database';
import * as schema from '@/db/schema';
import { appendAudit, verifyChain } from '@/lib/audit';
import { replayAudit } from '@/lib/replay/audit';
import { BASELINE_ACTION } from '@/lib/replay/baseline';

const root = path.join(__dirname, '..', '..');
let dir: string;
let file: string;

/** The migrations folder as it was before the one that brings user.baseline_entry. */
function migrationsBefore(): string {
  const src = path.join(root, 'db', 'migrations');
  const out = path.join(dir, 'migrations-before');
  fs.cpSync(src, out, { recursive: true });
  const journalFile = path.join(out, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((e) => fs.readFileSync(path.join(out, `${e.tag}.sql`), 'utf8').includes('baseline_entry'));
  expect(cut).toBeGreaterThan(0);
  for (const e of journal.entries.slice(cut)) fs.rmSync(path.join(out, `${e.tag}.sql`));
  journal.entries = journal.entries.slice(0, cut);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return out;
}

/** A festival as the code before this rule left it: accounts and a close, with entries that state neither. */
function legacyFestival() {
  const sqlite = new Database(file);
  const db = drizzle(sqlite, { schema }) as unknown as DB;
  migrate(db, { migrationsFolder: migrationsBefore() });
  const run = (text: string, ...p: unknown[]) => sqlite.prepare(text).run(...p);
  db.transaction((tx) => {
    run("insert into festival (id, name, city, phase) values (1, 'Old Fest', 'Qingdao', 'main_closed')");
    run("insert into user (login, display_name, role, password_hash) values ('organiser', 'Organiser', 'organiser', '$argon2id$o')");
    run("insert into user (login, display_name, role, password_hash) values ('chair', 'Chair', 'chair', '$argon2id$c')");
    run("insert into user (login, display_name, role, password_hash) values ('juror1', 'Juror One', 'juror', '$argon2id$j')");
    appendAudit(tx, { actorId: null, action: 'festival.seed_demo', payload: { films: 0 } });
    run("insert into decision (kind, round, chosen, counted, actor_id) values ('close_round', 'main', '[]', '{\"best_film\":{\"2\":\"00aa\",\"3\":\"11bb\"}}', 2)");
    appendAudit(tx, { actorId: 2, action: 'round.close', payload: { round: 'main', missing: [] } });
  }, { behavior: 'immediate' });
  sqlite.close();
}

let open: ReturnType<typeof openDatabase> | null = null;
const reopen = () => {
  open?.sqlite.close();
  open = openDatabase(file);
  return open.db;
};

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-baseline-'));
  file = path.join(dir, 'jury.db');
  legacyFestival();
});
afterEach(() => {
  open?.sqlite.close();
  open = null;
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the state baseline of a database made before accounts were stated', () => {
  it('is written once, keyed, at the upgrade: the chain and the replay stay green', () => {
    const db = reopen();
    const baselines = () => db.select().from(schema.audit).all().filter((e) => e.action === BASELINE_ACTION);
    expect(baselines()).toHaveLength(1);
    expect(JSON.parse(baselines()[0].payload).accounts.map((a: { login: string }) => a.login)).toEqual(['organiser', 'chair', 'juror1']);
    expect(verifyChain(db).ok).toBe(true);
    expect(replayAudit(db)).toEqual([]);
    const again = reopen();
    expect(again.select().from(schema.audit).all().filter((e) => e.action === BASELINE_ACTION)).toHaveLength(1);
  });

  it('after it, a role swapped, a hash replaced or a close’s counted set edited in the file is named', () => {
    reopen();
    const sqlite = open!.sqlite;
    // Who chairs lives in jury_member since 0008_members (the chair's account is a juror's): swapped there,
    // and an account made an organiser's in the user row.
    sqlite.prepare("update jury_member set role = 'juror' where user_id = (select id from user where login = 'chair')").run();
    sqlite.prepare("update jury_member set role = 'chair' where user_id = (select id from user where login = 'juror1')").run();
    sqlite.prepare("update user set role = 'organiser' where login = 'juror1'").run();
    sqlite.prepare("update user set password_hash = '$argon2id$other' where login = 'organiser'").run();
    sqlite.prepare("update decision set counted = '{\"best_film\":{\"2\":\"00aa\"}}' where kind = 'close_round'").run();
    const p = replayAudit(open!.db).join('\n');
    // The last statement of the accounts is the memberships upgrade's (entry 5), after the baseline (entry 3).
    expect(p).toMatch(/login chair, juror\): its jury memberships are juror of jury 1, but the log's last statement of this account, entry 5 .* says chair of jury 1/);
    expect(p).toMatch(/login juror1, organiser\): role is organiser, but .* says juror/);
    expect(p).toMatch(/login juror1, organiser\): its jury memberships are chair of jury 1/);
    expect(p).toMatch(/login organiser, organiser\): its password hash is not the one the log last stated/);
    expect(p).toMatch(/decision row \d+ \(close_round\): the ballots it records as counted differ from those audited at entry 3/);
  });

  it('a log cut back to before its baseline is not re-based on the file at the next open', () => {
    reopen();
    // The log cut back to before its baseline (only a head printed elsewhere tells that), then the role swapped:
    // the next open writes no second baseline, so the accounts stand unstated and are named.
    // Cut back: the baseline and every entry after it (the upgrades that state the accounts again).
    open!.sqlite.prepare('delete from audit where id >= (select id from audit where action = ?)').run(BASELINE_ACTION);
    open!.sqlite.prepare("update jury_member set role = 'juror' where user_id = (select id from user where login = 'chair')").run();
    open!.sqlite.prepare("update jury_member set role = 'chair' where user_id = (select id from user where login = 'juror1')").run();
    const db = reopen();
    expect(db.select().from(schema.audit).all().filter((e) => e.action === BASELINE_ACTION)).toHaveLength(0);
    expect(replayAudit(db).join('\n')).toMatch(/login juror1, juror\): no audited entry created or stated this account/);
  });
});
