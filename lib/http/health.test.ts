import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { type DB } from '@/db';
import { migrationsFolder } from '@/lib/database';
import { tempDb, type TestDb } from '@/tests/db';
import { checkHealth } from './health';

let t: TestDb | undefined;
afterEach(() => t?.close());

describe('health check', () => {
  it('passes on a migrated, writable database and writes nothing', () => {
    t = tempDb();
    const before = t.db.$client.prepare('select count(*) as n from login_failure').get();
    expect(checkHealth(t.db, migrationsFolder())).toEqual({ ok: true, database: true, migrations: true });
    expect(t.db.$client.prepare('select count(*) as n from login_failure').get()).toEqual(before);
  });

  it('fails when a shipped migration is not applied', () => {
    t = tempDb();
    t.db.$client.prepare('delete from __drizzle_migrations').run();
    expect(checkHealth(t.db, migrationsFolder())).toMatchObject({ ok: false, database: true, migrations: false });
  });

  it('fails on a read-only database', () => {
    t = tempDb();
    const ro = new Database(t.file, { readonly: true });
    try {
      expect(checkHealth(drizzle(ro) as unknown as DB, migrationsFolder())).toMatchObject({ ok: false, database: false, migrations: true });
    } finally {
      ro.close();
    }
  });

  it('fails on an empty database file', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-health-'));
    const raw = new Database(path.join(dir, 'x.db'));
    try {
      expect(checkHealth(drizzle(raw) as unknown as DB, migrationsFolder()).ok).toBe(false);
    } finally {
      raw.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
