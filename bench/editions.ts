// Issue 23, "scale, measured": one database file holding 10 editions × 5 juries serves the current jury as
// fast as a fresh one. In-process (no HTTP, no framework), the app's pragmas, the same process measuring
// both files interleaved: the juror's save (the action with its transaction and audit entry), the ballot
// page's reads, the organisers' progress, the live counts' facts and the chair's checked tally.
//   node --conditions react-server --import tsx bench/editions.ts   (npm run bench:editions)
import type Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import * as schema from '@/db/schema';
import type { DB } from '@/db';
import { executeAction } from '@/lib/server/action';
import { saveScoreSpec } from '@/lib/ballot/specs';
import { ballotView } from '@/lib/ballot/queries';
import { votingProgress } from '@/lib/admin/progress';
import { readLiveFacts } from '@/lib/live/facts';
import { checkedTally } from '@/lib/count/checked-tally';
import { findSessionUser, type SessionUser } from '@/lib/auth/users';
import { demoDb, setPhase } from './lib/db';
import { fmt, machine, median, ms, ratio, table, today, writeSection } from './lib/report';

const EDITIONS = 10;
const JURIES = 5;
const FILMS = 23;
const ROUNDS = 7;
const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];

/**
 * Moves the demo's edition to the newest place (it stays the one served) and fills the other 49 juries of
 * 10 editions with generated films, nominations, candidates and every juror's submitted ballots.
 */
function history(sqlite: Database.Database): { scores: number } {
  const jurors = sqlite.prepare("select id from user where role != 'organiser' order by id").pluck().all() as number[];
  sqlite.pragma('foreign_keys = OFF'); // renumbering the demo's edition: its jury follows in the same step
  sqlite.prepare('update edition set id = ? where id = 1').run(EDITIONS);
  sqlite.prepare('update jury set edition_id = ? where edition_id = 1').run(EDITIONS);
  sqlite.pragma('foreign_keys = ON');
  const ed = sqlite.prepare("insert into edition (id, name, city) values (?, ?, 'Qingdao')");
  const ju = sqlite.prepare("insert into jury (edition_id, slug, phase, final_hash) values (?, ?, ?, ?)");
  const fi = sqlite.prepare("insert into film (jury_id, original_title, english_title, director, country, position) values (?, ?, ?, ?, 'KZ', ?)");
  const no = sqlite.prepare("insert into nomination (jury_id, code, position, kind, round, exempt_one_award) values (?, ?, ?, ?, 'main', ?)");
  const ca = sqlite.prepare('insert into candidate (nomination_id, film_id, person) values (?, ?, ?)');
  const sc = sqlite.prepare('insert into score (juror_id, candidate_id, steps) values (?, ?, ?)');
  const ba = sqlite.prepare("insert into ballot (juror_id, nomination_id, submitted_at, receipt, salt) values (?, ?, '2026-06-01T10:00:00.000Z', ?, 'salt')");
  const bs = sqlite.prepare('insert into ballot_score (ballot_id, candidate_id, steps) values (?, ?, ?)');
  const de = sqlite.prepare("insert into decision (jury_id, kind, round, counted) values (?, 'close_round', 'main', '{}')");
  let scores = 0;
  sqlite.transaction(() => {
    for (let e = 1; e <= EDITIONS; e++) {
      if (e < EDITIONS) ed.run(e, `Generated edition ${e}`);
      for (let j = e === EDITIONS ? 1 : 0; j < JURIES; j++) {
        const published = e < EDITIONS;
        const jury = Number(ju.run(e, `gen${j}`, published ? 'published' : 'voting', published ? 'x'.repeat(64) : null).lastInsertRowid);
        const films = Array.from({ length: FILMS }, (_, f) => Number(fi.run(jury, `Film ${e}.${j}.${f}`, `Film ${e}.${j}.${f}`, `Director ${f}`, f + 1).lastInsertRowid));
        MAIN.forEach((code, k) => {
          const performance = code === 'best_actor' || code === 'best_actress';
          const nom = Number(no.run(jury, code, k + 1, performance ? 'performance' : 'film', performance ? 1 : 0).lastInsertRowid);
          const cands = films.map((f, i) => Number(ca.run(nom, f, code === 'best_film' ? null : `Person ${i}`).lastInsertRowid));
          jurors.forEach((u, x) => {
            const ballot = Number(ba.run(u, nom, `r${jury}.${nom}.${u}`).lastInsertRowid);
            cands.forEach((c, i) => { const s = (x + i) % 10; sc.run(u, c, s); bs.run(ballot, c, s); scores++; });
          });
        });
        if (published) de.run(jury);
      }
    }
  })();
  return { scores };
}

interface Arranged { name: string; db: DB; sqlite: Database.Database; juror: SessionUser; candidates: number[] }

async function arrange(name: string, big: boolean): Promise<Arranged & { scores: number }> {
  const { sqlite } = await demoDb(`editions-${name}`);
  const { scores } = big ? history(sqlite) : { scores: 0 };
  setPhase(sqlite, 'voting');
  sqlite.pragma('optimize');
  const db = drizzle(sqlite, { schema }) as unknown as DB;
  const jurorId = sqlite.prepare("select id from user where login = 'azimov'").pluck().get() as number;
  const candidates = sqlite.prepare("select c.id from candidate c join nomination n on n.id = c.nomination_id where n.jury_id = 1 and n.code = 'best_film' order by c.id").pluck().all() as number[];
  return { name, db, sqlite, juror: findSessionUser(db, jurorId)!, candidates, scores };
}

type Work = (a: Arranged, i: number) => unknown;
const WORK: Record<string, { per: number; run: Work }> = {
  'save a score (action, transaction, audit entry)': {
    per: 200,
    run: (a, i) => { const out = executeAction(saveScoreSpec, a.juror, { candidateId: a.candidates[i % a.candidates.length], value: 1 + (i % 10) }, a.db); if (!out.ok) throw new Error(JSON.stringify(out)); },
  },
  'the ballot page’s reads (Best Film)': { per: 20, run: (a) => ballotView(a.db, a.juror, 'best_film') },
  'the organisers’ progress': { per: 10, run: (a) => votingProgress(a.db) },
  'the live counts’ facts': { per: 10, run: (a) => readLiveFacts(a.db) },
  'the chair’s checked tally': { per: 3, run: (a) => checkedTally(a.db) },
};

function timeEach(a: Arranged, work: Work, n: number, offset: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) work(a, offset + i);
  return (performance.now() - t0) / n;
}

async function main() {
  const fresh = await arrange('fresh', false);
  const big = await arrange('big', true);
  const size = (a: Arranged) => (a.sqlite.pragma('page_count', { simple: true }) as number) * (a.sqlite.pragma('page_size', { simple: true }) as number);
  const rows: string[][] = [];
  for (const [what, { per, run }] of Object.entries(WORK)) {
    const times: Record<'fresh' | 'big', number[]> = { fresh: [], big: [] };
    for (let i = 0; i < 3; i++) { run(fresh, i); run(big, i); } // warm the statements
    // Interleaved rounds, so that the machine's load falls on both files alike.
    for (let r = 0; r < ROUNDS; r++) {
      times.fresh.push(timeEach(fresh, run, per, r * per));
      times.big.push(timeEach(big, run, per, r * per));
    }
    const f = median(times.fresh);
    const b = median(times.big);
    rows.push([what, ms(f), ms(b), ratio(b, f)]);
    console.log(`${what.padEnd(48)} fresh ${ms(f).padStart(7)} ms  10×5 ${ms(b).padStart(7)} ms  ${ratio(b, f)}`);
  }
  writeSection('editions', [
    '## 7. One file, many editions: the current jury’s speed',
    '',
    `Run ${today()}; ${machine()}.`,
    '',
    `\`npm run bench:editions\`: the demo festival in a fresh file, beside the same festival in a file that also holds ` +
      `${EDITIONS} editions × ${JURIES} juries (the demo's edition the newest, 49 generated juries of ${FILMS} films, five ` +
      `main nominations and 12 jurors' submitted ballots each: ${big.scores.toLocaleString('en')} scores more; ` +
      `${fmt(size(fresh) / 2 ** 20)} MiB against ${fmt(size(big) / 2 ** 20)} MiB). In one process, the two files measured ` +
      `in turn, ${ROUNDS} rounds each; medians per operation.`,
    '',
    table(['operation on the current jury', 'fresh file, ms', '10 editions × 5 juries, ms', 'ratio'], rows),
  ].join('\n'));
}

main().then(() => process.exit(0), (e) => { console.error(e); process.exit(1); });
