// Temporary databases for the benchmarks, arranged directly: the demo festival, extra jurors
// (one argon2id hash shared by all, to keep setup fast), the phase.
import type Database from 'better-sqlite3';
import type { DB } from '@/db';
import path from 'node:path';
import { openDatabase } from '@/lib/database';
import { seedDemo } from '@/lib/demo/seed';
import { hashPassword } from '@/lib/auth/password';
import { tempDir } from './server';

export const BENCH_PASSWORD = 'bench-juror-password';

export interface BenchDb {
  dir: string;
  file: string;
  sqlite: Database.Database;
  db: DB;
}

/** A migrated, demo-seeded database in a fresh temporary directory (with the app's pragmas). */
export async function demoDb(prefix: string): Promise<BenchDb> {
  const dir = tempDir(prefix);
  const file = path.join(dir, 'jury.db');
  const h = openDatabase(file);
  await seedDemo(h.db);
  return { dir, file, sqlite: h.sqlite, db: h.db };
}

/**
 * Adds `n` jurors bench001… sharing one password, seated as jurors on `juryId` (the demo's jury unless
 * another is given): since 0008_members a juror's rights are its membership of the jury, and an account
 * that sits on no jury is refused every save. Returns their logins and ids.
 */
export async function addJurors(sqlite: Database.Database, n: number, prefix = 'bench', juryId = 1): Promise<{ login: string; id: number }[]> {
  const hash = await hashPassword(BENCH_PASSWORD);
  const insert = sqlite.prepare("insert into user (login, display_name, role, password_hash, country) values (?, ?, 'juror', ?, null)");
  const seat = sqlite.prepare("insert into jury_member (jury_id, user_id, role) values (?, ?, 'juror')");
  const out: { login: string; id: number }[] = [];
  sqlite.transaction(() => {
    for (let i = 1; i <= n; i++) {
      const login = `${prefix}${String(i).padStart(3, '0')}`;
      const r = insert.run(login, `Bench juror ${i}`, hash);
      seat.run(juryId, r.lastInsertRowid);
      out.push({ login, id: Number(r.lastInsertRowid) });
    }
  })();
  return out;
}

export function setPhase(sqlite: Database.Database, phase: string): void {
  sqlite.prepare('update jury set phase = ? where id = 1').run(phase);
}
