// Issue 23, "scale, measured": five juries of one edition voting at once on one server and one file. The
// demo festival's main competition (its 12 members) beside four generated competitions (tests/juries.ts:
// 23 generated films, the demo's nominations, 12 generated members each), in one database file:
//  1. saves: the real score-save action over HTTP against the production server, each juror signed in and
//     working in its own jury (the jury's address, /e/<edition>/<jury>, sets the choice as a person's
//     browser keeps it), the same client, measure and baselines as bench/save.ts (the no-op action, the
//     bare node:http + SQLite server), at one jury of 12 and at five juries of 12 (60 jurors) in the same
//     run, slices taking turns; after the run, every score is checked to sit in its juror's own jury;
//  2. tallies: every member's ballots submitted in every jury, then each jury's tally (the pure engine
//     on its input, and the chair's checked tally, which reads it from the file) against the SQL GROUP BY
//     mean of bench/tally.ts over the same jury's rows, for the demo jury alone in a one-jury file and for
//     each of the five juries in the five-jury file, rounds interleaved.
//   npm run bench:juries [-- --seconds 10 --warmup 3 --slices 3 --rounds 7]   (--tallies: the tallies only, printed, no doc written)
import fs from 'node:fs';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '@/db/schema';
import type { DB } from '@/db';
import { hashPassword } from '@/lib/auth/password';
import { checkedTally } from '@/lib/count/checked-tally';
import { buildTallyInput } from '@/lib/count/tally-input';
import { getFestival } from '@/lib/festival/phase';
import { inJury } from '@/lib/server/request-jury';
import { tally } from '@/lib/tally';
import { addJury } from '../tests/juries';
import { BENCH_PASSWORD, demoDb, setPhase } from './lib/db';
import { load, merge, type LoadResult, type Request } from './lib/load';
import { fmt, machine, mark, median, ms, ratio, table, today, writeSection } from './lib/report';
import { actionId, ensureBuild, login, pool, startApp, startBare, tempDir } from './lib/server';

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const SECONDS = arg('seconds', 10);
const WARMUP = arg('warmup', 3);
const ROUNDS = arg('rounds', 7);
const SLICES = arg('slices', 3);
const GENERATED = 4;
const MEMBERS = 12;
const FILMS = 23;

interface Juror { login: string; id: number; country: string | null }
interface BenchJury { id: number; label: string; address: string; members: Juror[]; candidates: { id: number; country: string }[] }

/**
 * The demo's jury and `generated` generated ones in one file: each generated jury's 12 members are new
 * accounts (never the festival's people), its first the chair. The demo's own 12 members sign in with
 * the benchmark's password (set on this temporary copy only). Every jury in voting.
 */
async function arrange(name: string, generated: number): Promise<{ file: string; sqlite: Database.Database; db: DB; juries: BenchJury[] }> {
  const { file, sqlite, db } = await demoDb(name);
  setPhase(sqlite, 'voting');
  const hash = await hashPassword(BENCH_PASSWORD);
  const others = Array.from({ length: generated }, (_, k) => addJury(db, { edition: 'same', films: FILMS, slug: `generated-${k + 1}`, phase: 'voting' }).juryId);
  const insertUser = sqlite.prepare("insert into user (login, display_name, role, password_hash, country) values (?, ?, 'juror', ?, null)");
  const seat = sqlite.prepare('insert into jury_member (jury_id, user_id, role) values (?, ?, ?)');
  sqlite.transaction(() => {
    sqlite.prepare("update user set password_hash = ? where role != 'organiser'").run(hash);
    others.forEach((juryId, k) => {
      for (let i = 1; i <= MEMBERS; i++) {
        const id = Number(insertUser.run(`gen${k + 1}-member-${String(i).padStart(2, '0')}`, `Generated member ${i}`, hash).lastInsertRowid);
        seat.run(juryId, id, i === 1 ? 'chair' : 'juror');
      }
    });
  })();
  const juries = (sqlite.prepare('select j.id, j.slug, e.slug as edition from jury j join edition e on e.id = j.edition_id order by j.id').all() as { id: number; slug: string; edition: string }[]).map((j) => ({
    id: j.id,
    label: j.id === 1 ? 'demo (main competition)' : `generated ${j.slug.replace('generated-', '')}`,
    address: `/e/${j.edition}/${j.slug}`,
    members: sqlite.prepare('select u.login, u.id, u.country from user u join jury_member m on m.user_id = u.id where m.jury_id = ? order by u.id').all(j.id) as Juror[],
    candidates: sqlite.prepare("select c.id, f.country from candidate c join nomination n on n.id = c.nomination_id join film f on f.id = c.film_id where n.jury_id = ? and n.round = 'main' order by c.id").all(j.id) as { id: number; country: string }[],
  }));
  for (const j of juries) if (j.members.length !== MEMBERS || j.candidates.length === 0) throw new Error(`jury ${j.label}: ${j.members.length} members, ${j.candidates.length} candidates`);
  return { file, sqlite, db, juries };
}

/** What a juror may score: its jury's main candidates, less the films of its own country (recusal by nationality). */
const scorable = (j: BenchJury, u: Juror) => j.candidates.filter((c) => !u.country || c.country !== u.country).map((c) => c.id);

/** Signs in over HTTP and opens the jury's address, as a person's browser does; the cookie header the juror's requests carry. */
async function signIn(base: string, j: BenchJury, u: Juror): Promise<string> {
  const session = await login(base, u.login, BENCH_PASSWORD);
  const res = await fetch(`${base}${j.address}`, { redirect: 'manual', headers: { cookie: session } });
  await res.arrayBuffer();
  const chosen = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('jury='));
  if (res.status !== 303 || chosen !== `jury=${j.id}`) throw new Error(`${j.address} answered ${res.status} ${chosen ?? 'without the jury cookie'}`);
  return `${session}; ${chosen}`;
}

type Row = { point: string; users: number; system: string; result: LoadResult };

/** Completed requests per jury of 12 (the users are the juries' members in jury order). */
const perJury = (r: LoadResult) => Array.from({ length: r.perUser.length / MEMBERS }, (_, k) => r.perUser.slice(k * MEMBERS, (k + 1) * MEMBERS).reduce((a, n) => a + n, 0));

async function saves(): Promise<{ rows: Row[]; check: string[]; scores: Record<string, number> }> {
  const saveId = actionId('app/jury/actions.ts#saveScore');
  const noopId = actionId('app/bench/actions.ts#noop');
  const arranged = await arrange('juries-save', GENERATED);
  arranged.sqlite.close();
  // The bare server writes a copy of the same file (the same jurors and candidates): the machine's limit.
  const bareFile = path.join(tempDir('juries-bare'), 'jury.db');
  fs.copyFileSync(arranged.file, bareFile);
  const users = arranged.juries.flatMap((j) => j.members.map((u) => ({ jury: j, juror: u, candidates: scorable(j, u) })));
  const demoUsers = users.filter((x) => x.jury.id === 1);

  const app = await startApp(arranged.file);
  const bare = await startBare('bench/bare-server.ts', { JURY_DB: bareFile });
  const rows: Row[] = [];
  try {
    const t0 = Date.now();
    const cookies = await pool(users, 4, (x) => signIn(app.base, x.jury, x.juror));
    console.log(`signed in ${cookies.length} jurors, each in its jury, in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const origin = `http://127.0.0.1:${app.port}`;
    const rnd = (n: number) => Math.floor(Math.random() * n);
    const headers = (id: string, cookie: string) => ({ 'next-action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin, cookie });
    const ok = (s: number, b: string) => s === 200 && b.includes('"ok":true');
    // The one-jury point is the demo's 12 members (the first 12 users); the five-jury point all 60.
    const systems = (who: typeof users) => [
      { name: 'no-op server action (baseline a)', port: app.port, next: (u: number): Request => ({ path: '/bench', headers: headers(noopId, cookies[u]), body: '[null]' }) },
      {
        name: 'score save (our action)',
        port: app.port,
        next: (u: number): Request => ({ path: '/jury/best_film', headers: headers(saveId, cookies[u]), body: JSON.stringify([{ candidateId: who[u].candidates[rnd(who[u].candidates.length)], value: 1 + rnd(10) }]) }),
      },
      {
        name: 'bare node:http + SQLite (baseline b)',
        port: bare.port,
        next: (u: number): Request => ({ path: '/save', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ jurorId: who[u].juror.id, candidateId: who[u].candidates[rnd(who[u].candidates.length)], value: 1 + rnd(10) }) }),
      },
    ];
    const points = [
      { point: '1 jury × 12', who: demoUsers },
      { point: `${arranged.juries.length} juries × 12`, who: users },
    ];
    const parts = new Map<string, { point: string; users: number; system: string; parts: LoadResult[] }>();
    // Slices taking turns across both points and all three systems, so that a change in the machine's
    // load falls on every figure alike.
    for (let slice = 0; slice < SLICES; slice++) {
      for (const { point, who } of points) {
        for (const sys of systems(who)) {
          const r = await load({ port: sys.port, users: who.length, warmupMs: (WARMUP * 1000) / SLICES, durationMs: (SECONDS * 1000) / SLICES, next: sys.next, ok });
          const key = `${point}|${sys.name}`;
          const entry = parts.get(key) ?? { point, users: who.length, system: sys.name, parts: [] };
          entry.parts.push(r);
          parts.set(key, entry);
        }
      }
    }
    for (const { point, users: n, system, parts: p } of parts.values()) {
      const result = merge(p);
      rows.push({ point, users: n, system, result });
      console.log(`${point.padEnd(14)} ${system.padEnd(38)} ${fmt(result.throughput, 0).padStart(6)} req/s  p50 ${ms(result.p50)} ms  p99 ${ms(result.p99)} ms  errors ${result.errors}`);
      for (const e of result.errorSamples) console.log(`    error: ${e}`);
    }
    for (const r of rows.filter((x) => x.users > MEMBERS)) console.log(`served per jury, ${r.system}: ${perJury(r.result).join(' / ')}`);
  } finally {
    await app.stop();
    await bare.stop();
  }

  // Each save landed in its own jury: no score of a juror on a candidate of a jury it does not sit on,
  // and every juror of every jury has scores there (its saves reached its own jury's candidates).
  const { openDatabase } = await import('@/lib/database');
  const h = openDatabase(arranged.file);
  try {
    const stray = h.sqlite.prepare(`select count(*) from score s join candidate c on c.id = s.candidate_id join nomination n on n.id = c.nomination_id
      left join jury_member m on m.user_id = s.juror_id and m.jury_id = n.jury_id where m.id is null`).pluck().get() as number;
    const per = h.sqlite.prepare(`select n.jury_id as jury, count(*) as scores, count(distinct s.juror_id) as jurors from score s join candidate c on c.id = s.candidate_id
      join nomination n on n.id = c.nomination_id group by n.jury_id order by n.jury_id`).all() as { jury: number; scores: number; jurors: number }[];
    const saved = h.sqlite.prepare("select count(*) from audit where action = 'ballot.save_score'").pluck().get() as number;
    // Acknowledged saves per jury (the demo jury's include the one-jury point's): under a saturated server
    // they also show whether the juries were served alike.
    const savedIn = h.sqlite.prepare("select count(*) from audit a join jury_member m on m.user_id = a.actor_id where a.action = 'ballot.save_score' and m.jury_id = ?").pluck();
    const check: string[] = [];
    const scores: Record<string, number> = {};
    if (stray !== 0) throw new Error(`${stray} scores landed in a jury their juror does not sit on`);
    for (const j of arranged.juries) {
      const row = per.find((r) => r.jury === j.id);
      if (!row || row.jurors !== MEMBERS) throw new Error(`jury ${j.label}: ${row?.jurors ?? 0} of its ${MEMBERS} jurors have scores in it`);
      scores[j.label] = row.scores;
    }
    check.push(
      `0 scores outside their juror's jury; all ${MEMBERS} members of each of the ${arranged.juries.length} juries have scores in their own jury ` +
        `(distinct score rows per jury: ${arranged.juries.map((j) => `${j.label} ${scores[j.label].toLocaleString('en')}`).join(', ')}); ` +
        `${saved.toLocaleString('en')} save entries in the audit log (per jury: ${arranged.juries.map((j) => `${j.label} ${(savedIn.get(j.id) as number).toLocaleString('en')}`).join(', ')}).`,
    );
    console.log(check[0]);
    return { rows, check, scores };
  } finally {
    h.sqlite.close();
  }
}

/** Every member's ballots submitted in every jury of the file: scores, snapshots and submissions, written directly. */
function submitAll(sqlite: Database.Database, juries: BenchJury[]): number {
  const noms = sqlite.prepare("select id from nomination where jury_id = ? and round = 'main' order by position");
  const cands = sqlite.prepare('select c.id, f.country from candidate c join film f on f.id = c.film_id where c.nomination_id = ? order by c.id');
  const sc = sqlite.prepare('insert into score (juror_id, candidate_id, steps) values (?, ?, ?)');
  const ba = sqlite.prepare("insert into ballot (juror_id, nomination_id, submitted_at, receipt, salt) values (?, ?, '2026-06-01T10:00:00.000Z', ?, 'salt')");
  const bs = sqlite.prepare('insert into ballot_score (ballot_id, candidate_id, steps) values (?, ?, ?)');
  let n = 0;
  sqlite.transaction(() => {
    for (const j of juries) {
      for (const nom of noms.pluck().all(j.id) as number[]) {
        const list = cands.all(nom) as { id: number; country: string }[];
        j.members.forEach((u, x) => {
          const ballot = Number(ba.run(u.id, nom, `r${nom}.${u.id}`).lastInsertRowid);
          list.forEach((c, i) => {
            if (u.country && c.country === u.country) return; // recused by nationality: not on the ballot
            const steps = (x * 3 + i * 7 + nom) % 10;
            sc.run(u.id, c.id, steps);
            bs.run(ballot, c.id, steps);
            n++;
          });
        });
      }
    }
  })();
  sqlite.pragma('optimize');
  return n;
}

type TallyWhat = 'sql' | 'engine' | 'checked';
interface TallyRow { file: string; jury: string; scores: number; times: Record<TallyWhat, number[]> }

async function tallies(): Promise<{ rows: TallyRow[]; sizes: Record<string, number> }> {
  const one = await arrange('juries-tally-one', 0);
  const five = await arrange('juries-tally-five', GENERATED);
  const sizes = { one: submitAll(one.sqlite, one.juries), five: submitAll(five.sqlite, five.juries) };
  const cases = [
    ...one.juries.map((j) => ({ file: 'one jury', a: one, j })),
    ...five.juries.map((j) => ({ file: `${five.juries.length} juries`, a: five, j })),
  ].map(({ file, a, j }) => {
    const db = drizzle(a.sqlite, { schema }) as unknown as DB;
    // bench/tally.ts's baseline, over this jury's rows of the shared score table.
    const sql = a.sqlite.prepare(`select s.candidate_id, avg(s.steps) as mean, count(*) as n from score s join candidate c on c.id = s.candidate_id
      join nomination n on n.id = c.nomination_id where n.jury_id = ? group by s.candidate_id`);
    const input = inJury(j.id, () => buildTallyInput(db));
    if (inJury(j.id, () => getFestival(db).id) !== j.id) throw new Error(`jury ${j.label} is not the one served in its own run`);
    const run: Record<TallyWhat, () => unknown> = {
      sql: () => sql.all(j.id),
      engine: () => tally(input),
      checked: () => { const c = inJury(j.id, () => checkedTally(db)); if (!c.ok) throw new Error(`${j.label}: ${JSON.stringify(c.problems)}`); return c; },
    };
    return { row: { file, jury: j.label, scores: input.scores.length, times: { sql: [], engine: [], checked: [] } } as TallyRow, run };
  });
  const per: Record<TallyWhat, number> = { sql: 20, engine: 20, checked: 5 };
  for (const c of cases) for (const w of Object.keys(per) as TallyWhat[]) for (let i = 0; i < 3; i++) c.run[w](); // warm the statements and the JIT
  // Interleaved rounds: every jury of both files in each round, so that the machine's load falls on all alike.
  for (let r = 0; r < ROUNDS; r++) {
    for (const c of cases) {
      for (const w of Object.keys(per) as TallyWhat[]) {
        const t0 = performance.now();
        for (let i = 0; i < per[w]; i++) c.run[w]();
        c.row.times[w].push((performance.now() - t0) / per[w]);
      }
    }
  }
  for (const c of cases) {
    const m = (w: TallyWhat) => median(c.row.times[w]);
    console.log(`${c.row.file.padEnd(9)} ${c.row.jury.padEnd(24)} sql ${ms(m('sql'))} ms  engine ${ms(m('engine'))} ms (${ratio(m('engine'), m('sql'))})  checked ${ms(m('checked'))} ms (${ratio(m('checked'), m('sql'))})`);
  }
  one.sqlite.close();
  five.sqlite.close();
  return { rows: cases.map((c) => c.row), sizes };
}

async function main() {
  // --tallies: only the tallies, printed, nothing written (they need no build or server).
  if (process.argv.includes('--tallies')) {
    await tallies();
    return;
  }
  ensureBuild();
  const s = await saves();
  const t = await tallies();
  report(s, t);
}

function report(s: Awaited<ReturnType<typeof saves>>, t: Awaited<ReturnType<typeof tallies>>) {
  const lines = ['## 8. Five juries voting at once', '', `Run ${today()}; ${machine()}.`, ''];
  lines.push(
    '`npm run bench:juries`: one database file holding the demo festival’s main competition (its 12 members) and four generated ' +
      `competitions of the same edition (tests/juries.ts: ${FILMS} generated films, the demo's nominations, 12 generated members each, ` +
      'the first its chair), every jury in voting. **Saves:** the real score-save action over HTTP against the production server ' +
      '(`scripts/server.ts`), each juror signed in over HTTP and working in its own jury through the jury’s address ' +
      '(`/e/<edition>/<jury>`, whose cookie its every request then carries), each saving a random valid score for a random ' +
      'main candidate of its own jury that it is not recused from; the same closed-loop client, measure and baselines as ' +
      `section 1 (no-op action on the same server; the bare node:http + SQLite server, on a copy of the same file). Per point ${SECONDS} s ` +
      `measured in ${SLICES} slices each after a ${fmt(WARMUP / SLICES)} s warm-up, the two points and three systems taking turns slice by slice.`,
    '',
  );
  const get = (point: string, sys: string) => s.rows.find((r) => r.point === point && r.system.startsWith(sys))!.result;
  lines.push(
    table(
      ['point', 'concurrent jurors', 'system', 'requests/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'completed', 'errors'],
      s.rows.map(({ point, users, system, result: r }) => [point, users, system, fmt(r.throughput, 0), ms(r.p50), ms(r.p90), ms(r.p99), ms(r.max), r.completed, r.errors]),
    ),
    '',
    `**Each save in its own jury** (checked on the file after the run): ${s.check.join(' ')}`,
    '',
    'Completed requests per jury at the five-jury point (each jury’s 12 users; for the no-op and the bare server the same users in the same order):',
    '',
    table(['system', ...s.rows.find((r) => r.users > MEMBERS)!.result.perUser.filter((_, u) => u % MEMBERS === 0).map((_, k) => (k === 0 ? 'demo jury' : `generated ${k}`))],
      s.rows.filter((r) => r.users > MEMBERS).map((r) => [r.system, ...perJury(r.result)])),
    '',
  );
  const points = [...new Set(s.rows.map((r) => r.point))];
  const targets: (string | number)[][] = [];
  for (const p of points) {
    const save = get(p, 'score save');
    const noop = get(p, 'no-op');
    const bare = get(p, 'bare');
    targets.push([p, 'save ÷ no-op throughput', ratio(save.throughput, noop.throughput), '≥ 0.80× (section 1)', mark(save.throughput >= 0.8 * noop.throughput)]);
    targets.push([p, 'save ÷ bare throughput', ratio(save.throughput, bare.throughput), '(reported)', '']);
    targets.push([p, 'save p99 ÷ no-op p99', ratio(save.p99, noop.p99), '(reported)', '']);
    targets.push([p, 'errors (save)', save.errors, '0', mark(save.errors === 0)]);
  }
  const [p1, p5] = points;
  const k1 = get(p1, 'score save').throughput / get(p1, 'no-op').throughput;
  const k5 = get(p5, 'score save').throughput / get(p5, 'no-op').throughput;
  targets.push([`${p5} against ${p1}`, 'ratio of the two save ÷ no-op ratios', ratio(k5, k1), '≥ 0.90× (the ratio kept, within a run’s noise)', mark(k5 >= 0.9 * k1)]);
  lines.push('### Saves: ratios', '', table(['point', 'figure', 'value', 'target', ''], targets), '');

  lines.push(
    '### Tallies',
    '',
    `The same arrangement in two fresh files, one with the demo jury alone and one with all five juries, every member's ballot of every ` +
      `main nomination submitted (scores, snapshots and submissions written directly; ${t.sizes.one.toLocaleString('en')} and ` +
      `${t.sizes.five.toLocaleString('en')} scores). Per jury: the pure engine \`tally(input)\` on its input (bench/tally.ts's figure), the ` +
      'chair’s checked tally (`checkedTally`: the input read from the file, then the tally), and bench/tally.ts’s baseline, SQLite’s ' +
      '`GROUP BY` mean, here over that jury’s rows of the shared score table (joined to its nominations). In one process, ' +
      `${ROUNDS} rounds, every jury of both files in each; medians per call.`,
    '',
  );
  const m = (r: TallyRow, w: TallyWhat) => median(r.times[w]);
  lines.push(
    table(
      ['file', 'jury', 'counted scores', 'SQL GROUP BY mean ms (baseline)', 'engine ms', 'engine ÷ SQL', 'checked tally ms', 'checked ÷ SQL'],
      t.rows.map((r) => [r.file, r.jury, r.scores.toLocaleString('en'), ms(m(r, 'sql')), ms(m(r, 'engine')), ratio(m(r, 'engine'), m(r, 'sql')), ms(m(r, 'checked')), ratio(m(r, 'checked'), m(r, 'sql'))]),
    ),
    '',
  );
  const alone = t.rows.find((r) => r.file === 'one jury')!;
  const demoIn5 = t.rows.find((r) => r.file !== 'one jury' && r.jury === alone.jury)!;
  const fiveRows = t.rows.filter((r) => r.file !== 'one jury');
  // The five juries' ratios by their median (one jury's figure in a loaded run moves by more than the
  // difference to be seen), and the worst, reported.
  const of5 = (w: TallyWhat) => fiveRows.map((r) => m(r, w) / m(r, 'sql'));
  const alone1 = (w: TallyWhat) => m(alone, w) / m(alone, 'sql');
  const kept = (w: TallyWhat) => median(of5(w)) / alone1(w);
  const tallyTargets: (string | number)[][] = [
    ['demo jury: checked tally, five-jury file ÷ one-jury file', ratio(m(demoIn5, 'checked'), m(alone, 'checked')), '(reported)', ''],
    ['engine ÷ SQL: median of the five juries ÷ the demo jury alone', `${ratio(kept('engine'), 1)} (${fmt(median(of5('engine')), 2)}× against ${fmt(alone1('engine'), 2)}×)`, '≤ 1.5× (the ratio kept)', mark(kept('engine') <= 1.5)],
    ['engine ÷ SQL: worst of the five juries', ratio(Math.max(...of5('engine')), 1), '(reported)', ''],
    ['checked ÷ SQL: median of the five juries ÷ the demo jury alone', `${ratio(kept('checked'), 1)} (${fmt(median(of5('checked')), 2)}× against ${fmt(alone1('checked'), 2)}×)`, '≤ 1.5× (the ratio kept)', mark(kept('checked') <= 1.5)],
    ['checked ÷ SQL: worst of the five juries', ratio(Math.max(...of5('checked')), 1), '(reported)', ''],
    ['all five juries’ checked tallies, one after another', `${ms(fiveRows.reduce((a, r) => a + m(r, 'checked'), 0))} ms`, '(reported)', ''],
  ];
  lines.push('### Tallies: ratios', '', table(['figure', 'value', 'target', ''], tallyTargets));
  writeSection('juries', lines.join('\n'));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
