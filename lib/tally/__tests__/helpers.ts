// Small builders for test juries: a nomination is a list of films, a ballot a row of scores.

import { tally } from '../tally';
import type { Nomination, NominationResult, Rules, Score, TallyInput } from '../types';

type Build = Partial<Omit<TallyInput, 'rules'>> & { rules?: Partial<Rules> };

export function makeInput(p: Build): TallyInput {
  return {
    version: 1,
    scale: { min: 1, max: 10, step: 1 },
    method: 'mean',
    films: [],
    jurors: [],
    nominations: [],
    scores: [],
    recusals: [],
    decisions: [],
    ...p,
    rules: {
      oneAwardPerFilm: true,
      exemptNominations: ['best_actor', 'best_actress'],
      exAequo: {},
      recusalByNationality: false,
      ...p.rules,
    },
  };
}

export const films = (...ids: string[]) => ids.map((id) => ({ id, country: 'XX', competition: true }));

export const jurors = (n: number) => Array.from({ length: n }, (_, i) => ({ id: `j${i + 1}`, country: null }));

/** Candidate ids are "<code>:<film>" (and ":<person>" when given). */
export function nomination(
  code: string,
  filmIds: string[],
  opts: { kind?: Nomination['kind']; round?: Nomination['round']; people?: string[] } = {},
): Nomination {
  return {
    code,
    kind: opts.kind ?? 'film',
    round: opts.round ?? 'main',
    candidates: filmIds.map((f, i) => ({
      id: opts.people ? `${code}:${f}:${opts.people[i]}` : `${code}:${f}`,
      filmId: f,
      person: opts.people?.[i] ?? null,
    })),
  };
}

/** Ballots as rows aligned with the nomination's candidates; null = no score. */
export function ballots(n: Nomination, rows: Record<string, (number | null)[]>): Score[] {
  return Object.entries(rows).flatMap(([juror, values]) =>
    values.flatMap((value, i) => (value === null ? [] : [{ juror, candidate: n.candidates[i].id, value }])),
  );
}

/** Candidate id of a film in a nomination built by `nomination`. */
export const cid = (code: string, film: string) => `${code}:${film}`;

/** Tally and return one nomination's result. */
export function tallyOne(input: TallyInput, code?: string): NominationResult {
  const result = tally(input);
  return code ? result.nominations.find((n) => n.code === code)! : result.nominations[0];
}

/** Candidate id -> rank in a nomination's result. */
export const rankOf = (n: NominationResult) => Object.fromEntries(n.ranking.map((r) => [r.candidate, r.rank]));

/** Candidate id -> aggregate.exact (null when unscored). */
export const exactOf = (n: NominationResult) =>
  Object.fromEntries(n.ranking.map((r) => [r.candidate, r.aggregate?.exact ?? null]));

/** One film-level nomination "best_film" over films A, B, C... with the given ballots. */
export function singleNomination(rows: Record<string, (number | null)[]>, p: Parameters<typeof makeInput>[0] = {}) {
  const width = Object.values(rows)[0].length;
  const ids = Array.from({ length: width }, (_, i) => String.fromCharCode(65 + i));
  const n = nomination('best_film', ids);
  return makeInput({
    films: films(...ids),
    jurors: Object.keys(rows).map((id) => ({ id, country: null })),
    nominations: [n],
    scores: ballots(n, rows),
    ...p,
  });
}

export const A = 'best_film:A';
export const B = 'best_film:B';
export const C = 'best_film:C';
export const D = 'best_film:D';
export const E = 'best_film:E';
