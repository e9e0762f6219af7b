// The tally of what the database holds, or the reasons it cannot be made: no page, action or export
// answers 500 whatever the database holds (a file edited by hand, a row no action could write). Each
// problem says what is wrong and where (nomination, candidate, juror), never a score's value, so the
// organisers' desk can show it too.
import { Refusal } from '@/lib/server/refusal';
import { parseTallyInput, tally, type TallyInput, type TallyResult } from '@/lib/tally';
import { buildTallyInput, type TallyJury } from './tally-input';

type Reader = Parameters<typeof buildTallyInput>[0];

/** score: a stored score that is not on the scale; decision: a recorded decision that does not fit
 *  its tie; data: other stored data the tally cannot read; unexpected: anything else. */
export type TallyProblemCode = 'score' | 'decision' | 'data' | 'unexpected';

export interface TallyProblem {
  code: TallyProblemCode;
  nomination: string | null; // nomination code
  candidate: string | null; // candidate id
  juror: string | null; // juror (user) id
}

export type CheckedTally = { ok: true; input: TallyInput; result: TallyResult } | { ok: false; problems: TallyProblem[] };

const MAX_PROBLEMS = 20;

function locate(input: TallyInput, path: string): TallyProblem {
  const nominationOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, n.code] as const)));
  let m = /^scores\[(\d+)\]/.exec(path);
  if (m) {
    const s = input.scores[Number(m[1])];
    return { code: 'score', nomination: nominationOf.get(s?.candidate) ?? null, candidate: s?.candidate ?? null, juror: s?.juror ?? null };
  }
  m = /^decisions\[(\d+)\]/.exec(path);
  if (m) return { code: 'decision', nomination: input.decisions[Number(m[1])]?.nomination ?? null, candidate: null, juror: null };
  // A runoff record that does not fit its tie or its rules stops the award like a decision that does not.
  m = /^runoffs\[(\d+)\]/.exec(path);
  if (m) return { code: 'decision', nomination: input.runoffs?.[Number(m[1])]?.nomination ?? null, candidate: null, juror: null };
  m = /^rules\.tieBreak\.([^.]+)/.exec(path);
  if (m) return { code: 'data', nomination: m[1], candidate: null, juror: null };
  m = /^nominations\[(\d+)\](?:\.candidates\[(\d+)\])?/.exec(path);
  if (m) {
    const n = input.nominations[Number(m[1])];
    return { code: 'data', nomination: n?.code ?? null, candidate: m[2] !== undefined ? (n?.candidates[Number(m[2])]?.id ?? null) : null, juror: null };
  }
  return { code: 'data', nomination: null, candidate: null, juror: null };
}

function unique(problems: TallyProblem[]): TallyProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = JSON.stringify(p);
    return !seen.has(k) && (seen.add(k), seen.size <= MAX_PROBLEMS);
  });
}

/** The input the tally would read and its result, or where the stored data stops it. */
export function checkedTally(db: Reader, jury?: TallyJury): CheckedTally {
  let input: TallyInput;
  try {
    input = buildTallyInput(db, jury);
  } catch (e) {
    console.error('tally input unreadable', e);
    return { ok: false, problems: [{ code: 'data', nomination: null, candidate: null, juror: null }] };
  }
  const parsed = parseTallyInput(input);
  if (!parsed.ok) return { ok: false, problems: unique(parsed.errors.map((e) => locate(input, e.path))) };
  try {
    return { ok: true, input, result: tally(input) };
  } catch (e) {
    console.error('tally failed', e);
    return { ok: false, problems: [{ code: 'unexpected', nomination: null, candidate: null, juror: null }] };
  }
}

/** For the chair's actions: the tally, or a refusal that names the first problem's nomination. */
export function tallyOrRefuse(db: Reader): { input: TallyInput; result: TallyResult } {
  const t = checkedTally(db);
  if (!t.ok) {
    const p = t.problems[0];
    throw new Refusal('round:tally_problem', { nomination: p.nomination ?? '-', candidate: p.candidate ?? '-', count: t.problems.length });
  }
  return t;
}
