// Recusals (declared and by nationality) and candidates left without counted scores.

import { describe, expect, it } from 'vitest';
import { tally } from '../tally';
import { A, B, C, ballots, films, makeInput, nomination, singleNomination, tallyOne } from './helpers';

describe('a declared recusal', () => {
  // j3 is recused from film A but a score of 10 is still on file (entered before declaring).
  const rows = { j1: [6, 7], j2: [6, 7], j3: [10, 7] };
  const input = singleNomination(rows, { recusals: [{ juror: 'j3', film: 'A' }] });

  it('excludes the juror\'s score for that film and says so', () => {
    const n = tallyOne(input);
    // Counted: A 6, 6 -> 6; B 7, 7, 7 -> 7. Without the recusal A would have 22/3 and win.
    expect(n.winners).toEqual([B]);
    const a = n.ranking.find((r) => r.candidate === A)!;
    expect(a).toMatchObject({ counted: 2, recusedExcluded: 1, aggregate: { exact: '6', display: '6.00' } });
    expect(a.reasons).toEqual([{ code: 'recused_excluded', params: { count: 1, byNationality: 0 } }]);
    expect(n.reasons).toEqual([{ code: 'recused_excluded', params: { count: 1 } }]);
  });

  it('does not depend on the excluded value', () => {
    const other = { ...input, scores: input.scores.map((s) => (s.juror === 'j3' && s.candidate === A ? { ...s, value: 1 } : s)) };
    expect(tally(other)).toEqual(tally(input));
  });

  it('covers every candidate of that film in every nomination, under every method', () => {
    const film = nomination('best_film', ['A', 'B']);
    const director = nomination('best_director', ['A', 'B'], { kind: 'performance', people: ['x', 'y'] });
    for (const method of ['mean', 'median', 'trimmed_mean', 'normalized_mean', 'schulze'] as const) {
      const result = tally(
        makeInput({
          method,
          rules: { oneAwardPerFilm: false },
          films: films('A', 'B'),
          jurors: [{ id: 'j1', country: null }, { id: 'j2', country: null }],
          nominations: [film, director],
          scores: [...ballots(film, { j1: [1, 9], j2: [9, 1] }), ...ballots(director, { j1: [1, 9], j2: [9, 1] })],
          recusals: [{ juror: 'j1', film: 'A' }],
        }),
      );
      for (const n of result.nominations) {
        expect(n.ranking.find((r) => r.filmId === 'A')).toMatchObject({ counted: 1, recusedExcluded: 1 });
      }
    }
  });
});

describe('recusal by nationality', () => {
  const film = nomination('best_film', ['KZ1', 'CN1']);
  const base = {
    films: [
      { id: 'KZ1', country: 'KZ', competition: true },
      { id: 'CN1', country: 'CN', competition: true },
    ],
    jurors: [
      { id: 'kz', country: 'KZ' },
      { id: 'cn', country: 'CN' },
      { id: 'xx', country: null },
    ],
    nominations: [film],
    scores: ballots(film, { kz: [10, 1], cn: [5, 10], xx: [7, 6] }),
  };

  it('when on, excludes scores of jurors for films of their own country', () => {
    const n = tallyOne(makeInput({ ...base, rules: { recusalByNationality: true } }));
    // KZ1: cn 5, xx 7 -> 6; CN1: kz 1, xx 6 -> 7/2.
    expect(n.ranking.map((r) => [r.candidate, r.aggregate?.exact, r.counted, r.recusedExcluded])).toEqual([
      ['best_film:KZ1', '6', 2, 1],
      ['best_film:CN1', '7/2', 2, 1],
    ]);
    expect(n.ranking[0].reasons).toEqual([{ code: 'recused_excluded', params: { count: 1, byNationality: 1 } }]);
  });

  it('when off, counts them', () => {
    const n = tallyOne(makeInput({ ...base, rules: { recusalByNationality: false } }));
    expect(n.ranking.map((r) => r.counted)).toEqual([3, 3]);
  });

  it('never applies to a juror without a country', () => {
    const n = tallyOne(makeInput({ ...base, rules: { recusalByNationality: true } }));
    expect(n.ranking.every((r) => r.counted === 2)).toBe(true); // xx counted everywhere
  });
});

describe('candidates without counted scores', () => {
  it('rank last, have no aggregate and cannot win', () => {
    // C was scored only by j1, who is recused from C's film: C has nothing counted.
    const input = singleNomination({ j1: [2, 1, 10], j2: [2, 1, null] }, { recusals: [{ juror: 'j1', film: 'C' }] });
    const n = tallyOne(input);
    expect(n.winners).toEqual([A]);
    expect(n.ranking[2]).toEqual({
      candidate: C,
      filmId: 'C',
      person: null,
      rank: 3,
      aggregate: null,
      counted: 0,
      recusedExcluded: 1,
      eligible: false,
      reasons: [
        { code: 'no_counted_scores', params: {} },
        { code: 'recused_excluded', params: { count: 1, byNationality: 0 } },
      ],
    });
  });

  it('share the last rank', () => {
    const n = tallyOne(singleNomination({ j1: [5, null, null] }));
    expect(n.ranking.map((r) => r.rank)).toEqual([1, 2, 2]);
  });

  it('give status no_scores when nobody has a counted score', () => {
    for (const method of ['mean', 'schulze', 'normalized_mean'] as const) {
      const n = tallyOne(singleNomination({ j1: [null, null] }, { method }));
      expect(n).toMatchObject({ status: 'no_scores', winners: [], tie: null, margin: null });
      expect(n.ranking.map((r) => r.rank)).toEqual([1, 1]);
    }
  });

  it('give status no_candidates to a nomination without candidates', () => {
    const n = tallyOne(makeInput({ nominations: [{ code: 'best_film', kind: 'film', round: 'main', candidates: [] }] }));
    expect(n).toMatchObject({ status: 'no_candidates', winners: [], ranking: [], tie: null, margin: null });
  });
});

describe('under schulze, a recused juror expresses no preference involving the film', () => {
  it('ignores the recused juror in every pair with that film', () => {
    // j1 (recused from A): A 9, B 1. j2: A 3, B 5. j3: A 5, B 5 (no preference).
    // With the recusal only j2 states a preference: B beats A 1-0. Without it, 1-1.
    const input = singleNomination({ j1: [9, 1], j2: [3, 5], j3: [5, 5] }, { method: 'schulze', recusals: [{ juror: 'j1', film: 'A' }] });
    expect(tallyOne(input).winners).toEqual([B]);
    const without = singleNomination({ j1: [9, 1], j2: [3, 5], j3: [5, 5] }, { method: 'schulze' });
    expect(tallyOne(without).status).toBe('blocked'); // 1-1 without the recusal
  });
});
