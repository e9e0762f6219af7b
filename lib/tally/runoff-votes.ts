// Which runoff votes count: a juror's vote counts only if the juror is on the jury and may score
// every tied candidate's film, by the same rules that exclude a score (a declared recusal, or the
// nationality rule): a juror who could not judge one of the tied films does not choose between them.

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
  const country = new Map(input.jurors.map((j) => [j.id, j.country]));
  const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));
  const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId] as const)));
  const recused = new Set(input.recusals.map((r) => `${r.juror}\n${r.film}`));
  const byNationality = input.rules.recusalByNationality;
  return (runoff) => {
    const films = [...new Set(runoff.tied.map((c) => filmOf.get(c)))];
    const out: CountedVotes = { counted: [], notOnJury: 0, recused: 0 };
    for (const v of runoff.votes) {
      if (!country.has(v.juror)) out.notOnJury++;
      else if (
        films.some((f) => f !== undefined && (recused.has(`${v.juror}\n${f}`) || (byNationality && !!country.get(v.juror) && country.get(v.juror) === filmCountry.get(f))))
      ) {
        out.recused++;
      } else out.counted.push(v);
    }
    return out;
  };
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
  const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));
  const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId] as const)));
  const recused = new Set(input.recusals.map((r) => `${r.juror}\n${r.film}`));
  const voters = input.jurors.filter((j) => !j.chair && j.active !== false);
  return (tied) => {
    const films = [...new Set(tied.map((c) => filmOf.get(c)))].filter((f): f is string => f !== undefined);
    return voters.filter((j) => !films.some((f) => recused.has(`${j.id}\n${f}`) || (input.rules.recusalByNationality && !!j.country && j.country === filmCountry.get(f)))).length;
  };
}
