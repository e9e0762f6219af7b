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

/** Where a candidate's scores go, with what the recusal checks need about its film. */
interface Place {
  sheet: Sheet;
  col: number;
  filmId: string;
  filmCountry: string | undefined;
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

  // Every candidate of every nomination in input order, and its index by id (the last one wins, as a
  // map built in that order would have it; `owns` marks the entries that win).
  const ids: string[] = [];
  const places: Place[] = [];
  const indexOf = new Map<string, number>();
  for (const sheet of sheets) {
    sheet.nomination.candidates.forEach((c, col) => {
      indexOf.set(c.id, places.length);
      ids.push(c.id);
      places.push({ sheet, col, filmId: c.filmId, filmCountry: filmCountry.get(c.filmId) });
    });
  }
  const owns = ids.map((id, i) => indexOf.get(id) === i);

  // The app hands scores grouped by juror, each juror's in candidate order. So the juror's row,
  // recusals and country are looked up once per juror, not per score, and a score's candidate is
  // first tried as the one after the previous score's (wrapping to the first): one string
  // comparison instead of a map look-up. Any other order still works, through the maps.
  const byNationality = input.rules.recusalByNationality;
  let juror: string | undefined;
  let row = -1;
  let jurorRecused: Set<string> | undefined;
  let country: string | null | undefined;
  let p = -1;
  for (const s of input.scores) {
    if (s.juror !== juror) {
      juror = s.juror;
      row = rowOf.get(juror) ?? -1;
      jurorRecused = recused.get(juror);
      country = jurorCountry.get(juror);
    }
    const next = p + 1 < ids.length ? p + 1 : 0;
    p = ids[next] === s.candidate && owns[next] ? next : (indexOf.get(s.candidate) ?? -1);
    const steps = scale.toSteps(s.value);
    if (p < 0 || row < 0 || steps === null) {
      throw new Error(`invalid score ${JSON.stringify(s)}: validate the input with parseTallyInput first`);
    }
    const { sheet, col, filmId, filmCountry: fc } = places[p];
    if (jurorRecused?.has(filmId)) {
      sheet.recusedExcluded[col]++;
      continue;
    }
    // The same rule as recused.ts (recusedByNationality), inlined: this loop runs for every score.
    if (byNationality && !!country && country === fc) {
      sheet.recusedExcluded[col]++;
      sheet.recusedByNationality[col]++;
      continue;
    }
    sheet.grid[row * sheet.cols + col] = steps;
    sheet.counted[col]++;
  }
  return sheets;
}
