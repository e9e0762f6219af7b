// Issue 23, scale: one file keeps every jury of every edition, so reading one jury's counted ballots
// must not grow with the others'. Without an index on ballot.nomination_id, SQLite's plan for the
// tally's snapshot read scanned every snapshot row in the file (bench: the demo jury's read went from
// about 1.5 ms to 6–18 ms beside 49 other juries' ballots; docs/SCALE.md). The plan is what the test
// checks, not a time: it starts from the jury's nominations and reaches ballots and snapshots by index.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { connectionOf } from '@/db/connection';
import { seededDb, type TestDb } from '@/tests/db';
import { addJury } from '@/tests/juries';
import { countedSnapshotsQuery } from './snapshot';

let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
  addJury(t.db, { edition: 'same' });
});
afterEach(() => t.close());

function plan(juryId: number): string[] {
  const { sql, params } = countedSnapshotsQuery(t.db, juryId).toSQL();
  return (connectionOf(t.db).prepare(`explain query plan ${sql}`).all(...params) as { detail: string }[]).map((r) => r.detail);
}

describe("a jury's counted snapshots", () => {
  it('are found from its nominations by index, never by reading every jury’s snapshots', () => {
    const steps = plan(1);
    expect(steps.some((s) => /^SCAN/.test(s))).toBe(false);
    expect(steps).toEqual(expect.arrayContaining([expect.stringMatching(/USING INDEX ballot_nomination \(nomination_id=\?\)/)]));
  });
});
