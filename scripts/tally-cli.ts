// The command-line tally as a function: `tallyCli(argv)` returns the exit code and what the command
// prints, so the tests run every case in-process (scripts/tally.ts is the thin `npm run tally` wrapper).
// An export at the `distributions` level is recomputed from its score multisets (mean, trimmed
// mean, median) and its runoffs from their published counts; one at the `awards` level holds
// nothing to recompute (docs/tally-format.md).
// Exit codes: 0 done, 1 the export's own figures differ from the recomputation, 2 unreadable or
// invalid input (or bad usage), 3 this export cannot recompute what was asked (a method, --compare,
// or anything at the `awards` level). A head-to-head step that a `distributions` export cannot check
// is said in a sentence, not a failure: everything else was recomputed and agrees (exit 0).
// An export names its films (filmDetails): the tables then show titles and people, not ids.

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

/** Films and candidates by name, from an export's filmDetails; null for a bare tally input (ids are its names). */
type Names = { film: (id: string) => string; candidate: (id: string) => string } | null;

function namesOf(json: unknown, candidates: { id: string; filmId: string; person?: string | null }[]): Names {
  const details = (json as { filmDetails?: unknown } | null)?.filmDetails;
  if (!Array.isArray(details)) return null;
  const films = new Map<string, string>();
  for (const f of details as { id?: unknown; originalTitle?: unknown; englishTitle?: unknown }[]) {
    if (typeof f?.id !== 'string' || typeof f.englishTitle !== 'string') continue;
    const original = typeof f.originalTitle === 'string' ? f.originalTitle.trim() : '';
    films.set(f.id, original && original !== f.englishTitle.trim() ? `${f.englishTitle} (${original})` : f.englishTitle);
  }
  const byId = new Map(candidates.map((c) => [c.id, c]));
  const film = (id: string) => films.get(id) ?? id;
  return {
    film,
    candidate: (id) => {
      const c = byId.get(id);
      if (!c) return id;
      return c.person ? `${c.person} — ${film(c.filmId)}` : film(c.filmId);
    },
  };
}

const CANDIDATE_PARAMS = ['winner', 'loser', 'candidate', 'candidates', 'chosen', 'tied'];

function reasonWords(r: { code: string; params: Record<string, string | number> }, names: Names) {
  if (!names) return reasonText(r);
  const params = Object.fromEntries(Object.entries(r.params).map(([k, v]) => [k,
    CANDIDATE_PARAMS.includes(k) ? String(v).split(',').filter(Boolean).map(names.candidate).join(', ')
    : k === 'film' ? names.film(String(v)) : v]));
  return reasonText({ code: r.code, params });
}

function table(n: NominationResult, names: Names): string {
  const winners = new Set(n.winners);
  const tied = new Set(n.tie?.candidates ?? []);
  const said = (ids: string[]) => (names ? ids.map(names.candidate).join('; ') : ids.join(', '));
  const head = [`${n.code} (${n.round}): ${n.status}`];
  if (n.winners.length) head.push(`winner${n.winners.length > 1 ? 's' : ''}: ${said(n.winners)}`);
  if (n.margin) head.push(`margin ${n.margin.display}`);
  if (n.tie) head.push(`tie: ${said(n.tie.candidates)}`);
  const rows = names ? [['rank', 'candidate', 'aggregate', 'counted', 'reasons', '', 'id']] : [['rank', 'candidate', 'film', 'aggregate', 'counted', 'reasons', '']];
  for (const r of n.ranking) {
    const mark = winners.has(r.candidate) ? 'WINNER' : tied.has(r.candidate) ? 'BLOCKED (tie)' : r.eligible ? '' : 'not eligible';
    const reasons = r.reasons.map((x) => reasonWords(x, names)).join('; ');
    rows.push(names
      ? [String(r.rank), names.candidate(r.candidate), r.aggregate?.display ?? '-', String(r.counted), reasons, mark, r.candidate]
      : [String(r.rank), r.person ? `${r.candidate} (${r.person})` : r.candidate, r.filmId, r.aggregate?.display ?? '-', String(r.counted), reasons, mark]);
  }
  // Each runoff that applied: its votes per tied candidate, and what came of it.
  const runoffs = (n.runoffs ?? []).map((o, k) => {
    const counts = o.counts.map((c) => `${names ? names.candidate(c.candidate) : c.candidate} ${c.votes}`).join(', ');
    const outcome = o.winners ? `elected ${said(o.winners)}` : `still tied: ${said(o.stillTied)}`;
    return `  runoff ${k + 1} (${o.places} place${o.places > 1 ? 's' : ''}): ${counts}; abstentions ${o.abstentions}; ${outcome}`;
  });
  if (n.tie?.next) head.push(`next: ${n.tie.next.join(' or ')}`);
  const notes = n.reasons.map((r) => `  - ${reasonWords(r, names)}`).join('\n');
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
  return done(print(tally(input), format, namesOf(json, input.nominations.flatMap((n) => n.candidates))));
}

const done = (stdout: string): CliResult => ({ code: 0, stdout, stderr: '' });

function print(result: TallyResult, format: string, names: Names = null): string {
  if (format === 'json') return `${JSON.stringify(result, null, 2)}\n`;
  return `method: ${result.method}\n\n${result.nominations.map((n) => table(n, names)).join('\n\n')}\n`;
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
  const names = namesOf(json, parsed.input.nominations.flatMap((n) => n.candidates));
  const said = (id: string) => (names ? names.candidate(id) : id);
  const notes: string[] = [];
  let nothingRecomputed = false;
  for (const u of unverifiable) {
    if (u.code === 'method_needs_ballots') {
      nothingRecomputed = true;
      notes.push(`The method ${u.method} ${NEEDS_BALLOTS}; this export holds only each candidate's scores, not who gave them. Nothing was recomputed.`);
    } else {
      // What this level cannot check, said as a statement: the aggregates were recomputed and agree.
      notes.push(`${u.nomination}: ${u.candidates.map(said).join('; ')} share the best aggregate, which was recomputed and agrees. They are ranked apart by head-to-head, which ${NEEDS_BALLOTS}; at this publication level the order recorded in the export is used as published, not checked.`);
    }
  }
  for (const m of mismatches) {
    notes.push(`${m.nomination}${m.candidate ? ` ${said(m.candidate)}` : ''}: the export says ${m.what} ${m.published || '(none)'}, the recomputation gives ${m.recomputed || '(none)'}.`);
  }
  return {
    code: mismatches.length ? 1 : nothingRecomputed ? 3 : 0,
    stdout: result ? print(result, opts.format, names) : '',
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
