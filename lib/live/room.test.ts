// The room display's result of a closed runoff against a real database: the tally's outcome (a
// clear majority wins; 6–6 is "tied again"), the open runoff beside the last closed one, and a
// runoff set aside by a reopened round shown nowhere.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { inArray } from 'drizzle-orm';
import { nomination } from '@/db/schema';
import { executeAction } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { setPhase } from '@/tests/actions';
import { closeRoundSpec } from '@/lib/round/specs';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { roomDisplay } from './room';

let t: TestDb;
let chair: SessionUser, jurors: SessionUser[];
let a: number, b: number;
beforeEach(async () => {
  t = await seededDb();
  ({ chair, jurors } = demoCast(t.db));
  // Best Director alone in the main round, with a runoff in its chain; every juror scores the first
  // two candidates alike: a tie that aggregate and head-to-head leave open.
  t.db.delete(nomination).where(inArray(nomination.code, ['best_film', 'best_screenplay', 'best_actor', 'best_actress'])).run();
  t.db.$client.prepare(`update nomination set tie_break = '["runoff","runoff","casting_vote"]' where code = 'best_director'`).run();
  setPhase(t, 'voting');
  voteAndSubmit(t.db, 'best_director', (_j, c) => (c < 2 ? 9 : 2), jurors);
  expect(executeAction(closeRoundSpec, chair, { confirmMissing: true }, t.db).ok).toBe(true);
  [a, b] = candidatesOf(t.db, 'best_director').map((c) => c.id);
});
afterEach(() => t.close());

/** A runoff as the runoff actions write it: opened, voted (first `forA` jurors for A, then B), closed. */
function heldRunoff(tied: number[], forA: number, forB: number, close = true): number {
  const db = t.db.$client;
  return db.transaction(() => {
    const id = Number(db.prepare('insert into runoff (nomination_id, tied, places, opened_by) values (?, ?, 1, ?)').run(nominationId(t.db, 'best_director'), JSON.stringify(tied), chair.id).lastInsertRowid);
    jurors.slice(0, forA + forB).forEach((j, i) => db.prepare("insert into runoff_vote (runoff_id, juror_id, choice, receipt, salt) values (?, ?, ?, 'r', 's')").run(id, j.id, i < forA ? tied[0] : tied[1]));
    if (close) db.prepare("update runoff set closed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), closed_by = ? where id = ?").run(chair.id, id);
    return id;
  })();
}

describe('room display', () => {
  it('says none is open until one is; an open runoff shows its tied candidates, no result', () => {
    expect(roomDisplay(t.db)).toEqual({ open: [], last: null });
    const id = heldRunoff([a, b], 2, 1, false);
    const room = roomDisplay(t.db);
    expect(room.open.map((r) => [r.id, r.code, r.tied.map((c) => c.id)])).toEqual([[id, 'best_director', [a, b]]]);
    expect(room.last).toBeNull();
  });

  it('a closed runoff shows the tally\'s counts and winner', () => {
    heldRunoff([a, b], 7, 5);
    const last = roomDisplay(t.db).last!;
    expect(last.counts.map((c) => [c.candidate.id, c.votes])).toEqual([[a, 7], [b, 5]]);
    expect(last.winners!.map((c) => c.id)).toEqual([a]);
    expect(last.stillTied).toEqual([]);
  });

  it('6–6 is tied again; the second runoff is then the last one shown', () => {
    heldRunoff([a, b], 6, 6);
    const first = roomDisplay(t.db).last!;
    expect(first.winners).toBeNull();
    expect(first.stillTied.map((c) => c.id).sort()).toEqual([a, b].sort());
    heldRunoff([a, b], 5, 7);
    expect(roomDisplay(t.db).last!.winners!.map((c) => c.id)).toEqual([b]);
  });

  it('a runoff set aside by a reopened round is not shown', () => {
    const id = heldRunoff([a, b], 7, 5);
    t.db.$client.prepare("update runoff set set_aside_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where id = ?").run(id);
    expect(roomDisplay(t.db).last).toBeNull();
  });
});
