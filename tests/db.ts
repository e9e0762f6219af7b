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

export function tempDb(): TestDb {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-test-'));
  return openIn(dir, path.join(dir, 'jury.db'));
}

// Seeding hashes 13 passwords with argon2id; do it once per test process and copy the file.
let template: Promise<string> | undefined;

export async function seededDb(): Promise<TestDb> {
  template ??= (async () => {
    const t = tempDb();
    await seedDemo(t.db);
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jury-template-')), 'jury.db');
    t.db.$client.close();
    fs.copyFileSync(t.file, file);
    copyAuditKey(t.file, file); // the audit chain verifies only with the key it was written with
    return file;
  })();
  const source = await template;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-test-'));
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
