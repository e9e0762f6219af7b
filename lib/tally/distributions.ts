// The `distributions` publication level: every candidate's counted scores as a multiset (no juror
// linkage), and recomputing the awards from them. Mean, trimmed mean and median depend on a
// candidate's multiset alone, so they recompute exactly; normalized_mean and Schulze need each
// juror's ballot, and so does head-to-head (the tie-break after equal aggregates): where the awards
// took that step, the export records its outcome and the recomputation uses it, saying that it
// could not check it. Pure, like the rest of the engine.

import { z } from 'zod';
import { formatPath, MAX_ERRORS, tallyInputSchema } from './input';
import { scaleSteps } from './scale';
import { buildSheets, NONE, type Sheet } from './sheet';
import { tallySheets } from './tally';
import type { Duel, HeadToHead } from './ties';
import { runoffEligibility } from './runoff-votes';
import type { Aggregate, InputError, Method, Runoff, TallyInput, TallyResult } from './types';
import { semanticErrors } from './validate';

/** The methods whose aggregates follow from each candidate's multiset of scores alone. */
export const DISTRIBUTION_METHODS = ['mean', 'trimmed_mean', 'median'] as const satisfies readonly Method[];

export interface CandidateDistribution {
  nomination: string;
  candidate: string;
  /** The counted scores, ascending: a multiset, in no juror's order. */
  scores: number[];
  aggregate: Aggregate | null;
}

/** A head-to-head step the awards took: `for` jurors scored the winner higher, `against` the loser. */
export interface HeadToHeadRecord {
  nomination: string;
  winner: string;
  loser: string;
  for: number;
  against: number;
}

/**
 * One runoff as the `distributions` level publishes it: the counted votes per tied candidate and
 * the abstentions, with no voter named. Every runoff of the tally input, in its order (a stale one
 * too, so that the recomputation says the same of it).
 */
export interface RunoffCount {
  nomination: string;
  tied: string[];
  places: number;
  counts: { candidate: string; votes: number }[];
  abstentions: number;
}

export interface DistributionsInput extends Omit<TallyInput, 'jurors' | 'scores' | 'recusals' | 'runoffs'> {
  distributions: CandidateDistribution[];
  headToHead: HeadToHeadRecord[];
  /** Absent in exports written before runoffs. */
  runoffCounts?: RunoffCount[];
  /** The published awards, to compare the recomputation with (optional). */
  awards?: { nomination: string; candidate: string }[];
}

export type Unverifiable =
  | { code: 'method_needs_ballots'; method: Method }
  | { code: 'head_to_head_unverifiable'; nomination: string; candidates: string[] };

export interface Mismatch {
  nomination: string;
  candidate: string | null;
  what: 'aggregate' | 'winners';
  published: string;
  recomputed: string;
}

export interface DistributionsTally {
  /** null when the method needs ballots. */
  result: TallyResult | null;
  unverifiable: Unverifiable[];
  mismatches: Mismatch[];
}

/** What the export publishes at the `distributions` level, from the tally input it was computed from. */
export function distributionsOf(input: TallyInput, result: TallyResult): Pick<DistributionsInput, 'distributions' | 'headToHead' | 'runoffCounts'> {
  const scale = scaleSteps(input.scale);
  const sheets = buildSheets(input, scale);
  const aggregateOf = new Map(result.nominations.flatMap((n) => n.ranking.map((r) => [r.candidate, r.aggregate] as const)));
  const distributions = sheets.flatMap((sheet) =>
    sheet.nomination.candidates.map((c, col) => {
      const steps: number[] = [];
      for (let r = 0; r < sheet.rows; r++) {
        const v = sheet.grid[r * sheet.cols + col];
        if (v !== NONE) steps.push(v);
      }
      steps.sort((a, b) => a - b);
      return { nomination: sheet.nomination.code, candidate: c.id, scores: steps.map((v) => scale.toNumber(v)), aggregate: aggregateOf.get(c.id) ?? null };
    }),
  );
  const headToHead = result.nominations.flatMap((n) =>
    n.reasons
      .filter((r) => r.code === 'head_to_head')
      .map((r) => ({ nomination: n.code, winner: String(r.params.winner), loser: String(r.params.loser), for: Number(r.params.for), against: Number(r.params.against) })),
  );
  return { distributions, headToHead, ...(input.runoffs && { runoffCounts: runoffCountsOf(input) }) };
}

/** Each runoff's counted votes per tied candidate (in the runoff's order) and its abstentions. */
export function runoffCountsOf(input: TallyInput): RunoffCount[] {
  const eligibility = runoffEligibility(input);
  return (input.runoffs ?? []).map((r) => {
    const counted = eligibility(r).counted;
    return {
      nomination: r.nomination,
      tied: r.tied,
      places: r.places,
      counts: r.tied.map((candidate) => ({ candidate, votes: counted.filter((v) => v.choice === candidate).length })),
      abstentions: counted.filter((v) => v.choice === null).length,
    };
  });
}

/** Runoffs with one anonymous vote per count, so that the tally can read published counts. */
function runoffsFromCounts(counts: RunoffCount[]): Runoff[] {
  return counts.map((r, i) => {
    const choices = [...r.counts.flatMap((c) => Array<string | null>(c.votes).fill(c.candidate)), ...Array<string | null>(r.abstentions).fill(null)];
    return { nomination: r.nomination, tied: r.tied, places: r.places, votes: choices.map((choice, k) => ({ juror: `runoff-${i}-vote-${k}`, choice })) };
  });
}

const id = z.string().min(1);
const count = z.number().int().min(0);
export const distributionsInputSchema = tallyInputSchema.omit({ jurors: true, scores: true, recusals: true, runoffs: true }).extend({
  distributions: z.array(
    z.object({
      nomination: id,
      candidate: id,
      scores: z.array(z.number()),
      aggregate: z.object({ exact: z.string(), display: z.string() }).nullable().default(null),
    }),
  ),
  headToHead: z.array(z.object({ nomination: id, winner: id, loser: id, for: count, against: count })).default(() => []),
  awards: z.array(z.object({ nomination: id, candidate: id })).optional(),
  // A count is bounded so that expanding it into votes stays small (no jury has a million members).
  runoffCounts: z
    .array(
      z.object({
        nomination: id,
        tied: z.array(id),
        places: z.number().int().min(1).default(1),
        counts: z.array(z.object({ candidate: id, votes: z.number().int().min(0).max(10_000) })),
        abstentions: z.number().int().min(0).max(10_000).default(0),
      }),
    )
    .max(1_000)
    .optional(),
});

export type DistributionsParse = { ok: true; input: DistributionsInput } | { ok: false; errors: InputError[] };

export function parseDistributionsInput(json: unknown): DistributionsParse {
  const parsed = distributionsInputSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, errors: parsed.error.issues.slice(0, MAX_ERRORS).map((i) => ({ path: formatPath(i.path), code: `schema:${i.code}`, message: i.message })) };
  }
  const input = parsed.data;
  const runoffs = input.runoffCounts && runoffsFromCounts(input.runoffCounts);
  // A runoff's checks (its tie, its places, abstention allowed, choices among the tied) are the tally input's, named by the count they come from.
  const errors = semanticErrors({ ...input, jurors: [], scores: [], recusals: [], ...(runoffs && { runoffs }) }, MAX_ERRORS).map((e) => ({
    ...e,
    path: e.path.replace(/^runoffs\[(\d+)\](?:\.votes\[\d+\]\.choice)?/, (_, i: string) => `runoffCounts[${i}]`),
  }));
  const fail = (path: string, code: string, message: string) => {
    if (errors.length < MAX_ERRORS) errors.push({ path, code, message });
  };
  input.runoffCounts?.forEach((r, i) => {
    const named = r.counts.map((c) => c.candidate);
    if (named.length !== r.tied.length || new Set(named).size !== named.length || !named.every((c) => r.tied.includes(c))) {
      fail(`runoffCounts[${i}].counts`, 'invalid:runoff', 'A runoff count names each tied candidate once.');
    }
  });
  const nominationOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, n.code] as const)));
  const scale = scaleSteps(input.scale);
  const seen = new Set<string>();
  input.distributions.forEach((d, i) => {
    const path = `distributions[${i}]`;
    const code = nominationOf.get(d.candidate);
    if (code === undefined) fail(`${path}.candidate`, 'unknown:candidate', `No candidate has the id "${d.candidate}".`);
    else if (code !== d.nomination) fail(`${path}.nomination`, 'invalid:nomination', `The candidate "${d.candidate}" belongs to "${code}", not "${d.nomination}".`);
    if (seen.has(d.candidate)) fail(`${path}.candidate`, 'duplicate:candidate', `The candidate "${d.candidate}" has more than one distribution.`);
    seen.add(d.candidate);
    d.scores.forEach((v, k) => {
      if (scale.count !== null && scale.toSteps(v) === null) fail(`${path}.scores[${k}]`, 'invalid:score_range', `The score ${v} is not on the scale ${input.scale.min}..${input.scale.max} by ${input.scale.step}.`);
    });
  });
  for (const [candidate, code] of nominationOf) {
    if (!seen.has(candidate)) fail('distributions', 'missing:candidate', `The candidate "${candidate}" of "${code}" has no distribution.`);
  }
  return errors.length ? { ok: false, errors } : { ok: true, input };
}

/** Head-to-head as the export recorded it; pairs it does not record split evenly (no winner). */
function recordedDuels(records: HeadToHeadRecord[]): (sheet: Sheet) => HeadToHead {
  return (sheet) => {
    const ids = sheet.nomination.candidates.map((c) => c.id);
    const known = new Map<string, Duel>();
    for (const r of records) {
      if (r.nomination !== sheet.nomination.code) continue;
      known.set(`${r.winner}\n${r.loser}`, { wins: r.for, losses: r.against });
      known.set(`${r.loser}\n${r.winner}`, { wins: r.against, losses: r.for });
    }
    return (a, b) => known.get(`${ids[a]}\n${ids[b]}`) ?? { wins: 0, losses: 0 };
  };
}

/**
 * The awards recomputed from a `distributions` export: under `method` (default: the export's), what
 * could not be checked for want of juror linkage, and where the export's own figures differ.
 */
export function tallyDistributions(input: DistributionsInput, method: Method = input.method): DistributionsTally {
  if (!(DISTRIBUTION_METHODS as readonly string[]).includes(method)) {
    return { result: null, unverifiable: [{ code: 'method_needs_ballots', method }], mismatches: [] };
  }
  // Row k of a nomination's sheet holds each candidate's k-th smallest score: the rows are no
  // jurors, which these methods never need.
  const rows = Math.max(0, ...input.distributions.map((d) => d.scores.length));
  const row = (k: number) => `row-${String(k).padStart(6, '0')}`;
  // A runoff's published counts become that many anonymous votes, by voters on no ballot.
  const { runoffCounts, ...frame } = input;
  const runoffs = runoffCounts && runoffsFromCounts(runoffCounts);
  const voters = (runoffs ?? []).flatMap((r) => r.votes.map((v) => ({ id: v.juror, country: null })));
  const synthetic: TallyInput = {
    ...frame,
    method,
    jurors: [...Array.from({ length: rows }, (_, k) => ({ id: row(k), country: null })), ...voters],
    scores: input.distributions.flatMap((d) => d.scores.map((value, k) => ({ juror: row(k), candidate: d.candidate, value }))),
    recusals: [],
    ...(runoffs && { runoffs }),
  };
  const scale = scaleSteps(input.scale);
  const result = tallySheets(synthetic, scale, buildSheets(synthetic, scale), recordedDuels(input.headToHead));

  const unverifiable: Unverifiable[] = [];
  const mismatches: Mismatch[] = [];
  const published = new Map(input.distributions.map((d) => [d.candidate, d.aggregate]));
  for (const n of result.nominations) {
    // The award step that needs head-to-head: two or more eligible candidates share the best aggregate.
    const eligible = n.ranking.filter((r) => r.eligible && r.aggregate);
    const top = eligible.filter((r) => r.aggregate!.exact === eligible[0]?.aggregate!.exact);
    if (top.length > 1) unverifiable.push({ code: 'head_to_head_unverifiable', nomination: n.code, candidates: top.map((r) => r.candidate) });
    if (method !== input.method) continue;
    for (const r of n.ranking) {
      const have = published.get(r.candidate)?.exact ?? '-';
      const want = r.aggregate?.exact ?? '-';
      if (have !== want) mismatches.push({ nomination: n.code, candidate: r.candidate, what: 'aggregate', published: have, recomputed: want });
    }
    if (input.awards) {
      const have = input.awards.filter((a) => a.nomination === n.code).map((a) => a.candidate).sort().join(',');
      const want = [...n.winners].sort().join(',');
      if (have !== want) mismatches.push({ nomination: n.code, candidate: null, what: 'winners', published: have, recomputed: want });
    }
  }
  return { result, unverifiable, mismatches };
}
