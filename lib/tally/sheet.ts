// One score sheet per nomination: a juror-by-candidate grid of counted scores in steps.
// Built in one pass over the score list so that no method ever scans that list again.

import type { ScaleSteps } from './scale';
import type { Nomination, TallyInput } from './types';

/** Grid cell of a score that is absent or not counted. */
export const NONE = -1;

export interface Sheet {
  nomination: Nomination;
  /** Rows: every juror, in id order, so that float sums never depend on the input's juror order. */
  rows: number;
  cols: number;
  /** grid[row * cols + col]: steps above the scale minimum, or NONE. */
  grid: Int32Array;
  counted: Int32Array;
  /** Scores present in the input but excluded because the juror is recused from the film. */
  recusedExcluded: Int32Array;
  /** The part of recusedExcluded due only to the juror sharing the film's country. */
  recusedByNationality: Int32Array;
}

function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function buildSheets(input: TallyInput, scale: ScaleSteps): Sheet[] {
  const jurorIds = input.jurors.map((j) => j.id).sort(byCodeUnits);
  const rowOf = new Map(jurorIds.map((id, row) => [id, row]));
  const jurorCountry = new Map(input.jurors.map((j) => [j.id, j.country]));
  const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));

  const recused = new Map<string, Set<string>>();
  for (const r of input.recusals) {
    let films = recused.get(r.juror);
    if (!films) recused.set(r.juror, (films = new Set()));
    films.add(r.film);
  }

  const sheets: Sheet[] = input.nominations.map((nomination) => {
    const cols = nomination.candidates.length;
    return {
      nomination,
      rows: jurorIds.length,
      cols,
      grid: new Int32Array(jurorIds.length * cols).fill(NONE),
      counted: new Int32Array(cols),
      recusedExcluded: new Int32Array(cols),
      recusedByNationality: new Int32Array(cols),
    };
  });

  const place = new Map<string, { sheet: Sheet; col: number; filmId: string }>();
  sheets.forEach((sheet) =>
    sheet.nomination.candidates.forEach((c, col) => place.set(c.id, { sheet, col, filmId: c.filmId })),
  );

  for (const s of input.scores) {
    const at = place.get(s.candidate);
    const row = rowOf.get(s.juror);
    const steps = scale.toSteps(s.value);
    if (!at || row === undefined || steps === null) {
      throw new Error(`invalid score ${JSON.stringify(s)}: validate the input with parseTallyInput first`);
    }
    const { sheet, col, filmId } = at;
    if (recused.get(s.juror)?.has(filmId)) {
      sheet.recusedExcluded[col]++;
      continue;
    }
    if (input.rules.recusalByNationality) {
      const country = jurorCountry.get(s.juror);
      if (country != null && country === filmCountry.get(filmId)) {
        sheet.recusedExcluded[col]++;
        sheet.recusedByNationality[col]++;
        continue;
      }
    }
    sheet.grid[row * sheet.cols + col] = steps;
    sheet.counted[col]++;
  }
  return sheets;
}
