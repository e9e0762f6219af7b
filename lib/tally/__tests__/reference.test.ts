// The fast paths of the engine (juror and next-candidate caching in buildSheets, the dense step
// look-up, head-to-head over a transposed grid, the median by counting) against the plain versions
// they replaced: same sheets, same counts, same medians, for random juries in any score order.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { methods } from '../methods';
import { exact, rat, type Rational } from '../rational';
import { scaleSteps } from '../scale';
import { buildSheets, NONE, type Sheet } from '../sheet';
import { headToHead } from '../ties';
import type { TallyInput } from '../types';
import { arbJury, prng, shuffle } from './arbitrary';

const RUNS = Number(process.env.TALLY_RUNS ?? 100);
// Up to 40 jurors on scales of 3 to 13 values: the median takes both its counting and sorting paths.
const juries = arbJury({ maxJurors: 40, maxCandidates: 15, maxNominations: 3 });

/** buildSheets as first written: four map look-ups per score. */
function plainSheets(input: TallyInput): Sheet[] {
  const scale = scaleSteps(input.scale);
  const jurorIds = input.jurors.map((j) => j.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const rowOf = new Map(jurorIds.map((id, row) => [id, row]));
  const jurorCountry = new Map(input.jurors.map((j) => [j.id, j.country]));
  const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));
  const recused = new Set(input.recusals.map((r) => `${r.juror}\n${r.film}`));
  const sheets = input.nominations.map((nomination) => ({
    nomination,
    rows: jurorIds.length,
    cols: nomination.candidates.length,
    grid: new Int32Array(jurorIds.length * nomination.candidates.length).fill(NONE),
    counted: new Int32Array(nomination.candidates.length),
    recusedExcluded: new Int32Array(nomination.candidates.length),
    recusedByNationality: new Int32Array(nomination.candidates.length),
  }));
  const place = new Map(sheets.flatMap((sheet) => sheet.nomination.candidates.map((c, col) => [c.id, { sheet, col, filmId: c.filmId }] as const)));
  for (const s of input.scores) {
    const { sheet, col, filmId } = place.get(s.candidate)!;
    const row = rowOf.get(s.juror)!;
    const country = jurorCountry.get(s.juror);
    if (recused.has(`${s.juror}\n${filmId}`)) sheet.recusedExcluded[col]++;
    else if (input.rules.recusalByNationality && country != null && country === filmCountry.get(filmId)) {
      sheet.recusedExcluded[col]++;
      sheet.recusedByNationality[col]++;
    } else {
      sheet.grid[row * sheet.cols + col] = scale.toSteps(s.value)!;
      sheet.counted[col]++;
    }
  }
  return sheets;
}

/** Scores in juror order, as the app hands them (the cached path), or shuffled (the map path). */
function orders(input: TallyInput, seed: number): TallyInput[] {
  const byJuror = [...input.scores].sort((a, b) => (a.juror < b.juror ? -1 : a.juror > b.juror ? 1 : 0));
  return [input, { ...input, scores: byJuror }, { ...input, scores: shuffle(input.scores, prng(seed)) }];
}

const column = (sheet: Sheet, c: number) =>
  Array.from({ length: sheet.rows }, (_, r) => sheet.grid[r * sheet.cols + c]).filter((v) => v !== NONE);

describe('fast paths against plain references', () => {
  it('buildSheets: the same grids and counts whatever the order of the scores', () => {
    fc.assert(
      fc.property(juries, fc.integer(), (input, seed) => {
        const expected = plainSheets(input);
        for (const variant of orders(input, seed)) expect(buildSheets(variant, scaleSteps(variant.scale))).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('toSteps: a value seen before gives what the exact check gives', () => {
    const values = [0, -0, 0.5, 1, 1.25, 1.3, 2, 2.75, 3, 4, 4.5, 5, 7, 10, 11, -1, NaN, Infinity, 1e-300];
    // Worked out by hand, (value - min) / step when that is a whole number from 0 to the last step:
    // the plain check above is the same function, so these pin what both must give.
    const _ = null;
    const pinned: [{ min: number; max: number; step: number }, (number | null)[]][] = [
      //                           0  -0 .5  1 1.25 1.3 2 2.75 3  4 4.5 5  7 10 11 -1 NaN Inf 1e-300
      [{ min: 1, max: 10, step: 1 }, [_, _, _, 0, _, _, 1, _, 2, 3, _, 4, 6, 9, _, _, _, _, _]],
      [{ min: 0, max: 5, step: 0.5 }, [0, 0, 1, 2, _, _, 4, _, 6, 8, 9, 10, _, _, _, _, _, _, _]],
      [{ min: 1, max: 4, step: 0.25 }, [_, _, _, 0, 1, _, 4, 7, 8, 12, _, _, _, _, _, _, _, _, _]],
    ];
    for (const [scale, steps] of pinned) {
      const warm = scaleSteps(scale);
      for (let round = 0; round < 3; round++) {
        values.forEach((v, i) => {
          const fresh = scaleSteps(scale).toSteps(v);
          expect(fresh, `fresh ${JSON.stringify(scale)} ${v}`).toBe(steps[i]);
          expect(warm.toSteps(v), `${JSON.stringify(scale)} ${v}`).toBe(fresh);
        });
      }
    }
    // The values named in review, spelled out.
    const at = (scale: { min: number; max: number; step: number }, v: number) => scaleSteps(scale).toSteps(v);
    expect([at({ min: 1, max: 10, step: 1 }, 7), at({ min: 1, max: 10, step: 1 }, 11), at({ min: 1, max: 10, step: 1 }, 1)]).toEqual([6, null, 0]);
    expect([at({ min: 0, max: 5, step: 0.5 }, 4.5), at({ min: 0, max: 5, step: 0.5 }, 2.75)]).toEqual([9, null]);
    expect([at({ min: 1, max: 4, step: 0.25 }, 1.3), at({ min: 1, max: 4, step: 0.25 }, 4)]).toEqual([null, 12]);
  });

  it('head-to-head: the counts of a plain pass over the rows, for every pair', () => {
    fc.assert(
      fc.property(juries, (input) => {
        for (const sheet of buildSheets(input, scaleSteps(input.scale))) {
          const duel = headToHead(sheet);
          for (let a = 0; a < sheet.cols; a++) {
            for (let b = 0; b < sheet.cols; b++) {
              let wins = 0;
              let losses = 0;
              for (let r = 0; r < sheet.rows; r++) {
                const [va, vb] = [sheet.grid[r * sheet.cols + a], sheet.grid[r * sheet.cols + b]];
                if (va === NONE || vb === NONE) continue;
                if (va > vb) wins++;
                else if (vb > va) losses++;
              }
              expect(duel(a, b)).toEqual({ wins, losses });
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('median: the middle of each sorted column', () => {
    fc.assert(
      fc.property(juries.map((input) => ({ ...input, method: 'median' as const })), (input) => {
        const scale = scaleSteps(input.scale);
        for (const sheet of buildSheets(input, scale)) {
          const expected = Array.from({ length: sheet.cols }, (_, c): Rational | null => {
            const v = column(sheet, c).sort((x, y) => x - y);
            const h = v.length >> 1;
            return v.length === 0 ? null : v.length % 2 ? rat(v[h]) : rat(v[h - 1] + v[h], 2);
          });
          const got = methods.median(sheet, scale).aggregates.map((a) => a?.exact ?? null);
          expect(got).toEqual(expected.map((v) => v && exact(scale.valueOf(v))));
        }
      }),
      { numRuns: RUNS },
    );
  });
});
