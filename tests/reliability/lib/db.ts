// Direct reads (and scene-setting writes) of a test server's database file.
import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import { scaleOf, scoreValue } from '@/lib/ballot/scale';

export function open(file: string, readonly = false): Database.Database {
  const db = new Database(file, { readonly });
  db.pragma('busy_timeout = 10000');
  return db;
}

/** Tables whose growth is expected from a refused request: the audit log (sign-ins) and the throttle. */
const VOLATILE = new Set(['audit', 'login_failure']);

/** SHA-256 over every row of every table except the audit log and the login throttle. */
export function checksum(file: string): string {
  const db = open(file, true);
  try {
    const h = createHash('sha256');
    const tables = db.prepare("select name from sqlite_master where type='table' and name not like 'sqlite_%' order by name").all() as { name: string }[];
    for (const { name } of tables) {
      if (VOLATILE.has(name)) continue;
      h.update(`\n#${name}\n`);
      for (const row of db.prepare(`select * from "${name}" order by rowid`).iterate()) h.update(JSON.stringify(row));
    }
    return h.digest('hex');
  } finally {
    db.close();
  }
}

export function withDb<T>(file: string, fn: (db: Database.Database) => T): T {
  const db = open(file);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

export function setPhase(file: string, phase: string) {
  withDb(file, (db) => db.prepare('update jury set phase = ? where id = 1').run(phase));
}

export function userId(file: string, login: string): number {
  return withDb(file, (db) => (db.prepare('select id from user where login = ?').get(login) as { id: number }).id);
}

export interface Cand { id: number; nominationId: number; code: string; filmId: number }

export function candidates(file: string, round = 'main'): Cand[] {
  return withDb(file, (db) =>
    db.prepare('select c.id, c.nomination_id as nominationId, n.code, c.film_id as filmId from candidate c join nomination n on n.id = c.nomination_id where n.round = ? order by c.id').all(round) as Cand[],
  );
}

export function nominations(file: string): { id: number; code: string; round: string }[] {
  return withDb(file, (db) => db.prepare('select id, code, round from nomination order by position').all() as { id: number; code: string; round: string }[]);
}

/** The stored scores, each as the number on the scale (steps turned back by lib/ballot/scale.ts). */
export function scoreRows(file: string): { jurorId: number; candidateId: number; value: number | null }[] {
  return withDb(file, (db) => {
    const fest = db.prepare('select scale_min as scaleMin, scale_max as scaleMax, scale_step as scaleStep from jury where id = 1').get() as { scaleMin: number; scaleMax: number; scaleStep: number };
    const rows = db.prepare('select juror_id as jurorId, candidate_id as candidateId, steps from score order by id').all() as { jurorId: number; candidateId: number; steps: number | null }[];
    return rows.map((r) => ({ jurorId: r.jurorId, candidateId: r.candidateId, value: scoreValue(scaleOf(fest), r.steps) }));
  });
}
