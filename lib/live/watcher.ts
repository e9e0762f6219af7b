// One watcher per server process: its own read-only connection to the database polls
// `PRAGMA data_version`, which changes whenever another connection commits (this process's own
// write connection included, and every other server process's), and only then re-reads the live
// facts and pushes to each subscriber whose view changed. So the counts follow the database, not
// this process's memory: with several server processes each sees every other's commits. The facts
// and each subscriber's last view are a cache of what is in the database, nothing more.
// The connection is opened with the first subscriber and closed with the last; nothing is opened
// at import time.
import 'server-only';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '@/db/schema';
import type { DB } from '@/db';
import { user as userTable } from '@/db/schema';
import { findSessionUser, sessionUserColumns, type SessionUser } from '@/lib/auth/users';
import { prepared } from '@/lib/server/prepared';
import { inJury, requestJury } from '@/lib/server/request-jury';
import { readLiveFacts, type LiveFacts } from './facts';
import { liveView, type LiveView } from './view';

/** How often the data version is polled: well inside the promised second, and cheap (no table is read). */
export const POLL_MS = 150;
/** A comment line this often keeps proxies and browsers from timing an idle stream out. */
export const HEARTBEAT_MS = 15_000;

/** The session a stream was opened with: re-checked at every change, so an ended session stops its stream. */
export interface LiveClaims {
  uid: number;
  sv: number;
}

export interface LiveListener {
  /** The reader's new view, and its JSON (built once, for the comparison with the last one and the event). */
  view(v: LiveView, json: string): void;
  ping(): void;
  /** The session no longer holds (signed out, deactivated, temporary password): the stream ends. */
  end(): void;
}

interface Sub {
  claims: LiveClaims;
  listener: LiveListener;
  last: string | null;
  /** The jury the stream was opened in (issue 23): its facts are that jury's, whoever else watches. */
  jury: number | undefined;
}

const keyOf = (jury: number | undefined) => jury ?? 0;

export class LiveWatcher {
  private sqlite: Database.Database | null = null;
  private db: DB | null = null;
  private subs = new Set<Sub>();
  private version: number | null = null;
  /** Per jury watched (0: the default jury), the facts as last read. */
  private facts = new Map<number, LiveFacts>();
  private poll: ReturnType<typeof setInterval> | null = null;
  private beat: ReturnType<typeof setInterval> | null = null;

  constructor(readonly file: string, private readonly opts: { pollMs?: number; heartbeatMs?: number } = {}) {}

  get size(): number {
    return this.subs.size;
  }

  /** Whether the watcher holds a connection and timers (false once the last subscriber left). */
  get running(): boolean {
    return this.sqlite !== null;
  }

  /** Adds a subscriber and sends it the current view at once; returns the function that removes it. */
  subscribe(claims: LiveClaims, listener: LiveListener): () => void {
    this.start();
    const sub: Sub = { claims, listener, last: null, jury: requestJury() };
    this.subs.add(sub);
    try {
      this.check();
      if (this.subs.has(sub)) this.push(sub);
    } catch (e) {
      this.subs.delete(sub);
      if (this.subs.size === 0) this.stop();
      throw e;
    }
    return () => {
      if (!this.subs.delete(sub)) return;
      if (this.subs.size === 0) this.stop();
    };
  }

  /** Re-reads the facts when the database changed since the last read, and pushes changed views. */
  check(): void {
    if (!this.sqlite) return;
    const v = this.sqlite.pragma('data_version', { simple: true }) as number;
    const juries = [...new Set([...this.subs].map((s) => s.jury))];
    if (v === this.version && juries.every((j) => this.facts.has(keyOf(j)))) return;
    const db = this.db!;
    // Each watched jury's facts and every account's session columns in one read: one statement for all
    // streams' session re-checks instead of one per stream (at 200 streams those were most of a change's
    // per-stream time, docs/PERFORMANCE.md "Live counts"). Read fresh at every change, never kept; each
    // jury's in that jury (the poll runs in the first subscriber's request).
    // The accounts too: their role is the one in that jury (lib/auth/users.ts).
    const read = this.sqlite.transaction(() => new Map(juries.map((j) => [keyOf(j), inJury(j, () => ({
      facts: readLiveFacts(db),
      users: new Map(prepared(db, 'live.sessions', (q) => q.select(sessionUserColumns).from(userTable).prepare()).all().map((u) => [u.id, u])),
    }))])))();
    this.facts = new Map([...read].map(([k, r]) => [k, r.facts]));
    this.version = v;
    for (const sub of [...this.subs]) if (this.subs.has(sub)) this.push(sub, read.get(keyOf(sub.jury))?.users.get(sub.claims.uid) ?? null);
  }

  /** `account`: the subscriber's account as read with the current facts, null when gone (read here when not given). */
  private push(sub: Sub, account?: SessionUser | null) {
    const user = account === undefined ? inJury(sub.jury, () => findSessionUser(this.db!, sub.claims.uid)) : account;
    if (!user || !user.active || user.sessionVersion !== sub.claims.sv || user.mustChangePassword) {
      this.subs.delete(sub);
      if (this.subs.size === 0) this.stop();
      sub.listener.end();
      return;
    }
    const facts = this.facts.get(keyOf(sub.jury));
    if (!facts) return; // a jury first watched since the last read: the next check reads it
    const view = inJury(sub.jury, () => liveView(facts, user));
    const json = JSON.stringify(view);
    if (json === sub.last) return;
    sub.last = json;
    sub.listener.view(view, json);
  }

  private start() {
    if (this.sqlite) return;
    const sqlite = new Database(this.file, { readonly: true, fileMustExist: true });
    sqlite.pragma('busy_timeout = 10000');
    this.sqlite = sqlite;
    this.db = drizzle(sqlite, { schema }) as DB;
    this.version = null;
    this.facts = new Map();
    this.poll = setInterval(() => {
      try {
        this.check();
      } catch (e) {
        // A read that failed (e.g. the file was replaced by a restore): try again at the next tick.
        console.error('live counts: read failed', e);
        this.facts = new Map();
      }
    }, this.opts.pollMs ?? POLL_MS);
    this.beat = setInterval(() => {
      for (const sub of [...this.subs]) sub.listener.ping();
    }, this.opts.heartbeatMs ?? HEARTBEAT_MS);
  }

  /** Stops polling and closes the connection (also when the last subscriber leaves). */
  stop() {
    if (this.poll) clearInterval(this.poll);
    if (this.beat) clearInterval(this.beat);
    this.poll = this.beat = null;
    this.sqlite?.close();
    this.sqlite = null;
    this.db = null;
    this.facts = new Map();
    this.version = null;
  }
}

const globalForLive = globalThis as unknown as { juryLive?: LiveWatcher };

/** This process's watcher of `file` (one per process; replaced when the database file changes). */
export function liveWatcher(file: string): LiveWatcher {
  const w = globalForLive.juryLive;
  if (w && w.file === file) return w;
  w?.stop();
  return (globalForLive.juryLive = new LiveWatcher(file));
}
