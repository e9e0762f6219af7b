// One tally case in its own process, so that its memory is its own:
//   node --expose-gc --import tsx bench/tally/case.ts <case> <method|compare|sql>
// Prints one JSON line: run times (ms), peak RSS growth during the runs, heap growth of one run.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { compareMethods, tally, type Method } from '@/lib/tally';
import { CASES, festival, type CaseName } from './festivals';

const [name, what] = process.argv.slice(2) as [CaseName, Method | 'compare' | 'sql'];
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});

function status(field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`${field}:\\s+(\\d+) kB`).exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Number(m[1]) * 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Resets the kernel's peak-RSS mark (Linux), so the peak measured is the tally's, not the setup's. */
function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}

const runs = CASES[name].runs;
const input = festival(name, what === 'sql' || what === 'compare' ? 'mean' : what);
let run: () => unknown;
if (what === 'sql') {
  // The baseline: SQLite's GROUP BY mean over the same rows, pre-inserted into the app's score layout
  // (unique (juror_id, candidate_id), index on candidate_id). Only the query is timed.
  const db = new Database(':memory:');
  db.exec('create table score (id integer primary key, juror_id integer not null, candidate_id integer not null, value real); create unique index score_unique on score (juror_id, candidate_id); create index score_candidate on score (candidate_id);');
  const ins = db.prepare('insert into score (juror_id, candidate_id, value) values (?, ?, ?)');
  db.transaction(() => { for (const s of input.scores) ins.run(Number(s.juror), Number(s.candidate), s.value); })();
  db.exec('analyze');
  const q = db.prepare('select candidate_id, avg(value) as mean, count(*) as n from score group by candidate_id');
  run = () => q.all();
} else if (what === 'compare') {
  run = () => compareMethods(input);
} else {
  run = () => tally(input);
}
// Warm-up (JIT), not counted: at least 3 runs and 300 ms.
for (let i = 0, t0 = performance.now(); i < 3 || performance.now() - t0 < 300; i++) run();
gc();
gc();
const rssBefore = status('VmRSS');
const heapBefore = process.memoryUsage().heapUsed;
const canReset = resetPeak();
const times: number[] = [];
let heapGrowth = NaN;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const out = run();
  times.push(performance.now() - t0);
  if (i === 0) heapGrowth = process.memoryUsage().heapUsed - heapBefore; // no GC forced: allocations still on the heap
  void out;
}
const peak = canReset ? status('VmHWM') : process.resourceUsage().maxRSS * 1024;
console.log(JSON.stringify({ case: name, what, times, rssBefore, peakRss: peak, peakGrowth: peak - rssBefore, heapGrowth, scores: input.scores.length, peakIsTallyOnly: canReset }));
