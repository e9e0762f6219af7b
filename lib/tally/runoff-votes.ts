// Which runoff votes count: a juror's vote counts only if the juror is on the jury and may score
// every tied candidate's film, by the same rules that exclude a score (a declared recusal, or the
// nationality rule): a juror who could not judge one of the tied films does not choose between them.

import { recusedFrom } from './recused';
import type { Runoff, RunoffVote, TallyInput } from './types';

export interface CountedVotes {
  counted: RunoffVote[];
  /** Votes of someone not on the jury (not in input.jurors). */
  notOnJury: number;
  /** Votes of a juror recused from the film of a tied candidate. */
  recused: number;
}

export type Eligibility = (runoff: Runoff) => CountedVotes;

export function runoffEligibility(input: Pick<TallyInput, 'jurors' | 'films' | 'nominations' | 'recusals' | 'rules'>): Eligibility {
  const onJury = new Set(input.jurors.map((j) => j.id));
  const tiedFilms = tiedFilmsOf(input);
  const recused = recusedFrom(input);
  return (runoff) => {
    const films = tiedFilms(runoff.tied);
    const out: CountedVotes = { counted: [], notOnJury: 0, recused: 0 };
    for (const v of runoff.votes) {
      if (!onJury.has(v.juror)) out.notOnJury++;
      else if (films.some((f) => recused(v.juror, f))) out.recused++;
      else out.counted.push(v);
    }
    return out;
  };
}

/** The films of the tied candidates (each once). */
function tiedFilmsOf(input: Pick<TallyInput, 'nominations'>): (tied: readonly string[]) => string[] {
  const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId] as const)));
  return (tied) => [...new Set(tied.map((c) => filmOf.get(c)))].filter((f): f is string => f !== undefined);
}

/** The votes of one runoff that count. */
export function countedVotes(input: Parameters<typeof runoffEligibility>[0], runoff: Runoff): RunoffVote[] {
  return runoffEligibility(input)(runoff).counted;
}

/**
 * How many jurors other than the chair may vote on a tie: active jurors of the input (not the
 * chair) recused, by a `recusals` entry or the nationality rule, from none of the tied films, the
 * same rule that decides whose vote counts. An input with `runoffsSkipped` (an export, which names
 * no juror) says it instead: the ties it lists had that many; any other had enough.
 */
export function runoffElectorate(input: Pick<TallyInput, 'jurors' | 'films' | 'nominations' | 'recusals' | 'rules' | 'runoffsSkipped'>, nomination: string): (tied: readonly string[], places: number) => number | null {
  if (input.runoffsSkipped) {
    const listed = input.runoffsSkipped.filter((s) => s.nomination === nomination);
    return (tied, places) => {
      const hit = listed.find((s) => s.places === places && s.tied.length === tied.length && s.tied.every((c) => tied.includes(c)));
      return hit ? hit.entitled : null;
    };
  }
  const tiedFilms = tiedFilmsOf(input);
  const recused = recusedFrom(input);
  const voters = input.jurors.filter((j) => !j.chair && j.active !== false);
  return (tied) => {
    const films = tiedFilms(tied);
    return voters.filter((j) => !films.some((f) => recused(j.id, f))).length;
  };
}
