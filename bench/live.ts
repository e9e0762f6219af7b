// Benchmark 5: live counts. 12 and 200 open event streams of signed-in jurors on /api/live against
// the production build (scripts/server.ts, as `npm start` runs it), runoff votes committed one after another by another
// connection (as another server process would), and for each vote the time from its commit to its
// appearance in every open stream. Against, in the same run and on the same machine, a bare
// node:http SSE server (bench/bare-live-server.ts) doing the same database polling: the ratio is
// what the app adds (session re-check, the per-role views, Next.js's streaming).
//   npm run bench:live [-- --votes 60 --slices 2]
//   npm run bench:live -- --profile   the app alone at 200 streams under node --cpu-prof: where a
//                                     change's time goes (printed; docs/PERFORMANCE.md left unchanged)
import Database from 'better-sqlite3';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { addJurors, BENCH_PASSWORD, demoDb, setPhase } from './lib/db';
import { inclusiveTimes, profileClock, summariseProfile } from './lib/profile';
import { fmt, machine, ms, percentile, ratio, ROOT, table, today, writeSection } from './lib/report';
import { ensureBuild, login, pool, startApp, startBare, tempDir } from './lib/server';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const PROFILE = process.argv.includes('--profile');
const LEVELS = PROFILE ? [200] : [12, 200];
const VOTES = arg('votes', 100); // per level and system, over all slices
const SLICES = arg('slices', 2);
const STREAMS = Math.max(...LEVELS);
// The app's poll interval, read from its source so that the bare server polls exactly as often.
const POLL_MS = Number(/export const POLL_MS = (\d+)/.exec(fs.readFileSync(path.join(ROOT, 'lib', 'live', 'watcher.ts'), 'utf8'))![1]);

/** One open SSE stream: calls `onCast` with the runoff's vote count of each `counts` event, at arrival. */
function openStream(port: number, urlPath: string, cookie: string | null, castOf: (data: unknown) => number | undefined, onCast: (cast: number, at: number) => void, agent: http.Agent): Promise<() => void> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: urlPath, agent, headers: { accept: 'text/event-stream', ...(cookie ? { cookie } : {}) } }, (res) => {
      if (res.statusCode !== 200) {
        reject(new Error(`stream answered HTTP ${res.statusCode}`));
        res.resume();
        return;
      }
      res.setEncoding('utf8');
      let buf = '';
      res.on('data', (chunk: string) => {
        const at = performance.now();
        buf += chunk;
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          const lines = block.split('\n');
          if (!lines.includes('event: counts')) continue;
          const data = lines.find((l) => l.startsWith('data: '));
          if (!data) continue;
          const cast = castOf(JSON.parse(data.slice(6)));
          if (cast !== undefined) onCast(cast, at);
        }
      });
      resolve(() => req.destroy());
    });
    req.on('error', (e) => reject(e));
  });
}

interface Target {
  name: string;
  port: number;
  path: string;
  cookies: (string | null)[];
  castOf: (data: unknown) => number | undefined;
  /** The writer's connection to the database the server watches. */
  db: Database.Database;
  voters: number[];
}

/** Opens a fresh runoff (closing the previous one) in `db`; returns its id. */
function newRunoff(db: Database.Database): number {
  const n = db.prepare("select id from nomination where code = 'best_director'").get() as { id: number };
  const tied = db.prepare('select id from candidate where nomination_id = ? order by id limit 2').pluck().all(n.id) as number[];
  return db.transaction(() => {
    db.prepare("update runoff set closed_at = strftime('%Y-%m-%dT%H:%M:%fZ','now') where closed_at is null").run();
    return Number(db.prepare('insert into runoff (nomination_id, tied, places) values (?, ?, 1)').run(n.id, JSON.stringify(tied)).lastInsertRowid);
  })();
}

/** `votes` votes, one after another; per vote the ms from its commit to its arrival in each stream. */
async function measure(t: Target, streams: number, votes: number): Promise<{ every: number[]; each: number[] }> {
  const runoffId = newRunoff(t.db);
  const tied = t.db.prepare('select tied from runoff where id = ?').pluck().get(runoffId) as string;
  const [a, b] = JSON.parse(tied) as number[];
  const insert = t.db.prepare("insert into runoff_vote (runoff_id, juror_id, choice, receipt, salt) values (?, ?, ?, 'bench', 'bench')");
  const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity });
  // Per stream, the last count seen and its waiters.
  const seen = Array.from({ length: streams }, () => ({ cast: -1, at: 0 }));
  let waiter: { cast: number; left: number; arrivals: number[]; done: () => void } | null = null;
  const closers = await pool(Array.from({ length: streams }, (_, i) => i), 16, (i) =>
    openStream(t.port, t.path, t.cookies[i], t.castOf, (cast, at) => {
      const before = seen[i].cast;
      seen[i] = { cast, at };
      if (waiter && cast >= waiter.cast && before < waiter.cast) {
        waiter.arrivals.push(at);
        if (--waiter.left === 0) waiter.done();
      }
    }, agent),
  );
  try {
    // Every stream has its first view of this runoff (0 votes) before the first vote.
    while (seen.some((s) => s.cast !== 0)) await new Promise((r) => setTimeout(r, 20));
    const every: number[] = [];
    const each: number[] = [];
    for (let k = 1; k <= votes; k++) {
      const arrivals: number[] = [];
      const all = new Promise<void>((done) => { waiter = { cast: k, left: streams, arrivals, done }; });
      // A vote arrives at a random moment of the poll's cycle, as a juror's tap does: committing right
      // after the previous vote arrived (just after a poll) would always wait a whole interval.
      await new Promise((r) => setTimeout(r, Math.random() * POLL_MS));
      const voter = t.voters[k - 1];
      insert.run(runoffId, voter, k % 2 ? a : b); // autocommit: one transaction, committed when run() returns
      const committed = performance.now();
      await all;
      waiter = null;
      every.push(Math.max(...arrivals) - committed);
      for (const at of arrivals) each.push(at - committed);
    }
    return { every, each };
  } finally {
    for (const c of closers) c();
    agent.destroy();
  }
}

type Row = { streams: number; system: string; every: number[]; each: number[] };

async function main() {
  ensureBuild();
  const appDb = await demoDb('live');
  const bareDb = await demoDb('live-bare');
  const jurors = await addJurors(appDb.sqlite, STREAMS);
  await addJurors(bareDb.sqlite, STREAMS); // the same jurors, so that both databases are alike
  for (const d of [appDb, bareDb]) setPhase(d.sqlite, 'main_closed');
  appDb.sqlite.close();
  bareDb.sqlite.close();
  const allVoters = (file: string) => {
    const db = new Database(file, { readonly: true });
    try {
      return db.prepare("select id from user where role in ('juror', 'chair') and active = 1 order by id").pluck().all() as number[];
    } finally {
      db.close();
    }
  };
  const appVoters = allVoters(appDb.file);
  const bareVoters = allVoters(bareDb.file);
  if (VOTES / SLICES > appVoters.length) throw new Error(`at most ${appVoters.length} votes per slice`);

  const profDir = PROFILE ? tempDir('live-prof') : null;
  const next = await startApp(appDb.file, profDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profDir}`] } : {});
  let window: { from: number; to: number } | undefined;
  const bare = await startBare('bench/bare-live-server.ts', { JURY_DB: bareDb.file, POLL_MS: String(POLL_MS) });
  const writer = (file: string) => {
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 10000');
    db.pragma('synchronous = FULL');
    return db;
  };
  const appWriter = writer(appDb.file);
  const bareWriter = writer(bareDb.file);
  const rows: Row[] = [];
  try {
    console.log(`logging in ${STREAMS} jurors …`);
    const cookies = await pool(jurors, 4, (j) => login(next.base, j.login, BENCH_PASSWORD));
    const targets: Target[] = [
      {
        name: 'Jury /api/live (production server)',
        port: next.port,
        path: '/api/live',
        cookies,
        castOf: (d) => (d as { runoffs?: { open: boolean; cast: number }[] }).runoffs?.find((r) => r.open)?.cast,
        db: appWriter,
        voters: appVoters,
      },
      { name: 'bare node:http SSE (baseline)', port: bare.port, path: '/live', cookies: cookies.map(() => null), castOf: (d) => (d as { cast: number }).cast, db: bareWriter, voters: bareVoters },
    ];
    if (PROFILE) targets.pop(); // the app alone
    window = { from: profileClock(), to: 0 };
    for (const streams of LEVELS) {
      const parts = new Map<string, { every: number[]; each: number[] }>();
      // Slices, the systems taking turns, so that changes in the machine's load fall on both alike.
      for (let s = 0; s < SLICES; s++) {
        for (const t of targets) {
          const r = await measure(t, streams, Math.floor(VOTES / SLICES));
          const p = parts.get(t.name) ?? { every: [], each: [] };
          p.every.push(...r.every);
          p.each.push(...r.each);
          parts.set(t.name, p);
        }
      }
      for (const [system, p] of parts) {
        rows.push({ streams, system, ...p });
        const e = [...p.every].sort((x, y) => x - y);
        console.log(`${String(streams).padStart(3)} streams  ${system.padEnd(32)} every stream: p50 ${ms(percentile(e, 50))} ms  p99 ${ms(percentile(e, 99))} ms  (${e.length} votes)`);
      }
    }
    window.to = profileClock();
  } finally {
    appWriter.close();
    bareWriter.close();
    await next.stop();
    await bare.stop();
  }
  if (profDir) {
    // Only the samples of the measured votes: not the server's start or the 200 sign-ins (argon2id).
    console.log(summariseProfile(profDir, 25, window));
    const inc = inclusiveTimes(profDir, window, /app bundle|node:|better-sqlite3|drizzle/);
    console.log(`\ntotal time (self and callees) by function, of ${ms(inc.total)} ms of work in the measured votes:`);
    for (const [k, v] of [...inc.byFn].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`${((100 * v) / inc.total).toFixed(1).padStart(5)} %  ${k}`);
    console.log('(profile only: docs/PERFORMANCE.md left unchanged)');
    return;
  }
  report(rows);
}

function report(rows: Row[]) {
  const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
  const lines: string[] = ['## 6. Live counts', '', `Run ${today()} on ${machine()}.`, ''];
  lines.push(
    `For each level, that many event streams of /api/live are held open by signed-in jurors (logged in over HTTP) against the production server (\`scripts/server.ts\`, as \`npm start\` runs it) ` +
      `(production build); a runoff is open among two Best Director candidates, and ${VOTES} runoff votes are committed one after another ` +
      `(in ${SLICES} slices, the two systems taking turns) by a separate better-sqlite3 connection, as another server process would. ` +
      `Each vote is committed once the previous one has reached every stream, after a random pause of up to one poll interval (so that ` +
      `commits fall at random moments of the poll's cycle, as jurors' taps do). Measured per vote: the time from the commit's return ` +
      `to the arrival of the new count in every open stream (the slowest stream), and in each stream. Baseline in the same run: ` +
      `\`bench/bare-live-server.ts\`, a bare node:http SSE server doing the same polling (its own read-only connection, ` +
      `\`PRAGMA data_version\` every ${POLL_MS} ms, one count query on a change, pushed to every stream), without session, views or framework. ` +
      `Both poll every ${POLL_MS} ms, so a commit waits for the next poll up to ${POLL_MS} ms, half of that on average, in both. The client shares the machine's 2 cores.`,
    '',
  );
  lines.push(
    table(
      ['open streams', 'system', 'every stream p50 ms', 'every stream p99 ms', 'max ms', 'each stream p50 ms', 'votes'],
      rows.map((r) => {
        const e = sorted(r.every);
        const each = sorted(r.each);
        return [r.streams, r.system, ms(percentile(e, 50)), ms(percentile(e, 99)), ms(e[e.length - 1]), ms(percentile(each, 50)), r.every.length];
      }),
    ),
    '',
  );
  const ratios: (string | number)[][] = [];
  for (const streams of LEVELS) {
    const app = sorted(rows.find((r) => r.streams === streams && r.system.startsWith('Jury'))!.every);
    const bare = sorted(rows.find((r) => r.streams === streams && r.system.startsWith('bare'))!.every);
    ratios.push([streams, ratio(percentile(app, 50), percentile(bare, 50)), ratio(percentile(app, 99), percentile(bare, 99)), percentile(app, 99) < 1000 ? 'yes' : '**no**']);
  }
  lines.push(table(['open streams', 'Jury ÷ bare, p50', 'Jury ÷ bare, p99', 'p99 within the promised second'], ratios), '');
  lines.push(`Figures of one run (${fmt(VOTES, 0)} votes per point); read the ratios first.`);
  writeSection('live', lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
