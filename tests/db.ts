// A fresh, migrated database file per test (or per file), seeded with the demo festival on request.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { type DB } from '@/db';
import { openDatabase } from '@/lib/database';
import { copyAuditKey } from '@/lib/audit/key';
import { seedDemo } from '@/lib/demo/seed';
import { user } from '@/db/schema';
import { findSessionUser, type SessionUser } from '@/lib/auth/users';

export interface TestDb {
  db: DB;
  file: string;
  close(): void;
}

/** Opens (and migrates) `file` in `dir`; closing removes the folder. */
function openIn(dir: string, file: string): TestDb {
  const h = openDatabase(file);
  return {
    db: h.db,
    file,
    close() {
      h.sqlite.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh folder for a test database: under the unit run's folder in memory (tests/unit-setup.ts), if any. */
function freshDir(prefix: string): string {
  const root = process.env.JURY_TEST_DB_ROOT;
  return fs.mkdtempSync(path.join(root && fs.existsSync(root) ? root : os.tmpdir(), prefix));
}

export function tempDb(): TestDb {
  const dir = freshDir('jury-test-');
  return openIn(dir, path.join(dir, 'jury.db'));
}

/**
 * Seeds the demo festival into a fresh file and returns its path: 13 argon2id hashes with the production
 * parameters, the migrations, the inserts. The unit run does it once (tests/unit-setup.ts) and names the
 * file in JURY_TEST_TEMPLATE; a process started without it (a single file run by other means) seeds its own.
 */
export async function seedTemplate(): Promise<string> {
  const t = tempDb();
  await seedDemo(t.db);
  t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
  const file = path.join(freshDir('jury-template-'), 'jury.db');
  t.db.$client.close();
  fs.copyFileSync(t.file, file);
  copyAuditKey(t.file, file); // the audit chain verifies only with the key it was written with
  fs.rmSync(path.dirname(t.file), { recursive: true, force: true });
  return file;
}

let template: Promise<string> | undefined;

export async function seededDb(): Promise<TestDb> {
  const given = process.env.JURY_TEST_TEMPLATE;
  template ??= given && fs.existsSync(given) ? Promise.resolve(given) : seedTemplate();
  const source = await template;
  const dir = freshDir('jury-test-');
  fs.copyFileSync(source, path.join(dir, 'jury.db'));
  copyAuditKey(source, path.join(dir, 'jury.db'));
  return openIn(dir, path.join(dir, 'jury.db'));
}

export function userByLogin(db: DB, login: string): SessionUser {
  const row = db.select({ id: user.id }).from(user).where(eq(user.login, login)).get();
  if (!row) throw new Error(`no user ${login}`);
  return findSessionUser(db, row.id)!;
}

/** A checksum of every table's rows except the audit log's own growth: used to prove "nothing changed". */
export function snapshot(db: DB): string {
  const sqlite = db.$client;
  const tables = sqlite.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").all() as { name: string }[];
  return tables
    .map((t) => `${t.name}:${JSON.stringify(sqlite.prepare(`select * from "${t.name}" order by rowid`).all())}`)
    .join('\n');
}
