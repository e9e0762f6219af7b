// Benchmark 3: finalise end to end at the large-jury size. The chair's finalise server action over
// HTTP against the production server (scripts/server.ts), from the POST to the stored awards, on a database arranged directly:
// 100 jury members (99 jurors and the chair) × 200 candidates × 6 main nominations, every ballot
// submitted, the main round closed, no special nomination, and a distinct mean per candidate (no ties).
// Baseline in the same run: the pure tally of the same input in-process.
//   npm run bench:finalise
import { createHash, randomBytes } from 'node:crypto';
import path from 'node:path';
import { openDatabase } from '@/lib/database';
import { canonicalJson } from '@/lib/canonical';
import { hashPassword } from '@/lib/auth/password';
import { buildTallyInput, publicBallots } from '@/lib/count/tally-input';
import { newAnonId } from '@/lib/count/anon-ids';
import { tally } from '@/lib/tally';
import { machine, median, ms, ratio, table, today, writeSection } from './lib/report';
import { actionId, ensureBuild, login, startApp, tempDir } from './lib/server';

const JURY = 100;
const CANDIDATES = 200;
const NOMINATIONS = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress', 'best_cinematography'];
const RUNS = 5;
const PASSWORD = 'bench-chair-password';

async function arrange(file: string) {
  const { sqlite, db } = openDatabase(file);
  const hash = await hashPassword(PASSWORD);
  const t0 = Date.now();
  sqlite.transaction(() => {
    sqlite.prepare("insert into edition (id, name, city) values (1, 'Bench festival', 'Qingdao')").run();
    sqlite.prepare("insert into jury (id, edition_id, slug, phase, method) values (1, 1, 'main', 'main_closed', 'mean')").run();
    const film = sqlite.prepare("insert into film (jury_id, original_title, english_title, director, country, position) values (1, ?, ?, ?, ?, ?)");
    const films = Array.from({ length: CANDIDATES }, (_, i) => Number(film.run(`Film ${i + 1}`, `Film ${i + 1}`, `Director ${i + 1}`, ['CN', 'KZ', 'RU', 'IN'][i % 4], i + 1).lastInsertRowid));
    const nom = sqlite.prepare("insert into nomination (jury_id, code, position, kind, round, exempt_one_award) values (1, ?, ?, ?, 'main', ?)");
    const cand = sqlite.prepare('insert into candidate (nomination_id, film_id, person) values (?, ?, ?)');
    const noms = NOMINATIONS.map((code, k) => {
      const performance = code === 'best_actor' || code === 'best_actress';
      const id = Number(nom.run(code, k + 1, performance ? 'performance' : 'film', performance ? 1 : 0).lastInsertRowid);
      const cands = films.map((f, i) => Number(cand.run(id, f, code === 'best_film' ? null : `Person ${k}-${i}`).lastInsertRowid));
      return { id, cands };
    });
    const user = sqlite.prepare("insert into user (login, display_name, role, password_hash) values (?, ?, ?, ?)");
    const jury = Array.from({ length: JURY }, (_, j) => Number(user.run(j === 0 ? 'benchchair' : `juror${String(j).padStart(3, '0')}`, `Jury member ${j}`, j === 0 ? 'chair' : 'juror', hash).lastInsertRowid));
    const score = sqlite.prepare('insert into score (juror_id, candidate_id, steps) values (?, ?, ?)');
    const ballot = sqlite.prepare('insert into ballot (juror_id, nomination_id, submitted_at, receipt, salt) values (?, ?, ?, ?, ?)');
    const at = new Date().toISOString();
    noms.forEach(({ id, cands }, k) => {
      cands.forEach((c, i) => {
        // A distinct sum per candidate (150 + 3·rank), spread over the jury as evenly as whole scores allow.
        const rank = (i * 37 + k * 11) % CANDIDATES;
        const sum = 150 + 3 * rank;
        const base = Math.floor(sum / JURY);
        const extra = sum % JURY;
        jury.forEach((j, n) => score.run(j, c, base + ((n + i) % JURY < extra ? 1 : 0) - 1)); // stored as steps above 1
      });
      for (const j of jury) ballot.run(j, id, at, randomBytes(16).toString('hex'), randomBytes(16).toString('hex'));
    });
    // Each ballot's submitted snapshot, which the tally reads (whole steps above the scale's minimum of 1).
    sqlite.prepare(`insert into ballot_score (ballot_id, candidate_id, steps)
      select b.id, s.candidate_id, cast(s.value - 1 as integer) from ballot b
      join candidate c on c.nomination_id = b.nomination_id join score s on s.juror_id = b.juror_id and s.candidate_id = c.id`).run();
  })();
  console.log(`arranged ${JURY} × ${CANDIDATES} × ${NOMINATIONS.length} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return { sqlite, db };
}

async function main() {
  ensureBuild();
  const finaliseId = actionId('app/chair/actions.ts#finalise');
  const dir = tempDir('finalise');
  const file = path.join(dir, 'jury.db');
  const { sqlite, db } = await arrange(file);
  const scores = sqlite.prepare('select count(*) from score').pluck().get() as number;

  // Baseline: the pure tally of the same input, in this process; and the whole of finalise's work
  // without HTTP or the framework (read the input, tally, anonymise, tally again, hash).
  const input = buildTallyInput(db);
  const check = tally(input);
  const undecided = check.nominations.filter((n) => n.status !== 'decided');
  if (undecided.length) throw new Error(`arranged festival is not decided: ${undecided.map((n) => n.code).join(', ')}`);
  for (let i = 0; i < 3; i++) tally(input);
  const pure: number[] = [];
  const inProcess: number[] = [];
  for (let i = 0; i < 9; i++) {
    let t0 = performance.now();
    tally(input);
    pure.push(performance.now() - t0);
    t0 = performance.now();
    const inp = buildTallyInput(db);
    tally(inp);
    // Finalise stores a random id per ballot (lib/count/anon-ids.ts); here they live in a map.
    const ids = new Map<string, string>();
    const pub = publicBallots(inp, ({ juror, nomination }) => ids.get(`${juror}\n${nomination}`) ?? ids.set(`${juror}\n${nomination}`, newAnonId()).get(`${juror}\n${nomination}`)!);
    createHash('sha256').update(canonicalJson({ input: pub, output: tally(pub) })).digest('hex');
    inProcess.push(performance.now() - t0);
  }

  const server = await startApp(file);
  const http: number[] = [];
  let awards = 0;
  try {
    const cookie = await login(server.base, 'benchchair', PASSWORD);
    for (let run = 0; run <= RUNS; run++) {
      // Each run starts from the closed round again (the first run, on a cold server, is reported apart).
      sqlite.prepare('delete from award where 1 = 1').run();
      sqlite.prepare("update jury set phase = 'main_closed', final_hash = null where id = 1").run();
      const t0 = performance.now();
      const res = await fetch(`${server.base}/chair`, {
        method: 'POST',
        headers: { 'next-action': finaliseId, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', origin: server.base, cookie },
        body: '[{}]',
      });
      const body = await res.text();
      const dt = performance.now() - t0;
      if (res.status !== 200 || !body.includes('"ok":true')) throw new Error(`finalise failed: HTTP ${res.status} ${body.slice(0, 500)}`);
      awards = sqlite.prepare('select count(*) from award').pluck().get() as number;
      const phase = sqlite.prepare('select phase from jury where id = 1').pluck().get();
      if (awards < NOMINATIONS.length || phase !== 'finalised') throw new Error(`finalise stored ${awards} awards, phase ${String(phase)}`);
      http.push(dt);
      console.log(`finalise run ${run}${run === 0 ? ' (cold)' : ''}: ${ms(dt)} ms, ${awards} awards stored, ${(body.length / 1024).toFixed(0)} KiB response`);
    }
  } finally {
    await server.stop();
    sqlite.close();
  }

  const warm = median(http.slice(1));
  const lines = ['## 3. Finalise end to end (large jury)', '', `Run ${today()} on ${machine()}.`, ''];
  lines.push(
    `The chair's finalise server action (\`app/chair/actions.ts#finalise\`, posted to \`/chair\`) over HTTP against the production server (\`scripts/server.ts\`, as \`npm start\` runs it), timed from ` +
      `the POST to the end of the response, on a database arranged directly: ${JURY} jury members (the chair and ${JURY - 1} jurors) × ` +
      `${CANDIDATES} candidates × ${NOMINATIONS.length} main nominations = ${scores.toLocaleString('en')} scores, every ballot submitted, ` +
      `phase main_closed, no special nomination, a distinct mean per candidate (no ties), method mean. Each run resets the awards and the ` +
      `phase from a second connection; after each, the awards rows (${awards}) and phase finalised were checked. The response includes ` +
      `the re-render of /chair that the action's revalidation asks for. Baseline in the same run: the pure \`tally(input)\` of the same ` +
      `input in-process; for the breakdown, also finalise's whole work in-process without HTTP (buildTallyInput, tally, anonymise, ` +
      `tally again, hash).`,
    '',
  );
  lines.push(
    table(
      ['what', 'median ms', 'runs', 'min – max ms', 'ratio to the pure tally'],
      [
        ['finalise over HTTP, warm', ms(warm), RUNS, `${ms(Math.min(...http.slice(1)))} – ${ms(Math.max(...http.slice(1)))}`, ratio(warm, median(pure))],
        ['finalise over HTTP, first call on a fresh server', ms(http[0]), 1, '', ratio(http[0], median(pure))],
        ['finalise\'s work in-process (read, tally, anonymise, tally, hash)', ms(median(inProcess)), inProcess.length, `${ms(Math.min(...inProcess))} – ${ms(Math.max(...inProcess))}`, ratio(median(inProcess), median(pure))],
        ['pure tally in-process (baseline)', ms(median(pure)), pure.length, `${ms(Math.min(...pure))} – ${ms(Math.max(...pure))}`, '1.00×'],
      ],
    ),
    '',
  );
  writeSection('finalise', lines.join('\n'));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
