// The runoff links of the tie-break chain: the jurors vote again, secretly, among the tied
// candidates only. A runoff applies only to the exact tie it was held on (same candidates, same
// places), and only where the nomination's chain still has a runoff step; the plurality of the
// votes among the tied takes the places it clearly wins, and those still level at the boundary
// form the next tie. Pure, exact (counts are integers).

import type { Eligibility } from './runoff-votes';
import { DEFAULT_TIE_BREAK, type ExAequoRule, type Reason, type Runoff, type RunoffOutcome, type TallyInput, type TieBreakStep } from './types';

/**
 * A runoff needs at least this many entitled voters besides the chair; on a tie with fewer the
 * chain skips its runoff steps. With fewer, the counts, less the chair's own vote, would be one or
 * two jurors' choices (the same floor as for the scores behind an aggregate, lib/count/thin.ts).
 */
export const RUNOFF_ELECTORATE = 3;

/** How many jurors other than the chair may vote on a tie (`tied`, for `places`), or null when the input cannot say. */
export type Electorate = (tied: readonly string[], places: number) => number | null;


export interface IndexedRunoff {
  /** Position in input.runoffs, so that reasons and outcomes can point at the record. */
  index: number;
  runoff: Runoff;
}

export function chainOf(input: Pick<TallyInput, 'rules'>, code: string): readonly TieBreakStep[] {
  return input.rules.tieBreak?.[code]?.chain ?? DEFAULT_TIE_BREAK;
}

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const s = new Set(a);
  return s.size === b.length && b.every((x) => s.has(x));
}

/**
 * One runoff's count among `tied` (in the tie's order) for `places`: the candidates whose votes
 * put them clearly within the places win outright; those level with the last place form the new
 * tie for the places left. Votes must already be the counted ones (see countedVotes).
 */
export function countRunoff(tied: readonly string[], places: number, votes: readonly { choice: string | null }[]) {
  const tally = new Map(tied.map((c) => [c, 0]));
  let abstentions = 0;
  for (const v of votes) {
    if (v.choice === null) abstentions++;
    else tally.set(v.choice, (tally.get(v.choice) ?? 0) + 1);
  }
  const counts = tied.map((candidate) => ({ candidate, votes: tally.get(candidate)! }));
  const sorted = counts.map((c) => c.votes).sort((a, b) => b - a);
  const boundary = sorted[places - 1];
  const clear = places >= tied.length || sorted[places] < boundary;
  const winners = clear ? counts.filter((c) => c.votes >= boundary).map((c) => c.candidate) : counts.filter((c) => c.votes > boundary).map((c) => c.candidate);
  const stillTied = clear ? [] : counts.filter((c) => c.votes === boundary).map((c) => c.candidate);
  return { counts, abstentions, winners, stillTied };
}

export interface ChainContext {
  code: string;
  chain: readonly TieBreakStep[];
  /** Whether the output says what the chain allows next (inputs with tie-break rules). */
  tellNext: boolean;
  exAequo: ExAequoRule | undefined;
  runoffs: IndexedRunoff[];
  eligibility: Eligibility;
  /** Absent: no runoff is ever skipped (inputs without tie-break rules, as before runoffs). */
  electorate?: Electorate;
}

export interface ChainState {
  /** Candidates elected outright by runoffs, in the order elected. */
  elected: string[];
  /** The tie left (ids, in the given order), or null when the runoffs settled it. */
  tie: string[] | null;
  places: number;
  /** Position in the chain reached: the next step is chain[step]. */
  step: number;
  outcomes: RunoffOutcome[];
  reasons: Reason[];
}

/** Applies the nomination's runoffs, in recording order, to `tie` (null: nothing tied, every runoff is stale). */
export function applyRunoffs(tie: string[] | null, places: number, ctx: ChainContext): ChainState {
  const state: ChainState = { elected: [], tie, places, step: 0, outcomes: [], reasons: [] };
  const allowed = ctx.chain.filter((s) => s === 'runoff').length;
  let held = 0;
  // Runoff steps due on a tie too few may vote on are passed (all of them: the tie, and so its
  // electorate, stays the same until a runoff is held), and the reason says why.
  // A runoff already recorded on this very tie was held before this rule (a database from before,
  // perhaps finalised on it): it keeps counting, so that stored awards still follow from the data.
  const skipShort = (from: number) => {
    if (!state.tie || ctx.chain[state.step] !== 'runoff' || !ctx.electorate) return;
    const tie = state.tie;
    if (ctx.runoffs.slice(from).some(({ runoff: r }) => sameSet(r.tied, tie) && r.places === state.places)) return;
    const entitled = ctx.electorate(state.tie, state.places);
    if (entitled === null || entitled >= RUNOFF_ELECTORATE) return;
    const first = state.step;
    while (ctx.chain[state.step] === 'runoff') state.step++;
    state.reasons.push({ code: 'runoff_skipped', params: { candidates: state.tie.join(','), places: state.places, entitled, needed: RUNOFF_ELECTORATE, steps: state.step - first } });
  };
  skipShort(0);
  for (const [i, { index, runoff: r }] of ctx.runoffs.entries()) {
    const ref = { runoff: index, tied: r.tied.join(','), places: r.places };
    if (!state.tie || !sameSet(r.tied, state.tie) || r.places !== state.places) {
      state.reasons.push({ code: 'runoff_stale', params: ref });
      continue;
    }
    if (ctx.chain[state.step] !== 'runoff') {
      state.reasons.push({ code: 'runoff_beyond_chain', params: { ...ref, allowed } });
      continue;
    }
    const { counted, notOnJury, recused } = ctx.eligibility(r);
    if (notOnJury) state.reasons.push({ code: 'runoff_not_on_jury', params: { runoff: index, count: notOnJury } });
    if (recused) state.reasons.push({ code: 'runoff_recused_excluded', params: { runoff: index, count: recused } });
    const outcome = countRunoff(state.tie, state.places, counted);
    held++;
    state.step++;
    const votes = outcome.counts.map((c) => c.votes).sort((a, b) => b - a).join('–');
    if (outcome.stillTied.length === 0) {
      state.reasons.push({ code: 'runoff_decided', params: { runoff: index, round: held, candidates: outcome.winners.join(','), votes, abstentions: outcome.abstentions } });
    } else {
      state.reasons.push({
        code: outcome.winners.length ? 'runoff_partly_decided' : 'runoff_tied',
        params: { runoff: index, round: held, candidates: outcome.winners.join(','), tied: outcome.stillTied.join(','), votes, abstentions: outcome.abstentions },
      });
    }
    state.outcomes.push({
      index,
      tied: [...state.tie],
      places: state.places,
      counts: outcome.counts,
      abstentions: outcome.abstentions,
      winners: outcome.stillTied.length ? null : outcome.winners,
      stillTied: outcome.stillTied,
    });
    state.elected.push(...outcome.winners);
    state.places -= outcome.winners.length;
    state.tie = outcome.stillTied.length ? outcome.stillTied : null;
    skipShort(i + 1);
  }
  return state;
}

/**
 * What the chain allows at `step` for a tie of `places` with `elected` winners already: another
 * runoff while one is due, else the remaining terminal kinds: the casting vote, and a shared award
 * only where the ex aequo rule allows more winners than places. This one answer is both what the
 * output reports (`tie.next`) and the only kinds of decision the tally accepts there, so it never
 * says "next: X" and then refuses X. Where nothing in the chain can settle the tie (a chain of
 * runoffs only, or `shared` where at most one may win: settings refuse both now, but a database
 * frozen earlier may hold one), the chair's casting vote is the implicit final step.
 */
export function nextSteps(chain: readonly TieBreakStep[], step: number, exAequo: ExAequoRule | undefined, places: number, elected: number): TieBreakStep[] {
  if (chain[step] === 'runoff') return ['runoff'];
  const next = settlingSteps(chain.slice(step), exAequo, places, elected);
  return next.length ? next : ['casting_vote'];
}

/** The terminal steps of `tail` that can settle a tie for `places` (a shared award only where it may take more winners). */
export function settlingSteps(tail: readonly TieBreakStep[], exAequo: ExAequoRule | undefined, places: number, elected: number): TieBreakStep[] {
  const shareable = !!exAequo?.allowed && exAequo.maxWinners >= elected + places + 1;
  return [...new Set(tail.filter((s) => s !== 'runoff'))].filter((s) => s !== 'shared' || shareable);
}
