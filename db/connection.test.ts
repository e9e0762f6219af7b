// Contract with drizzle: every database and transaction leads to one better-sqlite3 connection. If an
// upgrade moves drizzle's private session.client, the transaction cases fail here (and nothing else
// needs reading: db/connection.ts is the one place that knows the field).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { connectionOf } from './connection';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-connection-'));
  dirs.push(dir);
  const sqlite = new Database(path.join(dir, 'jury.db'));
  return { sqlite, db: drizzle(sqlite), file: path.join(dir, 'jury.db') };
}

describe('connectionOf', () => {
  it("a database, its transactions and their nested transactions lead to the database's own connection", () => {
    const { sqlite, db, file } = open();
    expect(connectionOf(db)).toBe(sqlite);
    expect(connectionOf(db)).toBe(db.$client);
    db.transaction((tx) => {
      expect(connectionOf(tx)).toBe(sqlite);
      expect(connectionOf(tx).name).toBe(file);
      tx.transaction((inner) => expect(connectionOf(inner)).toBe(sqlite));
    });
    sqlite.close();
  });

  it('two databases have two connections', () => {
    const a = open();
    const b = open();
    expect(connectionOf(a.db)).not.toBe(connectionOf(b.db));
    b.db.transaction((tx) => expect(connectionOf(tx)).toBe(b.sqlite));
    a.sqlite.close();
    b.sqlite.close();
  });

  it('refuses what is not a drizzle database or transaction', () => {
    expect(() => connectionOf({})).toThrow(/not a drizzle/);
    expect(() => connectionOf({ session: {} })).toThrow(/not a drizzle/);
  });
});
