// Budgets from the brief: 10,000 jurors x 100 candidates in one nomination under 1 s for a score
// method and under 5 s for Schulze; 100 jurors x 200 candidates x 6 nominations quickly.

import { describe, expect, it } from 'vitest';
import { tally } from '../tally';
import type { Method, TallyInput } from '../types';
import { prng } from './arbitrary';

function big(jurors: number, candidates: number, nominations: number, method: Method): TallyInput {
  const rand = prng(2018);
  const films = Array.from({ length: candidates }, (_, i) => ({ id: `f${i}`, country: ['CN', 'KZ', 'RU'][i % 3], competition: true }));
  const noms = Array.from({ length: nominations }, (_, k) => ({
    code: `award_${k}`,
    kind: 'film' as const,
    round: 'main' as const,
    candidates: films.map((f) => ({ id: `${k}:${f.id}`, filmId: f.id, person: null })),
  }));
  const js = Array.from({ length: jurors }, (_, i) => ({ id: `j${i}`, country: ['CN', 'KZ', 'RU', null][i % 4] }));
  const scores = js.flatMap((j) => noms.flatMap((n) => n.candidates.map((c) => ({ juror: j.id, candidate: c.id, value: 1 + Math.floor(rand() * 10) }))));
  return {
    version: 1,
    scale: { min: 1, max: 10, step: 1 },
    method,
    rules: { oneAwardPerFilm: true, exemptNominations: [], exAequo: {}, recusalByNationality: true },
    films,
    jurors: js,
    nominations: noms,
    scores,
    recusals: [{ juror: 'j1', film: 'f3' }],
    decisions: [],
  };
}

function timed(input: TallyInput): number {
  const start = performance.now();
  tally(input);
  return performance.now() - start;
}

describe('performance', () => {
  const huge = big(10_000, 100, 1, 'mean');

  it('tallies 10,000 jurors x 100 candidates under 1 s with the mean and the median', () => {
    expect(timed(huge)).toBeLessThan(1000);
    expect(timed({ ...huge, method: 'median' })).toBeLessThan(1000);
  });

  it('and under 5 s with Schulze', () => {
    expect(timed({ ...huge, method: 'schulze' })).toBeLessThan(5000);
  });

  it('tallies 100 jurors x 200 candidates x 6 nominations under 1 s with every method', () => {
    const input = big(100, 200, 6, 'mean');
    for (const method of ['mean', 'trimmed_mean', 'median', 'normalized_mean', 'schulze'] as const) {
      expect(timed({ ...input, method })).toBeLessThan(1000);
    }
  });
});
