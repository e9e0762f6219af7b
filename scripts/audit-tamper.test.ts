// npm run audit:verify against a copy of a backup of a whole festival (voted, decided, finalised,
// published), tampered with the four ways a holder of the database file would try (issue 11): each is
// caught, and the message names the first bad entry or row. The untouched copy verifies, with the
// head the protocol printed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jury } from '@/db/schema';
import { openDatabase } from '@/lib/database';
import { executeAction } from '@/lib/server/action';
import { canonicalJson } from '@/lib/canonical';
import { finalHashOf } from '@/lib/round/hash';
import { anonymiseTallyInput, buildTallyInput } from '@/lib/count/tally-input';
import { closeRoundSpec, finaliseSpec, openSpecialRoundSpec, publishSpec } from '@/lib/round/specs';
import { tally } from '@/lib/tally';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, voteAndSubmit } from '@/tests/festival';
import { setPhase } from '@/tests/actions';
import { backupTo } from './backup';

let t: TestDb;
let backup: string;
let heads: { finalised: string; published: string };
const root = path.join(__dirname, '..');

beforeAll(async () => {
  t = await seededDb();
  const { chair, organiser, jurors } = demoCast(t.db);
  setPhase(t, 'voting');
  // One clear winner per nomination, down a ranking, so that one award per film passes each on.
  const ranked = (_j: number, c: number) => Math.max(1, 10 - c);
  for (const code of ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress']) voteAndSubmit(t.db, code, ranked, jurors);
  expect(executeAction(closeRoundSpec, chair, {}, t.db).ok).toBe(true);
  expect(executeAction(openSpecialRoundSpec, chair, {}, t.db).ok).toBe(true);
  voteAndSubmit(t.db, 'special_jury_prize', (_j, c) => (c === 0 ? 10 : 1), jurors);
  expect(executeAction(closeRoundSpec, chair, {}, t.db).ok).toBe(true);
  expect(executeAction(finaliseSpec, chair, {}, t.db).ok).toBe(true);
  expect(executeAction(publishSpec, organiser, {}, t.db).ok).toBe(true);
  const f = t.db.select().from(jury).get()!;
  heads = { finalised: f.finalisedHead!, published: f.publishedHead! };
  backup = path.join(path.dirname(t.file), 'backups', 'festival.db');
  const r = await backupTo(t.file, backup);
  expect(r.key).toBe(true);
}, 120_000);
afterAll(() => t.close());

let n = 0;
/** A fresh copy of the backup, with its key, changed by `tamper` through plain SQL. */
function copy(tamper?: (db: Database.Database) => void): string {
  const file = path.join(path.dirname(backup), `case-${++n}.db`);
  fs.copyFileSync(backup, file);
  fs.copyFileSync(`${backup}.audit-key`, `${file}.audit-key`);
  if (tamper) {
    const db = new Database(file);
    db.pragma('ignore_check_constraints = ON');
    tamper(db);
    db.close();
  }
  return file;
}

const verify = (file: string, ...extra: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'audit-verify.ts'), file, ...extra], { cwd: root, encoding: 'utf8', env: { ...process.env, JURY_AUDIT_KEY: '' } });

const ids = (db: Database.Database, sql: string) => (db.prepare(sql).all() as { id: number }[]).map((r) => r.id);

describe('audit:verify on a copy of a backup', () => {
  it('passes on the untouched copy, with the heads the protocol printed', () => {
    expect(heads.finalised).toMatch(/^\d+:[0-9a-f]{64}$/);
    const r = verify(copy(), '--head', heads.published);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('head ok');
    expect(r.status).toBe(0);
  });

  it('catches the last 20 entries dropped', () => {
    const file = copy((db) => db.prepare('delete from audit where id > (select max(id) - 20 from audit)').run());
    const entries = Number(heads.published.split(':')[0]);
    const r = verify(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`the log has only ${entries - 20} entries, the head names entry ${entries}`);
    const withHead = verify(file, '--head', heads.published);
    expect(withHead.stderr).toContain(`the head ${heads.published} given with --head: the log has only ${entries - 20} entries`);
    // And the saves that were cut off no longer account for the stored scores: the first such row is named.
    expect(withHead.stderr).toMatch(/score row \d+ \(juror \d+, candidate \d+\): no audited save wrote it|the festival is published, but the log has no round.publish/);
  });

  it('catches round.finalise, round.publish and everything after them dropped', () => {
    const file = copy((db) => db.prepare("delete from audit where id >= (select id from audit where action = 'round.finalise')").run());
    const r = verify(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('the festival is published, but the log has no round.finalise entry');
    expect(r.stderr).toContain(`the chain head recorded at finalisation (${heads.finalised}): the log has only`);
    // Even with the heads also wiped from the festival row, the head printed in the protocol catches it.
    const wiped = copy((db) => {
      db.prepare("delete from audit where id >= (select id from audit where action = 'round.finalise')").run();
      db.prepare('update jury set finalised_head = null, published_head = null').run();
    });
    const again = verify(wiped, '--head', heads.finalised);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain(`the head ${heads.finalised} given with --head: the log has only`);
  });

  it('catches an entry edited and the chain re-hashed after it without the key', () => {
    let edited = 0;
    const file = copy((db) => {
      const rows = db.prepare('select * from audit order by id').all() as { id: number; at: string; actor_id: number | null; action: string; payload: string; prev_hash: string; hash: string }[];
      const target = rows.find((r) => r.action === 'ballot.save_score')!;
      edited = target.id;
      let prev = rows[rows.indexOf(target) - 1]?.hash ?? '0'.repeat(64);
      const upd = db.prepare('update audit set payload = ?, prev_hash = ?, hash = ? where id = ?');
      for (const row of rows.slice(rows.indexOf(target))) {
        const payload = row.id === edited ? row.payload.replace(/"steps":\d+/, '"steps":0').replace(/"value":\d+/, '"value":1') : row.payload;
        // What the chain used before it was keyed: SHA-256 over the same content, which anyone can compute.
        const hash = createHash('sha256').update(prev).update('\n').update(canonicalJson({ at: row.at, actorId: row.actor_id, action: row.action, payload })).digest('hex');
        upd.run(payload, prev, hash, row.id);
        prev = hash;
      }
    });
    const r = verify(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`audit chain BROKEN at entry id ${edited} `);
    // Re-hashed as entries from before the key (keyed = 0) instead: no keyed seal follows them.
    const asLegacy = copy((db) => {
      const rows = db.prepare('select * from audit order by id').all() as { id: number; at: string; actor_id: number | null; action: string; payload: string }[];
      let prev = '0'.repeat(64);
      const upd = db.prepare('update audit set keyed = 0, prev_hash = ?, hash = ? where id = ?');
      for (const row of rows) {
        const hash = createHash('sha256').update(prev).update('\n').update(canonicalJson({ at: row.at, actorId: row.actor_id, action: row.action, payload: row.payload })).digest('hex');
        upd.run(prev, hash, row.id);
        prev = hash;
      }
    });
    const legacy = verify(asLegacy);
    expect(legacy.status).not.toBe(0);
    expect(legacy.stderr).toMatch(/audit chain BROKEN at entry id \d+ \(entry 1 in order\): unkeyed entries that no keyed seal follows/);
  });

  it('catches a counted score changed in the score table with final_hash recomputed', () => {
    // The lowest-ranked best-film candidate: one more step for it changes no award.
    const last = candidatesOf(t.db, 'best_film').at(-1)!;
    let row = 0;
    const file = copy((db) => {
      row = ids(db, `select id from score where candidate_id = ${last.id} order by id limit 1`)[0];
      db.prepare('update score set steps = steps + 1 where id = ?').run(row);
      // ...and its counted copy, the submitted ballot's snapshot that the tally reads.
      db.prepare('update ballot_score set steps = steps + 1 where candidate_id = ? and ballot_id = (select b.id from ballot b join score s on s.juror_id = b.juror_id where s.id = ? and b.nomination_id = (select nomination_id from candidate where id = ?))').run(last.id, row, last.id);
    });
    // The holder recomputes final_hash the way finalisation does, so the awards check alone passes.
    const h = openDatabase(file);
    const pub = anonymiseTallyInput(h.db, buildTallyInput(h.db));
    h.sqlite.prepare('update jury set final_hash = ?').run(finalHashOf(pub, tally(pub)));
    h.sqlite.close();
    const r = verify(file);
    expect(r.status).not.toBe(0);
    expect(r.stderr).not.toContain('awards do NOT follow');
    expect(r.stderr).toMatch(new RegExp(`score row ${row} \\(juror \\d+, candidate ${last.id}\\): stored 2 \\(1 steps\\), but its last audited save, entry \\d+ \\(id \\d+\\), says 1 \\(0 steps\\)`));
    expect(r.stderr).toMatch(/ballot row \d+ \(juror \d+, nomination best_film\): its receipt does not match the scores stored for it now/);
    expect(r.stderr).toMatch(/ballot row \d+ \(juror \d+, nomination best_film\): its receipt does not match its counted scores/);
    expect(r.stderr).toContain('festival.final_hash');
  });
});
