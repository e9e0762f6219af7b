// Benchmark 2: the tally engine (lib/tally) on generated festivals at three sizes and with every
// method, each case in its own process (time: median of several runs; memory: the peak RSS growth
// during the runs), against a plain SQL GROUP BY mean over the same rows in SQLite.
//   npm run bench:tally
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { METHODS, parseTallyInput } from '@/lib/tally';
import { CASES, festival, type CaseName } from './tally/festivals';
import { fmt, machine, mark, median, ms, ratio, ROOT, table, today, writeSection } from './lib/report';

type What = (typeof METHODS)[number] | 'compare' | 'sql';
interface Out {
  case: CaseName;
  what: What;
  times: number[];
  rssBefore: number;
  peakRss: number;
  peakGrowth: number;
  heapGrowth: number;
  scores: number;
  peakIsTallyOnly: boolean;
}

function runCase(name: CaseName, what: What): Out {
  const r = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', path.join('bench', 'tally', 'case.ts'), name, what], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (r.status !== 0) throw new Error(`case ${name} ${what} failed:\n${r.stderr}`);
  const line = r.stdout.trim().split('\n').pop()!;
  return JSON.parse(line) as Out;
}

const mib = (b: number) => (Number.isFinite(b) ? (b / 2 ** 20).toFixed(1) : '—');

function main() {
  const results: Out[] = [];
  for (const name of Object.keys(CASES) as CaseName[]) {
    // The generated input is valid by the engine's own parser (checked once, not timed).
    const parsed = parseTallyInput(festival(name));
    if (!parsed.ok) throw new Error(`generated ${name} is invalid: ${JSON.stringify(parsed.errors.slice(0, 3))}`);
    const whats: What[] = ['sql', ...METHODS, ...(name === 'audience' ? [] : (['compare'] as const))];
    for (const what of whats) {
      const out = runCase(name, what);
      results.push(out);
      console.log(`${name.padEnd(9)} ${what.padEnd(16)} median ${ms(median(out.times)).padStart(7)} ms  (min ${ms(Math.min(...out.times))}, max ${ms(Math.max(...out.times))}, ${out.times.length} runs)  peak RSS +${mib(out.peakGrowth)} MiB  heap +${mib(out.heapGrowth)} MiB`);
    }
  }
  report(results);
}

function report(results: Out[]) {
  const get = (c: CaseName, w: What) => results.find((r) => r.case === c && r.what === w)!;
  const t = (c: CaseName, w: What) => median(get(c, w).times);
  const lines: string[] = ['## 2. The tally', ''];
  lines.push(`Run ${today()} on ${machine()}.`, '');
  lines.push(
    'The pure engine `tally(input)` (lib/tally) on generated festivals (bench/tally/festivals.ts: seeded; a film quality plus a juror ' +
      'leniency plus noise, on the 1–10 scale; one recusal; one-award rule on, performance awards exempt). Each case runs in its own ' +
      'process (`node --expose-gc`): one warm-up run, then the median of the runs listed. Memory: the growth of the peak resident set ' +
      'during the timed runs over the resident set before them (the kernel\'s peak mark is reset after the input is built, so the ' +
      'input itself is not counted), and the JS heap growth over one run with no GC forced (what that run allocated, less any collected). ' +
      '`compare` is `compareMethods(input)`, all five methods as the chair\'s comparison runs them. Baseline in the same run: SQLite ' +
      '(better-sqlite3, in memory) `select candidate_id, avg(value), count(*) from score group by candidate_id` over the same rows in ' +
      'the app\'s score layout (unique (juror_id, candidate_id), index on candidate_id), rows inserted beforehand, only the query timed.',
    '',
  );
  const rows: (string | number)[][] = [];
  for (const c of Object.keys(CASES) as CaseName[]) {
    for (const r of results.filter((x) => x.case === c)) {
      rows.push([
        CASES[c].label,
        r.what === 'sql' ? 'SQL GROUP BY mean (baseline)' : r.what,
        r.scores.toLocaleString('en'),
        ms(median(r.times)),
        `${ms(Math.min(...r.times))} – ${ms(Math.max(...r.times))}`,
        r.times.length,
        r.what === 'sql' ? '1.00×' : ratio(median(r.times), t(c, 'sql')),
        mib(r.peakGrowth),
        mib(r.heapGrowth),
        mib(r.peakRss),
      ]);
    }
  }
  lines.push(table(['festival', 'method', 'scores', 'median ms', 'min – max ms', 'runs', '÷ SQL mean', 'peak RSS growth MiB', 'heap growth MiB', 'peak RSS MiB'], rows), '');
  const worstScore = Math.max(...(['mean', 'trimmed_mean', 'median', 'normalized_mean'] as const).map((m) => t('audience', m)));
  const targets: (string | number)[][] = [
    ['Qingdao, slowest single method', `${ms(Math.max(...METHODS.map((m) => t('qingdao', m))))} ms`, '< 5 ms', mark(Math.max(...METHODS.map((m) => t('qingdao', m))) < 5)],
    ['audience, slowest score method', `${ms(worstScore)} ms`, '< 1000 ms', mark(worstScore < 1000)],
    ['audience, Schulze', `${ms(t('audience', 'schulze'))} ms`, '< 5000 ms', mark(t('audience', 'schulze') < 5000)],
  ];
  for (const c of Object.keys(CASES) as CaseName[]) {
    const k = t(c, 'mean') / t(c, 'sql');
    targets.push([`${c}: mean ÷ SQL GROUP BY mean`, `${fmt(k, 2)}× (${ms(t(c, 'mean'))} vs ${ms(t(c, 'sql'))} ms)`, '≤ 3×', mark(k <= 3)]);
  }
  lines.push('### Targets', '', table(['figure', 'value', 'target', ''], targets), '');
  writeSection('tally', lines.join('\n'));
}

main();
