// Issue 23, "upgrade in place": databases made by the code before editions and juries (commit 6454897,
// tests/fixtures/upgrade/README.md) migrate to one edition with one jury, with nothing lost, the audit
// chain continued by one entry that says so, and audit:verify green before and after.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { desc } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { audit } from '@/db/schema';
import { openDatabase } from '@/lib/database';
import { verifyChain } from '@/lib/audit';
import { replayAudit } from '@/lib/replay/audit';
import { findFestival } from '@/lib/festival/phase';
import { fullExport } from '@/lib/round/results';
import { juryResultsAt } from './archive';
import { executeAction } from '@/lib/server/action';
import { openVotingSpec } from '@/lib/admin/phase';
import { saveScoreSpec } from '@/lib/ballot/specs';
import { userByLogin } from '@/tests/db';
import { candidatesOf } from '@/tests/festival';
import { EDITIONS_UPGRADE_ACTION } from './editions-upgrade';
import { MEMBERS_UPGRADE_ACTION } from '@/lib/auth/members-upgrade';

const root = path.join(__dirname, '..', '..');
const fixtures = path.join(root, 'tests', 'fixtures', 'upgrade');
const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

/** A copy of a fixture database, with its audit key beside it. */
function copyOf(name: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jury-upgrade-'));
  dirs.push(dir);
  const file = path.join(dir, 'jury.db');
  fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(fixtures, `${name}.db.gz`))));
  fs.copyFileSync(path.join(fixtures, `${name}.db.audit-key`), `${file}.audit-key`);
  return file;
}

const TABLES = ['film', 'screening', 'nomination', 'candidate', 'user', 'recusal', 'score', 'ballot', 'ballot_score', 'decision', 'runoff', 'runoff_vote', 'anon_ballot', 'award', 'sign_in', 'credential_set', 'slip', 'audit'];

/** Every row of the tables the upgrade keeps, read straight from the file (either schema). */
function rowsOf(file: string) {
  const db = new Database(file, { readonly: true });
  try {
    return Object.fromEntries(TABLES.map((t) => [t, db.prepare(`select * from ${t} order by rowid`).all() as Record<string, unknown>[]]));
  } finally {
    db.close();
  }
}

const cli = (args: string[], file: string) =>
  spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'audit-verify.ts'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, JURY_DB: file, JURY_AUDIT_KEY: '' } });

const without = (rows: Record<string, unknown>[], column: string) => rows.map(({ [column]: _, ...rest }) => rest);

describe('a festival finalised and published before editions', () => {
  it('becomes edition 1 with its jury "main": every row kept, the chain continued and verified, the published head still in the log', () => {
    const file = copyOf('published');
    const raw = new Database(file);
    const festival = raw.prepare('select * from festival').get() as Record<string, unknown>;
    expect(festival.phase).toBe('published');
    // audit:verify's chain check on the file as today's main left it.
    expect(verifyChain(drizzle(raw))).toMatchObject({ ok: true });
    raw.close();
    const before = rowsOf(file);

    const h = openDatabase(file);
    const fest = findFestival(h.db)!;
    expect(fest).toMatchObject({
      id: 1, editionId: 1, slug: 'main', competitionName: null,
      name: festival.name, city: festival.city, nameZh: festival.name_zh, cityKk: festival.city_kk, timeZone: festival.time_zone, endsOn: festival.ends_on, demo: true,
      phase: 'published', method: festival.method, scaleMin: festival.scale_min, scaleMax: festival.scale_max, quorum: festival.quorum,
      publicationLevel: festival.publication_level, finalHash: festival.final_hash, finalisedHead: festival.finalised_head, publishedHead: festival.published_head,
    });
    // Migration 0009: the edition's address part is the year it starts (edition-1 without a start date),
    // and its published results are read at that address as /results reads them.
    const editionPart = typeof festival.starts_on === 'string' ? festival.starts_on.slice(0, 4) : 'edition-1';
    expect(fest.editionSlug).toBe(editionPart);
    const at = juryResultsAt(h.db, { edition: editionPart, jury: 'main' });
    expect(at.state === 'published' && fullExport(h.db, at.fest)).toEqual(fullExport(h.db));
    // The editions entry, then the memberships' (lib/festival/members-upgrade.test.ts checks that one).
    const [latest, last] = h.db.select().from(audit).orderBy(desc(audit.id)).limit(2).all();
    expect(last.action).toBe(EDITIONS_UPGRADE_ACTION);
    expect(latest.action).toBe(MEMBERS_UPGRADE_ACTION);
    expect(JSON.parse(last.payload)).toEqual({ from: 'festival', juries: [{ id: 1, editionId: 1, slug: 'main', phase: 'published', edition: festival.name }] });
    expect(verifyChain(h.db)).toMatchObject({ ok: true });
    expect(replayAudit(h.db)).toEqual([]);
    h.sqlite.close();

    const after = rowsOf(file);
    for (const t of TABLES) {
      if (t === 'audit') expect(after.audit.slice(0, -2)).toEqual(before.audit);
      // The chair's account becomes a juror's: who chairs lives in jury_member since 0008_members.
      else if (t === 'user') expect(after.user, t).toEqual(before.user.map((u) => (u.role === 'chair' ? { ...u, role: 'juror' } : u)));
      else if (['film', 'nomination', 'decision'].includes(t)) {
        expect(after[t].every((r) => r.jury_id === 1), t).toBe(true);
        expect(without(after[t], 'jury_id'), t).toEqual(before[t]);
      } else expect(after[t], t).toEqual(before[t]);
    }
    expect(before.award.length).toBeGreaterThan(0);

    // The command a verifier runs, with the head the protocol printed at publication.
    const verified = cli(['--head', String(festival.published_head)], file);
    expect(verified.stdout + verified.stderr).not.toMatch(/error|problem/i);
    expect(verified.status).toBe(0);
    // Opened again, nothing more is appended.
    const again = openDatabase(file);
    expect(again.db.select().from(audit).orderBy(desc(audit.id)).limit(1).get()!.id).toBe(latest.id);
    again.sqlite.close();
  });
});

describe('the demo database before editions', () => {
  it('migrates and still runs: the organisers open the vote and a juror saves a score in the upgraded jury', () => {
    const file = copyOf('demo');
    const h = openDatabase(file);
    expect(findFestival(h.db)).toMatchObject({ id: 1, slug: 'main', phase: 'setup', demo: true, name: 'SCO Film Festival' });
    expect(executeAction(openVotingSpec, userByLogin(h.db, 'organiser'), {}, h.db)).toMatchObject({ ok: true });
    const c = candidatesOf(h.db, 'best_film')[0];
    expect(executeAction(saveScoreSpec, userByLogin(h.db, 'azimov'), { candidateId: c.id, value: 7 }, h.db)).toMatchObject({ ok: true });
    expect(verifyChain(h.db)).toMatchObject({ ok: true });
    expect(replayAudit(h.db)).toEqual([]);
    h.sqlite.close();
  });
});
