// Published worked examples, checked to the number.

import { describe, expect, it } from 'vitest';
import { pairwiseMatrices } from '../pairwise';
import { films, makeInput, nomination, rankOf, tallyOne } from './helpers';

describe('Schulze method, the example of Wikipedia and Schulze (2011): 45 voters, 5 candidates', () => {
  // Ballot groups as published; a ballot "ACBED" ranks A first. Encoded as scores on a 1..5 scale:
  // first place 5, last place 1, so every voter states a strict order.
  const groups: [number, string][] = [
    [5, 'ACBED'],
    [5, 'ADECB'],
    [8, 'BEDAC'],
    [3, 'CABED'],
    [7, 'CAEBD'],
    [2, 'CBADE'],
    [7, 'DCEBA'],
    [8, 'EBADC'],
  ];
  const n = nomination('best_film', ['A', 'B', 'C', 'D', 'E']);
  const voters: { id: string; country: null }[] = [];
  const scores: { juror: string; candidate: string; value: number }[] = [];
  for (const [count, order] of groups) {
    for (let i = 0; i < count; i++) {
      const juror = `voter-${String(voters.length + 1).padStart(2, '0')}`;
      voters.push({ id: juror, country: null });
      [...order].forEach((film, place) => scores.push({ juror, candidate: `best_film:${film}`, value: 5 - place }));
    }
  }
  const input = makeInput({
    method: 'schulze',
    scale: { min: 1, max: 5, step: 1 },
    films: films('A', 'B', 'C', 'D', 'E'),
    jurors: voters,
    nominations: [n],
    scores,
  });

  it('has 45 voters', () => expect(voters).toHaveLength(45));

  it('computes the published pairwise preferences d', () => {
    const m = pairwiseMatrices(input, 'best_film');
    expect(m.candidates).toEqual(['A', 'B', 'C', 'D', 'E'].map((x) => `best_film:${x}`));
    // d[A][B] = 5+5+3+7 = 20 and d[B][A] = 8+2+7+8 = 25, as in the text.
    expect(m.d).toEqual([
      [0, 20, 26, 30, 22],
      [25, 0, 16, 33, 18],
      [19, 29, 0, 17, 24],
      [15, 12, 28, 0, 14],
      [23, 27, 21, 31, 0],
    ]);
  });

  it('computes the published strongest paths p', () => {
    // E.g. p[A][C] = 28 through A-(30)-D-(28)-C, not the direct 26; p[E][A] = 25 > p[A][E] = 24.
    expect(pairwiseMatrices(input, 'best_film').p).toEqual([
      [0, 28, 28, 30, 24],
      [25, 0, 28, 33, 24],
      [25, 29, 0, 29, 24],
      [25, 28, 28, 0, 24],
      [25, 28, 28, 31, 0],
    ]);
  });

  it('elects E and ranks E > A > C > B > D', () => {
    const r = tallyOne(input);
    expect(r.winners).toEqual(['best_film:E']);
    expect(r.ranking.map((x) => x.filmId)).toEqual(['E', 'A', 'C', 'B', 'D']);
    expect(r.ranking.map((x) => x.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(r.ranking.map((x) => x.aggregate?.display)).toEqual(['4-0', '3-1', '2-2', '1-3', '0-4']);
    // E leads A by p[E][A] - p[A][E] = 25 - 24.
    expect(r.margin).toEqual({ exact: '1', display: '1' });
  });

  it('does not depend on the order of the ballots', () => {
    const reversed = { ...input, jurors: [...input.jurors].reverse(), scores: [...input.scores].reverse() };
    expect(tallyOne(reversed)).toEqual(tallyOne(input));
  });
});

describe('trimmed mean, a seven-judge panel dropping the highest and lowest mark', () => {
  // As gymnastics and (pre-2004) figure skating panels did: of seven marks on a 0..10 scale in
  // tenths, the highest and the lowest are dropped and the middle five averaged.
  // Gymnast A: 9.0 9.0 9.0 9.0 9.0 9.0 10.0 (one lenient judge)
  //   mean    = 64.0 / 7 = 9.142857... -> exact 64/7
  //   trimmed = drop 10.0 and one 9.0 -> 45.0 / 5 = 9.00
  // Gymnast B: 9.1 9.1 9.1 9.1 9.1 9.1 8.5 (one harsh judge)
  //   mean    = 63.1 / 7 = 9.014285... -> exact 631/70
  //   trimmed = drop one 9.1 and 8.5 -> 45.5 / 5 = 9.10 -> exact 91/10
  // The mean gives the title to A on one judge's mark; the trimmed mean to B, by 0.10.
  // Gymnast C: 9.5 9.4 9.6 9.3 9.7 9.5 9.8
  //   trimmed = drop 9.8 and 9.3 -> (9.5+9.4+9.6+9.7+9.5) = 47.7 / 5 = 9.54 -> exact 477/50
  const marks = {
    A: [9.0, 9.0, 9.0, 9.0, 9.0, 9.0, 10.0],
    B: [9.1, 9.1, 9.1, 9.1, 9.1, 9.1, 8.5],
    C: [9.5, 9.4, 9.6, 9.3, 9.7, 9.5, 9.8],
  };
  const judges = Array.from({ length: 7 }, (_, i) => ({ id: `judge-${i + 1}`, country: null }));
  const panel = (entries: (keyof typeof marks)[], method: 'mean' | 'trimmed_mean') => {
    const n = nomination('best_film', entries);
    return makeInput({
      method,
      scale: { min: 0, max: 10, step: 0.1 },
      films: films(...entries),
      jurors: judges,
      nominations: [n],
      scores: entries.flatMap((e) =>
        marks[e].map((value, j) => ({ juror: judges[j].id, candidate: `best_film:${e}`, value })),
      ),
    });
  };

  it('works the numbers exactly', () => {
    const t = tallyOne(panel(['A', 'B', 'C'], 'trimmed_mean'));
    expect(t.ranking.map((r) => [r.filmId, r.aggregate])).toEqual([
      ['C', { exact: '477/50', display: '9.54' }],
      ['B', { exact: '91/10', display: '9.10' }],
      ['A', { exact: '9', display: '9.00' }],
    ]);
    expect(t.ranking.map((r) => r.reasons)).toEqual([
      [{ code: 'trimmed', params: { dropped: 2, highest: 9.8, lowest: 9.3 } }],
      [{ code: 'trimmed', params: { dropped: 2, highest: 9.1, lowest: 8.5 } }],
      [{ code: 'trimmed', params: { dropped: 2, highest: 10, lowest: 9 } }],
    ]);
  });

  it('turns the result between A and B that the plain mean gets the other way', () => {
    const m = tallyOne(panel(['A', 'B'], 'mean'));
    expect(m.winners).toEqual(['best_film:A']);
    expect(m.ranking.map((r) => r.aggregate)).toEqual([
      { exact: '64/7', display: '9.14' },
      { exact: '631/70', display: '9.01' },
    ]);
    const t = tallyOne(panel(['A', 'B'], 'trimmed_mean'));
    expect(t.winners).toEqual(['best_film:B']);
    expect(t.margin).toEqual({ exact: '1/10', display: '0.10' });
    expect(rankOf(t)).toEqual({ 'best_film:B': 1, 'best_film:A': 2 });
  });
});
