// The recusal rule, in one place: a juror's score of a film is excluded when the juror declared a
// recusal, or by the nationality rule (when the festival's rules turn it on, a juror who shares the
// film's country). Pure and importing nothing of the app, so that the tally engine, the ballot (its
// page on the client reads the reason code too), the progress table, the chair's view, a close's
// counted record (lib/round/changed.ts), the published ballots (lib/count/tally-input.ts) and the
// audit's replay all use this one rule. lib/tally/sheet.ts inlines the same test in its hot loop.
import type { TallyInput } from './types';

/** The reason a recusal by the nationality rule carries, instead of a juror's own words. */
export const NATIONALITY_REASON = 'nationality';

/** Whether the rule (when on) recuses a juror of `jurorCountry` from a film of `filmCountry`. */
export function recusedByNationality(ruleOn: boolean, jurorCountry: string | null | undefined, filmCountry: string | null | undefined): boolean {
  return ruleOn && !!jurorCountry && jurorCountry === filmCountry;
}

export type RecusedFrom = (juror: string, film: string) => boolean;

/** The whole rule over a tally's input: declared, or by nationality. */
export function recusedFrom(input: Pick<TallyInput, 'jurors' | 'films' | 'recusals' | 'rules'>): RecusedFrom {
  const jurorCountry = new Map(input.jurors.map((j) => [j.id, j.country]));
  const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));
  const recused = new Set(input.recusals.map((r) => `${r.juror}\n${r.film}`));
  const byNationality = !!input.rules.recusalByNationality;
  return (juror, film) => recused.has(`${juror}\n${film}`) || recusedByNationality(byNationality, jurorCountry.get(juror), filmCountry.get(film));
}
