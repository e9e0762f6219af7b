// Who goes into the Special Jury Prize round: the competition films that won no main award
// (awards of exempt nominations, the acting awards by default, do not count).

import type { TallyInput, TallyResult } from './types';

/** Film ids, in input film order. */
export function specialRoundCandidates(input: TallyInput, result: TallyResult): string[] {
  const exempt = new Set(input.rules.exemptNominations);
  const filmOf = new Map<string, string>();
  for (const n of input.nominations) for (const c of n.candidates) filmOf.set(c.id, c.filmId);
  const won = new Set<string>();
  for (const n of result.nominations) {
    if (n.round !== 'main' || exempt.has(n.code)) continue;
    for (const w of n.winners) won.add(filmOf.get(w)!);
  }
  return input.films.filter((f) => f.competition && !won.has(f.id)).map((f) => f.id);
}
