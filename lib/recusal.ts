// The recusal-by-nationality rule, in one place for the ballot, the progress table, the chair's
// view and the tally's input. Pure (the ballot page on the client reads the reason code too).

/** The reason a recusal by the nationality rule carries, instead of a juror's own words. */
export const NATIONALITY_REASON = 'nationality';

/** Whether the rule (when on) recuses a juror of `jurorCountry` from a film of `filmCountry`. */
export function recusedByNationality(ruleOn: boolean, jurorCountry: string | null | undefined, filmCountry: string | null | undefined): boolean {
  return ruleOn && !!jurorCountry && jurorCountry === filmCountry;
}
