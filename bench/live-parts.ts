// Where a live poll's server time goes, measured in-process (no HTTP, no framework): on the demo
// festival with 200 extra jurors and an open runoff (the state bench/live.ts measures), the time the
// watcher (lib/live/watcher.ts) takes to handle one change committed by another connection, with
// that many open event streams (lib/live/stream.ts, nobody reading them); and its parts alone.
//   node --conditions react-server --import tsx bench/live-parts.ts [--streams 200] [--n 200]
import Database from 'better-sqlite3';
import { setMaxListeners } from 'node:events';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '@/db/schema';
import type { DB } from '@/db';
import { findSessionUser } from '@/lib/auth/users';
import { readLiveFacts } from '@/lib/live/facts';
import { LiveWatcher } from '@/lib/live/watcher';
import { liveEventStream } from '@/lib/live/stream';
import { liveView } from '@/lib/live/view';
import { countedBallots } from '@/lib/ballot/snapshot';
import { missingBallots } from '@/lib/round/missing';
import { entitledJurors } from '@/lib/runoff/entitled';
import { addJurors, demoDb, setPhase } from './lib/db';
import { median } from './lib/report';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};

export async function liveParts(streams = 200, n = 200): Promise<Record<string, number>> {
  const { sqlite: w, file } = await demoDb('live-parts');
  const jurors = await addJurors(w, Math.max(streams, 200));
  setPhase(w, 'main_closed');
  const nom = w.prepare("select id from nomination where code = 'best_director'").get() as { id: number };
  const tied = w.prepare('select id from candidate where nomination_id = ? order by id limit 2').pluck().all(nom.id) as number[];
  const runoffId = Number(w.prepare('insert into runoff (nomination_id, tied, places) values (?, ?, 1)').run(nom.id, JSON.stringify(tied)).lastInsertRowid);
  const vote = w.prepare("insert into runoff_vote (runoff_id, juror_id, choice, receipt, salt) values (?, ?, ?, 'bench', 'bench')");
  for (let k = 0; k < 20; k++) vote.run(runoffId, jurors[k].id, tied[k % 2]);
  w.close();

  // The watcher's own connection: read-only, as lib/live/watcher.ts opens it.
  const sqlite = new Database(file, { readonly: true, fileMustExist: true });
  const db = drizzle(sqlite, { schema }) as DB;
  const per = (f: () => unknown, k = n) => {
    for (let i = 0; i < Math.min(20, k); i++) f();
    const xs: number[] = [];
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      for (let i = 0; i < Math.max(1, k / 5); i++) f();
      xs.push((performance.now() - t0) / Math.max(1, k / 5));
    }
    return median(xs);
  };
  const readers = jurors.slice(0, streams).map((j) => ({ uid: j.id, sv: findSessionUser(db, j.id)!.sessionVersion }));
  const facts = sqlite.transaction(() => readLiveFacts(db))();
  const pushAll = () => {
    for (const r of readers) {
      const user = findSessionUser(db, r.uid)!;
      JSON.stringify(liveView(facts, user));
    }
  };
  // The whole change: a commit on another connection (not timed), then the watcher's check.
  const writer = new Database(file);
  // A vote in and out again, in turns: every commit changes the count, so every change is pushed.
  const extra = jurors[jurors.length - 1].id;
  const add = writer.prepare("insert into runoff_vote (runoff_id, juror_id, choice, receipt, salt) values (?, ?, null, 'bench', 'bench')");
  const remove = writer.prepare('delete from runoff_vote where runoff_id = ? and juror_id = ?');
  let k = 0;
  const bump = () => (k++ % 2 ? remove.run(runoffId, extra) : add.run(runoffId, extra));
  const watcher = new LiveWatcher(file, { pollMs: 3_600_000, heartbeatMs: 3_600_000 });
  const ctl = new AbortController();
  setMaxListeners(Infinity, ctl.signal);
  for (const r of readers) liveEventStream(watcher, r, ctl.signal);
  const change = () => {
    const xs: number[] = [];
    for (let i = 0; i < n + 20; i++) {
      bump();
      const t0 = performance.now();
      watcher.check();
      if (i >= 20) xs.push(performance.now() - t0);
    }
    return median(xs);
  };
  const out: Record<string, number> = {
    [`one change, ${streams} open streams (watcher.check)`]: change(),
    'read the live facts (one transaction)': per(() => sqlite.transaction(() => readLiveFacts(db))()),
    '  countedBallots': per(() => countedBallots(db)),
    '  missingBallots (voting round only)': per(() => missingBallots(db, 'main')),
    '  entitledJurors (per runoff)': per(() => entitledJurors(db, tied)),
    [`× ${streams}: a session statement, view and JSON each (the path before 2026-12-07)`]: per(pushAll),
    '  one session re-check': per(() => findSessionUser(db, readers[0].uid), n * 20),
  };
  ctl.abort();
  watcher.stop();
  writer.close();
  sqlite.close();
  return out;
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('live-parts.ts')) {
  liveParts(arg('streams', 200), arg('n', 200)).then((out) => {
    for (const [k, v] of Object.entries(out)) console.log(`${k.padEnd(52)} ${v.toFixed(3)} ms`);
  });
}
