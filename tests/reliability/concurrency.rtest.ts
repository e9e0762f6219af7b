// 3. Concurrent jurors: the 12 demo jurors fill and submit every ballot at once over real HTTP, then
// a crowd of simulated jurors (created in the database with argon2id hashes) does the same. The
// acknowledged saves must be exactly the stored scores, no user sees a 500 or 'unexpected', and the
// tally after closing equals an independent computation over what was acknowledged.
import { afterAll, describe, expect, it } from 'vitest';
import { hashPassword } from '@/lib/auth/password';
import { tally } from '@/lib/tally';
import { buildTallyInput } from '@/lib/count/tally-input';
import { openDatabase } from '@/lib/database';
import { prng } from '@/tests/prng';
import { ACCOUNTS, signedIn, type Client } from './lib/client';
import { candidates, scoreRows, withDb, type Cand } from './lib/db';
import { record, size } from './lib/figures';
import { startServer, stopAll, type Server } from './lib/server';

afterAll(stopAll);

type Ack = Map<string, number>; // `${jurorId}:${candidateId}` -> last acknowledged value

interface Run { saves: number; acks: number; errors: string[]; latencies: number[]; submitted: Set<string> }

const DEMO_JURORS = ['hansanping', 'azimov', ...Array.from({ length: 10 }, (_, i) => `juror${String(i + 3).padStart(2, '0')}`)];

function percentile(xs: number[], p: number) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]) : 0;
}

/** One juror: every candidate of the given nominations, some twice (a changed mind), then submit. */
async function juror(c: Client, jurorId: number, cands: Cand[], ack: Ack, run: Run, rnd: () => number) {
  const noms = [...new Set(cands.map((x) => x.nominationId))];
  for (const cand of cands) {
    const times = rnd() < 0.2 ? 2 : 1;
    for (let k = 0; k < times; k++) {
      const value = 1 + Math.floor(rnd() * 10);
      run.saves++;
      const r = await c.callAction('app/jury/actions.ts#saveScore', [{ candidateId: cand.id, value }]);
      run.latencies.push(r.ms);
      if (r.status >= 500 || !r.result || (r.result.ok === false && r.result.code === 'unexpected')) run.errors.push(`save ${jurorId}/${cand.id}: ${r.status} ${JSON.stringify(r.result)}`);
      else if (r.result.ok) { ack.set(`${jurorId}:${cand.id}`, value); run.acks++; }
      else run.errors.push(`save refused ${jurorId}/${cand.id}: ${JSON.stringify(r.result)}`);
    }
  }
  for (const n of noms) {
    const r = await c.callAction('app/jury/actions.ts#submitBallot', [{ nominationId: n }]);
    if (r.result?.ok) run.submitted.add(`${jurorId}:${n}`);
    else run.errors.push(`submit ${jurorId}/${n}: ${r.status} ${JSON.stringify(r.result)}`);
  }
}

const num = (exact: string) => { const [p, q] = exact.split('/'); return q ? Number(p) / Number(q) : Number(p); };

/** Compares the stored scores with the acknowledged ones, and the tally with our own means. */
function verify(s: Server, ack: Ack, run: Run, nominationCodes: string[]) {
  const stored = scoreRows(s.dbFile).filter((r) => r.value !== null);
  const storedMap = new Map(stored.map((r) => [`${r.jurorId}:${r.candidateId}`, r.value!]));
  const lost = [...ack].filter(([k, v]) => storedMap.get(k) !== v).length;
  const phantom = [...storedMap.keys()].filter((k) => !ack.has(k)).length;
  const dupes = stored.length - storedMap.size;
  const h = openDatabase(s.dbFile);
  let tallyMismatches = 0;
  let checked = 0;
  let nominationsChecked = 0;
  try {
    const result = tally(buildTallyInput(h.db));
    const nomOf = new Map(candidates(s.dbFile).map((c) => [String(c.id), c]));
    for (const n of result.nominations.filter((x) => nominationCodes.includes(x.code))) {
      nominationsChecked++;
      const byCand = new Map<string, number[]>();
      for (const [k, v] of ack) {
        const [j, c] = k.split(':');
        const cand = nomOf.get(c);
        if (cand?.code !== n.code || !run.submitted.has(`${j}:${cand.nominationId}`)) continue;
        byCand.set(c, [...(byCand.get(c) ?? []), v]);
      }
      const means = new Map([...byCand].map(([c, vs]) => [c, vs.reduce((a, b) => a + b, 0) / vs.length]));
      for (const r of n.ranking) {
        checked++;
        const vs = byCand.get(r.candidate) ?? [];
        if (r.counted !== vs.length || (vs.length && Math.abs(num(r.aggregate!.exact) - means.get(r.candidate)!) > 1e-9)) tallyMismatches++;
      }
      const top = Math.max(...means.values());
      const leaders = [...means].filter(([, m]) => Math.abs(m - top) < 1e-12).map(([c]) => c);
      if (leaders.length === 1 && n.status === 'decided' && !n.winners.includes(leaders[0])) {
        // One award per film can pass a leader over for a later nomination; only best_film is first.
        if (n.code === 'best_film') tallyMismatches++;
      }
    }
  } finally {
    h.sqlite.close();
  }
  return { lost, phantom, dupes, tallyMismatches, checked, nominationsChecked };
}

describe('concurrent jurors', () => {
  it('12 jurors fill and submit every ballot at once: nothing lost, tally as acknowledged', async () => {
    const t0 = Date.now();
    const s = await startServer({ port: 3420 });
    const org = await signedIn(s.base, ACCOUNTS.organiser.login, ACCOUNTS.organiser.password);
    expect((await org.callAction('app/admin/actions/phase.ts#openVoting', [{}])).result).toMatchObject({ ok: true });
    const cands = candidates(s.dbFile, 'main');
    const ids = withDb(s.dbFile, (db) => new Map((db.prepare('select login, id from user').all() as { login: string; id: number }[]).map((u) => [u.login, u.id])));
    const clients = await Promise.all(DEMO_JURORS.map((l) => signedIn(s.base, l, l === 'hansanping' ? 'chair-demo' : 'juror-demo')));
    const ack: Ack = new Map();
    const run: Run = { saves: 0, acks: 0, errors: [], latencies: [], submitted: new Set() };
    await Promise.all(clients.map((c, i) => juror(c, ids.get(DEMO_JURORS[i])!, cands, ack, run, prng(i + 1))));
    const chair = clients[0];
    const closed = await chair.callAction('app/chair/actions.ts#closeRound', [{ confirmMissing: true }]);
    expect(closed.result, JSON.stringify(closed.result)).toMatchObject({ ok: true });
    const codes = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
    const v = verify(s, ack, run, codes);
    await s.stop();
    expect(run.errors.slice(0, 10)).toEqual([]);
    expect(v).toMatchObject({ lost: 0, phantom: 0, dupes: 0, tallyMismatches: 0 });
    // Every candidate of every checked nomination was compared with our own means, and every ballot submitted.
    expect(v.nominationsChecked).toBe(codes.length);
    expect(v.checked).toBe(cands.filter((c) => codes.includes(c.code)).length);
    const nominationCount = new Set(cands.map((c) => c.nominationId)).size;
    expect(run.submitted.size).toBe(clients.length * nominationCount);
    record('3a-concurrent-12', {
      title: 'Concurrent jurors: the 12 demo jurors at once',
      claim: 'All 12 jurors save a score for every candidate of every main nomination (20% changed once) and submit every ballot, all at the same time over HTTP; acknowledged saves = stored scores; tally after closing = our own means over the acknowledged values.',
      ms: Date.now() - t0,
      rows: {
        'jurors': clients.length, 'candidates per juror': cands.length, 'saves sent': run.saves, 'saves acknowledged': run.acks,
        'ballots submitted': run.submitted.size, '500 / unexpected / refused saves': run.errors.length,
        'lost writes': v.lost, 'stored but never acknowledged': v.phantom, 'duplicate rows': v.dupes,
        'tally rows checked': v.checked, 'tally mismatches': v.tallyMismatches,
        'save latency p50 / p95 / max (ms)': `${percentile(run.latencies, 50)} / ${percentile(run.latencies, 95)} / ${percentile(run.latencies, 100)}`,
      },
    });
  });

  it('a crowd of simulated jurors: nothing lost, no SQLITE_BUSY, tally as acknowledged', async () => {
    const t0 = Date.now();
    const N = size(200, 24);
    const s = await startServer({ port: 3421 });
    const hash = await hashPassword('crowd-password');
    withDb(s.dbFile, (db) => {
      const ins = db.prepare("insert into user (login, display_name, role, password_hash, country) values (?, ?, 'juror', ?, null)");
      // Each sits on the demo jury (issue 23: the electorate is the jury's membership).
      const seat = db.prepare("insert into jury_member (jury_id, user_id, role) values (1, ?, 'juror')");
      db.transaction(() => { for (let i = 0; i < N; i++) seat.run(ins.run(`crowd${i}`, `Crowd juror ${i}`, hash).lastInsertRowid); })();
      // The crowd scores best film only, and the quorum holds per nomination (lib/count/quorum.ts):
      // the main round is best film alone, with a quorum of the crowd (the demo jury does not vote here).
      db.pragma('foreign_keys = ON');
      db.prepare("delete from nomination where round = 'main' and code <> 'best_film'").run();
      db.prepare('update jury set quorum = ? where id = 1').run(N);
    });
    const org = await signedIn(s.base, ACCOUNTS.organiser.login, ACCOUNTS.organiser.password);
    expect((await org.callAction('app/admin/actions/phase.ts#openVoting', [{}])).result).toMatchObject({ ok: true });
    const ids = withDb(s.dbFile, (db) => new Map((db.prepare("select login, id from user where login like 'crowd%'").all() as { login: string; id: number }[]).map((u) => [u.login, u.id])));
    const bestFilm = candidates(s.dbFile, 'main').filter((c) => c.code === 'best_film');
    // Sign-ins hash-verify argon2id: a few at a time, as a real morning would spread them.
    const clients: Client[] = [];
    for (let i = 0; i < N; i += 8) clients.push(...(await Promise.all(Array.from({ length: Math.min(8, N - i) }, (_, k) => signedIn(s.base, `crowd${i + k}`, 'crowd-password')))));
    const ack: Ack = new Map();
    const run: Run = { saves: 0, acks: 0, errors: [], latencies: [], submitted: new Set() };
    const tRun = Date.now();
    await Promise.all(clients.map((c, i) => juror(c, ids.get(`crowd${i}`)!, bestFilm, ack, run, prng(1000 + i))));
    const runMs = Date.now() - tRun;
    const chair = await signedIn(s.base, ACCOUNTS.chair.login, ACCOUNTS.chair.password);
    const closed = await chair.callAction('app/chair/actions.ts#closeRound', [{ confirmMissing: true }]);
    expect(closed.result, JSON.stringify(closed.result)).toMatchObject({ ok: true });
    const v = verify(s, ack, run, ['best_film']);
    const busy = /SQLITE_BUSY|database is locked/.test(s.log());
    await s.stop();
    expect(busy).toBe(false);
    expect(run.errors.slice(0, 10)).toEqual([]);
    expect(v).toMatchObject({ lost: 0, phantom: 0, dupes: 0, tallyMismatches: 0 });
    expect(v.nominationsChecked).toBe(1);
    expect(v.checked).toBe(bestFilm.length);
    expect(run.submitted.size).toBe(N); // one ballot (best film) per juror
    record('3b-concurrent-crowd', {
      title: `Concurrent jurors: ${N} simulated jurors at once`,
      claim: `${N} jurors created in the database (argon2id hashes from lib/auth/password.ts) sign in, score every Best Film candidate (20% changed once) and submit, all at once over HTTP; acknowledged saves = stored scores; tally = our own means.`,
      ms: Date.now() - t0,
      rows: {
        'jurors': N, 'saves sent': run.saves, 'saves acknowledged': run.acks, 'ballots submitted': run.submitted.size,
        '500 / unexpected / refused saves': run.errors.length, 'SQLITE_BUSY in the server log': busy ? 'yes' : 'no',
        'lost writes': v.lost, 'stored but never acknowledged': v.phantom, 'duplicate rows': v.dupes,
        'tally rows checked': v.checked, 'tally mismatches': v.tallyMismatches,
        'throughput (saves/s)': Math.round(run.saves / (runMs / 1000)),
        'save latency p50 / p95 / max (ms)': `${percentile(run.latencies, 50)} / ${percentile(run.latencies, 95)} / ${percentile(run.latencies, 100)}`,
      },
    });
  });
});
