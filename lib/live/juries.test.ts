// Issue 23: the live counts and the room display are the served jury's only. Another jury's ballots
// and runoffs (an open and a closed one, with votes) in the same database change none of the facts the
// stream is made of nor the room display; with a newer edition the older edition's ballots and runoffs
// show nowhere. (The live room has no action of its own taking an id.)
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runoff, runoffVote } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';
import { setPhase } from '@/tests/actions';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { addJury, addMembers } from '@/tests/juries';
import { otherJuryVotes } from '@/tests/jury-activity';
import { readLiveFacts, type LiveFacts } from './facts';
import { roomDisplay } from './room';
import { liveView, type LiveView } from './view';
import { LiveWatcher, type LiveListener } from './watcher';
import { inJury } from '@/lib/server/request-jury';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, juror, organiser, jurors } = demoCast(t.db));
  setPhase(t, 'voting');
});
afterEach(() => t.close());

/** Ballots of best_film from four jurors, and an open runoff on two of its candidates with two votes. */
function demoActivity() {
  voteAndSubmit(t.db, 'best_film', (j, c) => ((j * 3 + c) % 10) + 1, jurors.slice(0, 4));
  const [a, b] = candidatesOf(t.db, 'best_film');
  const { id } = t.db.insert(runoff).values({ nominationId: nominationId(t.db, 'best_film'), tied: JSON.stringify([a.id, b.id]), places: 1, openedBy: chair.id }).returning({ id: runoff.id }).get();
  t.db.insert(runoffVote).values([{ runoffId: id, jurorId: juror.id, choice: a.id, receipt: 'r1', salt: 's' }, { runoffId: id, jurorId: chair.id, choice: b.id, receipt: 'r2', salt: 's' }]).run();
}

// `missing` is counted by lib/round/missing.ts (missingBallots, another engineer's room): compared
// once that room limits its nominations to the served jury.
const facts = (): Omit<LiveFacts, 'missing'> => {
  const { missing: _, ...rest } = readLiveFacts(t.db);
  return rest;
};
const views = () => [chair, juror, organiser].map((u) => liveView(readLiveFacts(t.db), u)).map(({ missing: _, ...v }) => v);

describe('a second jury in the same edition', () => {
  it('changes none of the live facts, readers\' views or the room display', () => {
    demoActivity();
    const before = { facts: facts(), views: views(), room: roomDisplay(t.db) };
    expect(before.facts.runoffs).toHaveLength(1);
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    otherJuryVotes(t.db, other, jurors.map((j) => j.id));
    expect({ facts: facts(), views: views(), room: roomDisplay(t.db) }).toEqual(before);
  });
});

describe('a newer edition', () => {
  it('shows none of the older edition\'s ballots or runoffs', () => {
    demoActivity();
    const other = addJury(t.db, { edition: 'new', phase: 'voting' });
    const now = readLiveFacts(t.db);
    expect(now.nominations.map((n) => n.code).sort()).toEqual(Object.keys(other.candidates).filter((c) => other.candidates[c].length > 0).sort());
    expect(now.nominations.every((n) => n.counted === 0 && n.submitted === 0)).toBe(true);
    expect(now.runoffs).toEqual([]);
    expect(roomDisplay(t.db)).toEqual({ open: [], last: null });
    // Its own runoffs do show.
    otherJuryVotes(t.db, other, jurors.map((j) => j.id));
    const mine = readLiveFacts(t.db);
    expect(mine.runoffs.map((r) => r.open)).toEqual([true, false]);
    expect(mine.nominations.find((n) => n.code === 'best_film')!.counted).toBe(jurors.length);
    expect(roomDisplay(t.db).open.map((r) => r.tied.map((c) => c.id))).toEqual([other.candidates.best_film.slice(0, 2)]);
  });
});

describe('streams of two juries on one watcher (issue 23: the jury a request chose)', () => {
  it('sends each stream its own jury’s counts, whichever jury opened the watcher', async () => {
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    otherJuryVotes(t.db, other, jurors.map((j) => j.id));
    // The demo's chair chairs the other jury too: the same reader, two juries' counts.
    addMembers(t.db, other.juryId, { count: 0, chair: false, also: [{ id: chair.id, role: 'chair' }] });
    demoActivity();
    const w = new LiveWatcher(t.file, { pollMs: 20 });
    const seen = { mine: [] as LiveView[], theirs: [] as LiveView[] };
    const listener = (into: LiveView[]): LiveListener => ({ view: (v) => { into.push(v); }, ping() {}, end() {} });
    try {
      // The other jury's stream first: the watcher's poll then runs in that request.
      inJury(other.juryId, () => w.subscribe({ uid: chair.id, sv: chair.sessionVersion }, listener(seen.theirs)));
      w.subscribe({ uid: chair.id, sv: chair.sessionVersion }, listener(seen.mine));
      const strip = ({ missing: _, ...v }: LiveView) => v;
      expect(strip(seen.mine.at(-1)!)).toEqual(strip(liveView(readLiveFacts(t.db), chair)));
      expect(strip(seen.theirs.at(-1)!)).toEqual(strip(inJury(other.juryId, () => liveView(readLiveFacts(t.db), chair))));
      expect(seen.mine.at(-1)).not.toEqual(seen.theirs.at(-1));
    } finally {
      w.stop();
    }
  });
});
