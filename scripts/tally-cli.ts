// The command-line tally as a function: `tallyCli(argv)` returns the exit code and what the command
// prints, so the tests run every case in-process (scripts/tally.ts is the thin `npm run tally` wrapper).
// An export at the `distributions` level is recomputed from its score multisets (mean, trimmed
// mean, median) and its runoffs from their published counts; one at the `awards` level holds
// nothing to recompute (docs/tally-format.md).
// Exit codes: 0 done, 1 the export's own figures differ from the recomputation, 2 unreadable or
// invalid input (or bad usage), 3 this export cannot recompute or check everything (a method or a
// head-to-head step needs the `anonymised_ballots` level).

import { readFileSync } from 'node:fs';
import {
  compareMethods,
  DISTRIBUTION_METHODS,
  METHODS,
  parseDistributionsInput,
  parseTallyInput,
  tally,
  tallyDistributions,
  type Method,
  type NominationResult,
  type TallyResult,
} from '../lib/tally';

export const USAGE = `usage: tally FILE.json [--format json|table] [--method ${METHODS.join('|')}] [--compare]`;

export interface CliResult { code: number; stdout: string; stderr: string }

/** Ends the run with exit code 2 and `message` on stderr (caught in tallyCli). */
class Refusal extends Error {}

function fail(message: string): never {
  throw new Refusal(message);
}

type Args = { help: true } | { help: false; file: string; format: string; method?: Method; compare: boolean };

function parseArgs(argv: string[]): Args {
  let file: string | undefined;
  let format = 'json';
  let method: Method | undefined;
  let compare = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => argv[++i] ?? fail(`${a} needs a value\n${USAGE}`);
    if (a === '--help' || a === '-h') return { help: true };
    else if (a === '--format') format = value();
    else if (a.startsWith('--format=')) format = a.slice('--format='.length);
    else if (a === '--method') method = value() as Method;
    else if (a.startsWith('--method=')) method = a.slice('--method='.length) as Method;
    else if (a === '--compare') compare = true;
    else if (a.startsWith('-')) fail(`unknown option ${a}\n${USAGE}`);
    else if (file === undefined) file = a;
    else fail(`only one input file, please\n${USAGE}`);
  }
  if (!file) fail(USAGE);
  if (format !== 'json' && format !== 'table') fail(`--format must be json or table\n${USAGE}`);
  if (method !== undefined && !METHODS.includes(method)) fail(`--method must be one of ${METHODS.join(', ')}`);
  return { help: false, file, format, method, compare };
}

function pad(rows: string[][]): string {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => [...r[i]].length)));
  return rows.map((r) => r.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length)).join('  ').trimEnd()).join('\n');
}

const reasonText = (r: { code: string; params: Record<string, string | number> }) => {
  const params = Object.entries(r.params).map(([k, v]) => `${k}=${v}`);
  return params.length ? `${r.code}(${params.join(' ')})` : r.code;
};

function table(n: NominationResult): string {
  const winners = new Set(n.winners);
  const tied = new Set(n.tie?.candidates ?? []);
  const head = [`${n.code} (${n.round}): ${n.status}`];
  if (n.winners.length) head.push(`winner${n.winners.length > 1 ? 's' : ''}: ${n.winners.join(', ')}`);
  if (n.margin) head.push(`margin ${n.margin.display}`);
  if (n.tie) head.push(`tie: ${n.tie.candidates.join(', ')}`);
  const rows = [['rank', 'candidate', 'film', 'aggregate', 'counted', 'reasons', '']];
  for (const r of n.ranking) {
    const mark = winners.has(r.candidate) ? 'WINNER' : tied.has(r.candidate) ? 'BLOCKED (tie)' : r.eligible ? '' : 'not eligible';
    rows.push([
      String(r.rank),
      r.person ? `${r.candidate} (${r.person})` : r.candidate,
      r.filmId,
      r.aggregate?.display ?? '-',
      String(r.counted),
      r.reasons.map(reasonText).join('; '),
      mark,
    ]);
  }
  // Each runoff that applied: its votes per tied candidate, and what came of it.
  const runoffs = (n.runoffs ?? []).map((o, k) => {
    const counts = o.counts.map((c) => `${c.candidate} ${c.votes}`).join(', ');
    const outcome = o.winners ? `elected ${o.winners.join(', ')}` : `still tied: ${o.stillTied.join(', ')}`;
    return `  runoff ${k + 1} (${o.places} place${o.places > 1 ? 's' : ''}): ${counts}; abstentions ${o.abstentions}; ${outcome}`;
  });
  if (n.tie?.next) head.push(`next: ${n.tie.next.join(' or ')}`);
  const notes = n.reasons.map((r) => `  - ${reasonText(r)}`).join('\n');
  return `${head.join(' | ')}\n${pad(rows)}${runoffs.length ? `\n${runoffs.join('\n')}` : ''}${notes ? `\n${notes}` : ''}`;
}

function output(argv: string[]): CliResult {
  const args = parseArgs(argv);
  if (args.help) return done(`${USAGE}\n`);
  const { file, format, method, compare } = args;
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (e) {
    fail(`cannot read ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (e) {
    fail(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const level = (json as { publicationLevel?: unknown } | null)?.publicationLevel;
  if (level === 'awards') {
    return { code: 3, stdout: '', stderr: `${file} is an export at the publication level "awards": it holds the awards, the method and the rules, no scores. Recomputing needs an export at the "distributions" level (mean, trimmed mean, median) or "anonymised_ballots" (every method).\n` };
  }
  if (level === 'distributions') return fromDistributions(file, json, { format, method, compare });
  const parsed = parseTallyInput(json);
  if (!parsed.ok) {
    fail([`${file} is not a valid tally input:`, ...parsed.errors.map((e) => `  ${e.path || '(root)'}: ${e.message} [${e.code}]`)].join('\n'));
  }
  const input = method ? { ...parsed.input, method } : parsed.input;
  if (compare) {
    const rows = compareMethods(input);
    if (format === 'json') return done(`${JSON.stringify(rows, null, 2)}\n`);
    const lines = [['nomination', ...METHODS, 'depends on method']];
    for (const r of rows) lines.push([r.code, ...METHODS.map((m) => r.winners[m].join(',') || `(${r.status[m]})`), r.dependsOnMethod ? 'YES' : 'no']);
    return done(`${pad(lines)}\n`);
  }
  return done(print(tally(input), format));
}

const done = (stdout: string): CliResult => ({ code: 0, stdout, stderr: '' });

function print(result: TallyResult, format: string): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  return `method: ${result.method}\n\n${result.nominations.map(table).join('\n\n')}\n`;
}

const NEEDS_BALLOTS = `needs each juror's ballot: an export at the "anonymised_ballots" level`;

/** A `distributions` export: the awards recomputed from the score multisets, and what that cannot check. */
function fromDistributions(file: string, json: unknown, opts: { format: string; method?: Method; compare: boolean }): CliResult {
  if (opts.compare) {
    return { code: 3, stdout: '', stderr: `--compare runs every method, and ${METHODS.filter((m) => !(DISTRIBUTION_METHODS as readonly string[]).includes(m)).join(' and ')} need each juror's ballot (an export at the "anonymised_ballots" level). Use --method ${DISTRIBUTION_METHODS.join('|')} with this export.\n` };
  }
  const parsed = parseDistributionsInput(json);
  if (!parsed.ok) {
    fail([`${file} is not a valid distributions export:`, ...parsed.errors.map((e) => `  ${e.path || '(root)'}: ${e.message} [${e.code}]`)].join('\n'));
  }
  const { result, unverifiable, mismatches } = tallyDistributions(parsed.input, opts.method);
  const notes: string[] = [];
  for (const u of unverifiable) {
    if (u.code === 'method_needs_ballots') notes.push(`The method ${u.method} ${NEEDS_BALLOTS}; this export holds only each candidate's scores, not who gave them. Nothing was recomputed.`);
    else notes.push(`${u.nomination}: ${u.candidates.join(', ')} share the best aggregate. The next step, head-to-head, ${NEEDS_BALLOTS}; the outcome recorded in the export was used, not checked.`);
  }
  for (const m of mismatches) {
    notes.push(`${m.nomination}${m.candidate ? ` ${m.candidate}` : ''}: the export says ${m.what} ${m.published || '(none)'}, the recomputation gives ${m.recomputed || '(none)'}.`);
  }
  return {
    code: mismatches.length ? 1 : unverifiable.length ? 3 : 0,
    stdout: result ? print(result, opts.format) : '',
    stderr: notes.length ? `${notes.join('\n')}\n` : '',
  };
}

/** Runs the command with `argv` (the arguments after the script name). */
export function tallyCli(argv: string[]): CliResult {
  try {
    return output(argv);
  } catch (e) {
    if (e instanceof Refusal) return { code: 2, stdout: '', stderr: `${e.message}\n` };
    throw e;
  }
}
