// The live counts against a real temporary database: what each reader's view carries (counts
// only, never a choice, a score or who voted), the watcher seeing a commit made on another
// connection (as another server process would), ended sessions and unsubscribing cleaning up.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { eq, ne } from 'drizzle-orm';
import { jury, film, user } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';
import { setPhase } from '@/tests/actions';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { readLiveFacts } from './facts';
import { liveView, type LiveView } from './view';
import { LiveWatcher, type LiveListener } from './watcher';
import { entitledJurors, notEntitled } from '@/lib/runoff/entitled';
import { liveEventStream } from './stream';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, juror, organiser, jurors } = demoCast(t.db));
  setPhase(t, 'voting');
});
afterEach(() => t.close());

/** Opens a runoff the way the runoff action does: one row, in one transaction, on `sqlite`. */
function openRunoff(sqlite: Database.Database, code: string, tied: number[]): number {
  return sqlite.transaction(() =>
    Number(sqlite.prepare('insert into runoff (nomination_id, tied, places, opened_by) values (?, ?, 1, ?)').run(nominationId(t.db, code), JSON.stringify(tied), chair.id).lastInsertRowid),
  )();
}
function castVote(sqlite: Database.Database, runoffId: number, jurorId: number, choice: number | null) {
  sqlite.transaction(() => {
    sqlite.prepare('insert into runoff_vote (runoff_id, juror_id, choice, receipt, salt) values (?, ?, ?, ?, ?)').run(runoffId, jurorId, choice, `receipt-${jurorId}`, `salt-${jurorId}`);
  })();
}
const closeRunoff = (sqlite: Database.Database, id: number) =>
  sqlite.prepare("update runoff set closed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now'), closed_by = ? where id = ?").run(chair.id, id);

const readers = () => [chair, organiser, ...jurors];
const viewsOf = () => new Map(readers().map((u) => [u.id, JSON.stringify(liveView(readLiveFacts(t.db), u))]));

describe('what each reader sees', () => {
  it('a juror sees open runoffs with counts and their own vote only; the organiser ballots and counts; the chair the quorum row', () => {
    const [a, b] = candidatesOf(t.db, 'best_director');
    voteAndSubmit(t.db, 'best_film', (j, c) => 1 + ((j + c) % 10), jurors.slice(0, 4));
    const id = openRunoff(t.db.$client, 'best_director', [a.id, b.id]);
    castVote(t.db.$client, id, juror.id, a.id);
    castVote(t.db.$client, id, jurors[5].id, b.id);
    const facts = readLiveFacts(t.db);
    const mine = liveView(facts, juror);
    expect(mine).toEqual({ phase: 'voting', runoffs: [{ id, nomination: 'best_director', open: true, cast: 2, entitled: jurors.length, mayVote: true, voted: true }] });
    const other = liveView(facts, jurors.find((j) => j.id !== juror.id && j.id !== jurors[5].id && j.role === 'juror')!);
    expect(other.runoffs[0]).toMatchObject({ cast: 2, voted: false, mayVote: true });
    expect(other.ballots).toBeUndefined();
    const org = liveView(facts, organiser);
    expect(org.ballots!.best_film).toBe(4);
    // No runoff for the organisers before finalisation: who may vote points at the tied films (issue 20).
    expect(org.runoffs).toEqual([]);
    const ch = liveView(facts, chair);
    expect(ch.ballots).toMatchObject({ best_film: 4, best_director: 0 });
    expect(ch.missing).toBeGreaterThan(0);
  });

  it('no view depends on which candidate anyone chose, nor on any score value', () => {
    const [a, b] = candidatesOf(t.db, 'best_director');
    voteAndSubmit(t.db, 'best_film', (j, c) => 1 + ((j * 3 + c) % 10), jurors.slice(0, 3));
    const id = openRunoff(t.db.$client, 'best_director', [a.id, b.id]);
    jurors.slice(0, 6).forEach((j, i) => castVote(t.db.$client, id, j.id, i % 2 ? a.id : b.id));
    const before = viewsOf();
    // Every choice flipped and every score changed: what each reader is sent stays the same.
    t.db.$client.prepare('update runoff_vote set choice = case when choice = ? then ? else ? end').run(a.id, b.id, a.id);
    t.db.$client.prepare('update ballot_score set steps = 9 - steps').run();
    t.db.$client.prepare('update score set steps = 0').run();
    expect(viewsOf()).toEqual(before);
    for (const json of before.values()) {
      expect(json).not.toMatch(/choice|score|steps|receipt|voters|"juror/);
      expect(json).not.toContain(`"candidate`);
    }
  });

  it('a juror\'s view does not say which other juror voted; only the count', () => {
    const [a, b] = candidatesOf(t.db, 'best_director');
    const id = openRunoff(t.db.$client, 'best_director', [a.id, b.id]);
    const [x, y] = jurors.filter((j) => j.id !== juror.id);
    castVote(t.db.$client, id, x.id, a.id);
    const withX = JSON.stringify(liveView(readLiveFacts(t.db), juror));
    t.db.$client.prepare('update runoff_vote set juror_id = ? where juror_id = ?').run(y.id, x.id);
    expect(JSON.stringify(liveView(readLiveFacts(t.db), juror))).toBe(withX);
    expect(JSON.stringify(liveView(readLiveFacts(t.db), organiser))).not.toContain(String(y.displayName));
  });

  it('a juror recused from a tied film is not entitled; a closed runoff leaves the jurors\' view', () => {
    const [a, b] = candidatesOf(t.db, 'best_director');
    t.db.$client.prepare("insert into recusal (juror_id, film_id, reason) values (?, ?, 'conflict')").run(juror.id, a.filmId);
    const id = openRunoff(t.db.$client, 'best_director', [a.id, b.id]);
    expect(liveView(readLiveFacts(t.db), juror).runoffs[0]).toMatchObject({ mayVote: false, entitled: jurors.length - 1 });
    closeRunoff(t.db.$client, id);
    expect(liveView(readLiveFacts(t.db), juror).runoffs).toEqual([]);
    expect(liveView(readLiveFacts(t.db), chair).runoffs).toEqual([expect.objectContaining({ id, open: false })]);
  });
});

describe('who may vote, as the live counts read it', () => {
  it('is the runoff actions\' rule for every account: nationality, a declared recusal, a juror who left, the organiser', () => {
    const [a, b] = candidatesOf(t.db, 'best_director');
    t.db.update(jury).set({ recusalByNationality: true }).where(eq(jury.id, 1)).run();
    t.db.update(film).set({ country: 'CN' }).where(ne(film.id, a.filmId)).run();
    t.db.update(film).set({ country: 'RU' }).where(eq(film.id, a.filmId)).run();
    const others = jurors.filter((j) => j.id !== chair.id && j.id !== juror.id);
    const [russian, declared, left] = others;
    t.db.update(user).set({ country: 'KZ' }).where(ne(user.id, russian.id)).run();
    t.db.update(user).set({ country: 'RU' }).where(eq(user.id, russian.id)).run();
    t.db.$client.prepare("insert into recusal (juror_id, film_id, reason) values (?, ?, 'conflict')").run(declared.id, b.filmId);
    t.db.update(user).set({ active: false }).where(eq(user.id, left.id)).run();
    const tied = [a.id, b.id];
    const accounts = t.db.select({ id: user.id, role: user.role, active: user.active, country: user.country }).from(user).all();
    const one = accounts.filter((u) => notEntitled(t.db, u, tied) === null).map((u) => u.id).sort((x, y) => x - y);
    expect(entitledJurors(t.db, tied)).toEqual(one);
    expect(one).toEqual(jurors.map((j) => j.id).filter((id) => ![russian.id, declared.id, left.id].includes(id)).sort((x, y) => x - y));
    const id = openRunoff(t.db.$client, 'best_director', tied);
    expect(readLiveFacts(t.db).runoffs.find((r) => r.id === id)!.entitled).toEqual(one);
  });
});

/** A listener that records what it is sent and lets a test wait for a view, never for a time. */
function recorder() {
  const views: LiveView[] = [];
  let ended = false;
  let waiting: { pred: (v: LiveView) => boolean; resolve: (v: LiveView) => void } | null = null;
  const listener: LiveListener = {
    view(v) {
      views.push(v);
      if (waiting?.pred(v)) { waiting.resolve(v); waiting = null; }
    },
    ping() {},
    end() {
      ended = true;
      if (waiting) waiting.resolve(null as unknown as LiveView);
    },
  };
  return {
    listener,
    views,
    get ended() { return ended; },
    next: (pred: (v: LiveView) => boolean) => new Promise<LiveView>((resolve) => {
      const hit = views.find(pred);
      if (hit) resolve(hit);
      else waiting = { pred, resolve };
    }),
  };
}

describe('the watcher', () => {
  let w: LiveWatcher;
  afterEach(() => w?.stop());

  it('sees a vote committed on another connection and pushes it to each stream, without another juror\'s choice', async () => {
    const [a, b] = candidatesOf(t.db, 'best_director');
    // Another server process: its own connection to the same file.
    const other = new Database(t.file);
    other.pragma('busy_timeout = 10000');
    try {
      w = new LiveWatcher(t.file, { pollMs: 20 });
      const asChair = recorder();
      const asJuror = recorder();
      const asOrganiser = recorder();
      w.subscribe({ uid: chair.id, sv: chair.sessionVersion }, asChair.listener);
      w.subscribe({ uid: juror.id, sv: juror.sessionVersion }, asJuror.listener);
      w.subscribe({ uid: organiser.id, sv: organiser.sessionVersion }, asOrganiser.listener);
      expect(asJuror.views).toEqual([{ phase: 'voting', runoffs: [] }]);
      const id = openRunoff(other, 'best_director', [a.id, b.id]);
      await asJuror.next((v) => v.runoffs.length === 1);
      const voters = jurors.filter((j) => j.id !== juror.id).slice(0, 3);
      for (const [i, j] of voters.entries()) {
        castVote(other, id, j.id, i % 2 ? a.id : b.id);
        const v = await asChair.next((x) => x.runoffs[0]?.cast === i + 1);
        expect(v.runoffs[0]).toMatchObject({ open: true, entitled: jurors.length });
      }
      await asJuror.next((v) => v.runoffs[0]?.cast === 3);
      // The organisers are told of no runoff before finalisation (issue 20).
      expect(asOrganiser.views.every((v) => v.runoffs.length === 0)).toBe(true);
      for (const v of [...asJuror.views, ...asOrganiser.views, ...asChair.views]) {
        expect(JSON.stringify(v)).not.toMatch(/choice|candidate|receipt|voters/);
      }
      // The juror's own vote shows as theirs; nobody else's does.
      expect(asJuror.views.every((v) => v.runoffs.every((r) => r.voted === false))).toBe(true);
      castVote(other, id, juror.id, a.id);
      await asJuror.next((v) => v.runoffs[0]?.voted === true && v.runoffs[0].cast === 4);
      // A view is sent only when it changed: no two identical views in a row.
      for (const r of [asChair, asJuror, asOrganiser]) {
        r.views.forEach((v, i) => i && expect(JSON.stringify(v)).not.toBe(JSON.stringify(r.views[i - 1])));
      }
      // A submitted ballot reaches the chair's and the organiser's counts, not the juror's view.
      voteAndSubmit(t.db, 'best_film', () => 5, [jurors[2]]);
      await asChair.next((v) => v.ballots?.best_film === 1);
      await asOrganiser.next((v) => v.ballots?.best_film === 1);
      expect(asJuror.views.every((v) => v.ballots === undefined)).toBe(true);
    } finally {
      other.close();
    }
  });

  it('sends every stream its own reader\'s view at each change, however many are open', async () => {
    const [a, b] = candidatesOf(t.db, 'best_director');
    t.db.$client.prepare("insert into recusal (juror_id, film_id, reason) values (?, ?, 'conflict')").run(jurors[3].id, a.filmId);
    const other = new Database(t.file);
    other.pragma('busy_timeout = 10000');
    try {
      w = new LiveWatcher(t.file, { pollMs: 20 });
      // Each reader twice (a second tab), every role.
      const streams = [...readers(), ...readers()].map((u) => ({ u, r: recorder() }));
      for (const { u, r } of streams) w.subscribe({ uid: u.id, sv: u.sessionVersion }, r.listener);
      const id = openRunoff(other, 'best_director', [a.id, b.id]);
      castVote(other, id, juror.id, a.id);
      castVote(other, id, jurors[5].id, null);
      // The last view each stream got is the one its own reader is shown for the facts as they stand.
      const facts = readLiveFacts(t.db);
      for (const { u, r } of streams) {
        const own = liveView(facts, u);
        const got = await r.next((v) => JSON.stringify(v) === JSON.stringify(own));
        expect(got).toEqual(own);
      }
      const lastOf = (u: SessionUser) => streams.find((s) => s.u.id === u.id)!.r.views.at(-1)!;
      expect(lastOf(juror).runoffs[0]).toMatchObject({ voted: true, mayVote: true, cast: 2 });
      expect(lastOf(jurors[3]).runoffs[0]).toMatchObject({ voted: false, mayVote: false, cast: 2 });
      expect(lastOf(jurors[5]).runoffs[0]).toMatchObject({ voted: true, cast: 2 });
      // No stream ever got another reader's view: only those who voted read "voted", only the recused juror "may not vote".
      for (const { u, r } of streams) {
        for (const v of r.views) {
          for (const x of v.runoffs) {
            if (u.role === 'organiser') expect(x.mayVote).toBeUndefined();
            else expect([x.voted, x.mayVote]).toEqual([x.voted && [juror.id, jurors[5].id].includes(u.id), u.id !== jurors[3].id]);
          }
        }
      }
    } finally {
      other.close();
    }
  });

  it('ends the stream of a session that stops holding, and closes its connection when the last subscriber leaves', async () => {
    w = new LiveWatcher(t.file, { pollMs: 20 });
    const a = recorder();
    const b = recorder();
    const offA = w.subscribe({ uid: juror.id, sv: juror.sessionVersion }, a.listener);
    w.subscribe({ uid: organiser.id, sv: organiser.sessionVersion }, b.listener);
    // A stale session version (signed out elsewhere) is refused at once.
    const stale = recorder();
    w.subscribe({ uid: chair.id, sv: chair.sessionVersion + 1 }, stale.listener);
    expect(stale.ended).toBe(true);
    expect(stale.views).toEqual([]);
    expect(w.size).toBe(2);
    // The organiser is signed out (session version bumped) on the app's connection.
    t.db.update(user).set({ sessionVersion: organiser.sessionVersion + 1 }).where(eq(user.id, organiser.id)).run();
    await b.next(() => false);
    expect(b.ended).toBe(true);
    expect(w.size).toBe(1);
    expect(w.running).toBe(true);
    offA();
    offA(); // twice is harmless
    expect(w.size).toBe(0);
    expect(w.running).toBe(false);
  });
});

describe('the event stream of one reader', () => {
  let w: LiveWatcher;
  afterEach(() => w?.stop());

  /** Reads events until `until` says stop or the stream ends; returns the events and whether it ended. */
  async function readEvents(stream: ReadableStream<Uint8Array>, until: (events: { event: string; data: string }[]) => boolean) {
    const reader = stream.getReader();
    const dec = new TextDecoder();
    let text = '';
    const events: { event: string; data: string }[] = [];
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return { events, ended: true, reader };
      text += dec.decode(value, { stream: true });
      let i;
      while ((i = text.indexOf('\n\n')) >= 0) {
        const block = text.slice(0, i);
        text = text.slice(i + 2);
        const ev = /^event: (.*)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (ev && data !== undefined) events.push({ event: ev, data });
      }
      if (until(events)) return { events, ended: false, reader };
    }
  }

  it('sends the reader\'s view, and unsubscribes and closes the connection when the client aborts', async () => {
    w = new LiveWatcher(t.file, { pollMs: 20 });
    const abort = new AbortController();
    const stream = liveEventStream(w, { uid: organiser.id, sv: organiser.sessionVersion }, abort.signal);
    const { events, reader } = await readEvents(stream, (e) => e.length > 0);
    expect(events[0].event).toBe('counts');
    expect(Object.keys(JSON.parse(events[0].data)).sort()).toEqual(['ballots', 'phase', 'runoffs']);
    expect(w.size).toBe(1);
    abort.abort();
    expect(w.size).toBe(0);
    expect(w.running).toBe(false);
    expect((await reader.read()).done).toBe(true);
  });

  it('cleans up when the response stream is cancelled, and when its lifetime is over', async () => {
    w = new LiveWatcher(t.file, { pollMs: 20 });
    const a = liveEventStream(w, { uid: juror.id, sv: juror.sessionVersion }, new AbortController().signal);
    const first = await readEvents(a, (e) => e.length > 0);
    const b = liveEventStream(w, { uid: chair.id, sv: chair.sessionVersion }, new AbortController().signal, 1);
    expect(w.size).toBe(2);
    await first.reader.cancel();
    expect(w.size).toBe(1);
    // b closes itself after its lifetime (the browser would reconnect): the stream ends, nothing is left.
    expect((await readEvents(b, () => false)).ended).toBe(true);
    expect(w.size).toBe(0);
    expect(w.running).toBe(false);
  });

  it('ends with `end` when the reader is signed out meanwhile', async () => {
    w = new LiveWatcher(t.file, { pollMs: 20 });
    const s = liveEventStream(w, { uid: juror.id, sv: juror.sessionVersion }, new AbortController().signal);
    await readEvents(s, (e) => e.length > 0).then(({ reader }) => reader.releaseLock());
    t.db.update(user).set({ sessionVersion: juror.sessionVersion + 1 }).where(eq(user.id, juror.id)).run();
    const { events, ended } = await readEvents(s, () => false);
    expect(ended).toBe(true);
    expect(events.map((e) => e.event)).toEqual(['end']);
    expect(w.size).toBe(0);
  });
});
