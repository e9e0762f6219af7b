// Whether a juror's score of a film is excluded: a declared recusal, or the nationality rule (the
// juror shares the film's country). The one rule for the tally's runoff votes and electorate, for
// what a close records as counted (lib/round/changed.ts), for the desk's histograms (lib/round/view.ts)
// and for the published ballots (lib/count/tally-input.ts); lib/tally/sheet.ts inlines the same test in
// its hot loop. The same rule as lib/recusal.ts recusedByNationality, kept here so that the engine
// imports nothing of the app.
import type { TallyInput } from './types';

export type RecusedFrom = (juror: string, film: string) => boolean;

export function recusedFrom(input: Pick<TallyInput, 'jurors' | 'films' | 'recusals' | 'rules'>): RecusedFrom {
  const jurorCountry = new Map(input.jurors.map((j) => [j.id, j.country]));
  const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));
  const recused = new Set(input.recusals.map((r) => `${r.juror}\n${r.film}`));
  const byNationality = input.rules.recusalByNationality;
  return (juror, film) => {
    if (recused.has(`${juror}\n${film}`)) return true;
    const country = jurorCountry.get(juror);
    return !!byNationality && !!country && country === filmCountry.get(film);
  };
}
