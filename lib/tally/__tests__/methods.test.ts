// Worked examples for each method, with the arithmetic in the comments.

import { describe, expect, it } from 'vitest';
import { A, B, C, exactOf, rankOf, singleNomination, tallyOne } from './helpers';

describe('mean', () => {
  it('is an exact fraction, displayed to two decimals', () => {
    // A: (7+8+8)/3 = 23/3 = 7.67; B: (9+6+7)/3 = 22/3 = 7.33; margin 1/3.
    const n = tallyOne(singleNomination({ j1: [7, 9], j2: [8, 6], j3: [8, 7] }));
    expect(n.status).toBe('decided');
    expect(n.winners).toEqual([A]);
    expect(n.ranking.map((r) => [r.candidate, r.aggregate])).toEqual([
      [A, { exact: '23/3', display: '7.67' }],
      [B, { exact: '22/3', display: '7.33' }],
    ]);
    expect(n.margin).toEqual({ exact: '1/3', display: '0.33' });
  });

  it('works on a 0.5 step scale', () => {
    // Scale 0..5 step 0.5. A: (3.5+4+4.5)/3 = 4; B: (4.5+4.5+2.5)/3 = 23/6 = 3.83.
    const input = singleNomination({ j1: [3.5, 4.5], j2: [4, 4.5], j3: [4.5, 2.5] }, { scale: { min: 0, max: 5, step: 0.5 } });
    const n = tallyOne(input);
    expect(exactOf(n)).toEqual({ [A]: '4', [B]: '23/6' });
    expect(n.margin).toEqual({ exact: '1/6', display: '0.17' });
  });

  it('works on a 0.25 step scale and rounds the display half away from zero', () => {
    // A: (2.25+3.75)/2 = 3; B: (3.25+2.5)/2 = 23/8 = 2.875 -> "2.88".
    const input = singleNomination({ j1: [2.25, 3.25], j2: [3.75, 2.5] }, { scale: { min: 1, max: 4, step: 0.25 } });
    const n = tallyOne(input);
    expect(n.ranking[1].aggregate).toEqual({ exact: '23/8', display: '2.88' });
    expect(n.margin).toEqual({ exact: '1/8', display: '0.13' });
  });

  it('finds a tie that floating point would miss (0.1 + 0.2 vs 0.3 + 0)', () => {
    // In floats (0.1+0.2)/2 = 0.15000000000000002 and (0.3+0)/2 = 0.15; exactly both are 3/20.
    // Head-to-head: j1 prefers B, j2 prefers A: 1-1, so the award is blocked.
    const input = singleNomination({ j1: [0.1, 0.3], j2: [0.2, 0] }, { scale: { min: 0, max: 1, step: 0.1 } });
    const n = tallyOne(input);
    expect(exactOf(n)).toEqual({ [A]: '3/20', [B]: '3/20' });
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 1 });
    expect(n.status).toBe('blocked');
    expect(n.tie).toEqual({ candidates: [A, B], places: 1 });
  });

  it('handles a scale that does not start at 1', () => {
    // Scale -2..2 step 0.5: A: (-1.5 + 2)/2 = 1/4; B: (-2 + 1)/2 = -1/2.
    const input = singleNomination({ j1: [-1.5, -2], j2: [2, 1] }, { scale: { min: -2, max: 2, step: 0.5 } });
    const n = tallyOne(input);
    expect(exactOf(n)).toEqual({ [A]: '1/4', [B]: '-1/2' });
    expect(n.ranking[1].aggregate?.display).toBe('-0.50');
    expect(n.margin).toEqual({ exact: '3/4', display: '0.75' });
  });
});

describe('trimmed_mean', () => {
  it('drops one highest and one lowest score from five or more', () => {
    // A: 1, 8, 8, 8, 10 -> drop 10 and 1 -> 24/3 = 8 (its mean would be 35/5 = 7).
    // B: 7 x5 -> drop 7 and 7 -> 7. C: 1, 9, 9, 9 (only four scores) -> no trim, 28/4 = 7.
    const rows = { j1: [1, 7, 1], j2: [8, 7, 9], j3: [8, 7, 9], j4: [8, 7, 9], j5: [10, 7, null] };
    const n = tallyOne(singleNomination(rows, { method: 'trimmed_mean' }));
    expect(exactOf(n)).toEqual({ [A]: '8', [B]: '7', [C]: '7' });
    expect(n.winners).toEqual([A]);
    expect(n.ranking[0].reasons).toEqual([{ code: 'trimmed', params: { dropped: 2, highest: 10, lowest: 1 } }]);
    expect(n.ranking.find((r) => r.candidate === C)!.reasons).toEqual([]);
    expect(n.ranking.find((r) => r.candidate === C)!.counted).toBe(4);

    // Under the plain mean A and B tie at 7 (and A wins head-to-head 4-1).
    const m = tallyOne(singleNomination(rows, { method: 'mean' }));
    expect(exactOf(m)).toEqual({ [A]: '7', [B]: '7', [C]: '7' });
  });

  it('drops only one of several equal extremes', () => {
    // 2, 2, 5, 9, 9 -> drop one 9 and one 2 -> (2+5+9)/3 = 16/3.
    const n = tallyOne(singleNomination({ j1: [2], j2: [2], j3: [5], j4: [9], j5: [9] }, { method: 'trimmed_mean' }));
    expect(n.ranking[0].aggregate).toEqual({ exact: '16/3', display: '5.33' });
  });
});

describe('median', () => {
  it('takes the middle score, or the exact mean of the two middle ones', () => {
    // A: 3, 9, 5 -> 5. B: 3, 9, 5, 8 -> (5+8)/2 = 13/2. C: 4 alone -> 4.
    const n = tallyOne(singleNomination({ j1: [3, 3, 4], j2: [9, 9, null], j3: [5, 5, null], j4: [null, 8, null] }, { method: 'median' }));
    expect(exactOf(n)).toEqual({ [A]: '5', [B]: '13/2', [C]: '4' });
    expect(n.winners).toEqual([B]);
    expect(n.margin).toEqual({ exact: '3/2', display: '1.50' });
  });

  it('works in half steps', () => {
    // 6.5, 7 -> 27/4 = 6.75.
    const n = tallyOne(singleNomination({ j1: [6.5], j2: [7] }, { method: 'median', scale: { min: 1, max: 10, step: 0.5 } }));
    expect(n.ranking[0].aggregate).toEqual({ exact: '27/4', display: '6.75' });
  });
});

describe('normalized_mean', () => {
  // Independent z-scores: population standard deviation over the juror's own scores.
  const z = (xs: number[]) => {
    const m = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length);
    return xs.map((x) => (sd === 0 ? 0 : (x - m) / sd));
  };

  it('removes one lenient juror\'s pull', () => {
    // j1 spreads widely (10, 1, 5); j2 and j3 prefer B narrowly (6, 8, 7).
    // Mean: A = 22/3 = 7.33 wins. z-scores: j1 A 1.268, B -1.177, C -0.091; j2/j3 A -1.225, B 1.225, C 0.
    // Mean z: A -0.394, B 0.424, C -0.030 -> B wins.
    const rows = { j1: [10, 1, 5], j2: [6, 8, 7], j3: [6, 8, 7] };
    expect(tallyOne(singleNomination(rows)).winners).toEqual([A]);
    const n = tallyOne(singleNomination(rows, { method: 'normalized_mean' }));
    expect(n.winners).toEqual([B]);
    const [z1, z2] = [z([10, 1, 5]), z([6, 8, 7])];
    const expected = [0, 1, 2].map((i) => (z1[i] + 2 * z2[i]) / 3);
    for (const [i, id] of [A, B, C].entries()) {
      const got = n.ranking.find((r) => r.candidate === id)!.aggregate!;
      expect(Number(got.exact)).toBeCloseTo(expected[i], 9);
      expect(got.display).toBe(expected[i].toFixed(3));
    }
    expect(Number(n.margin!.exact)).toBeCloseTo(expected[1] - expected[2], 9);
  });

  it('gives zeros for a juror with no spread, and ties within 1e-9', () => {
    // j1 gives 5 to all: zeros. j2: A 8, B 8, C 2 -> A and B tie exactly; C below.
    const n = tallyOne(singleNomination({ j1: [5, 5, 5], j2: [8, 8, 2] }, { method: 'normalized_mean' }));
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 1, [C]: 3 });
    expect(n.status).toBe('blocked');
    // In steps above 1, j2 gave 7, 7, 1: n = 3, S = 15, Q = 99; z(7) = (3*7 - 15)/sqrt(3*99 - 15^2)
    // = 6/sqrt(72) = 0.7071; averaged with j1's zero: 0.3536.
    expect(n.ranking[0].aggregate).toEqual({ exact: (6 / Math.sqrt(72) / 2).toFixed(9), display: '0.354' });
  });

  it('is not monotone: raising a score can lower the candidate\'s rank (a documented limit)', () => {
    // Candidates X, Y, O1, O2. j1: X 9, Y 1, O 5, 5; j2 mirrors it: X 1, Y 9, O 5, 5.
    // Every z-score pairs with its opposite: all four average exactly 0 and split head-to-head: all rank 1.
    // j1 raises X to 10. j1's mean and spread grow with it (in steps above 1: n = 4, S = 17,
    // n*Q - S^2 = 163): z(X) = 19/sqrt(163) = 1.488, z(Y) = -17/sqrt(163) = -1.332, z(O) = -0.078.
    // With j2's 1.414 / -1.414: X = (1.488 - 1.414)/2 = 0.037 but Y = (-1.332 + 1.414)/2 = 0.041.
    // Y overtakes X: X falls from rank 1 to rank 2 for being scored higher. The mean has X first.
    const before = { j1: [9, 1, 5, 5], j2: [1, 9, 5, 5] };
    const after = { j1: [10, 1, 5, 5], j2: [1, 9, 5, 5] };
    const b = tallyOne(singleNomination(before, { method: 'normalized_mean' }));
    const a = tallyOne(singleNomination(after, { method: 'normalized_mean' }));
    expect(rankOf(b)).toEqual({ [A]: 1, [B]: 1, [C]: 1, 'best_film:D': 1 });
    expect(rankOf(a)[A]).toBe(2);
    expect(a.winners).toEqual([B]);
    expect(tallyOne(singleNomination(after)).winners).toEqual([A]);
  });

  it('only scores the juror gave in this nomination count toward that juror\'s spread', () => {
    // j2 scored only A: a single score has no spread, so it adds a zero.
    const n = tallyOne(singleNomination({ j1: [9, 3], j2: [10, null] }, { method: 'normalized_mean' }));
    expect(n.ranking.map((r) => r.aggregate?.exact)).toEqual(['0.500000000', '-1.000000000']);
  });
});

describe('schulze', () => {
  it('ranks a Condorcet winner first and shows how many it beats', () => {
    // A beats B 2-1 and C 3-0; B beats C 2-1. Order A > B > C.
    const n = tallyOne(singleNomination({ j1: [9, 8, 1], j2: [9, 1, 8], j3: [5, 9, 1] }, { method: 'schulze' }));
    expect(n.ranking.map((r) => [r.candidate, r.rank, r.aggregate])).toEqual([
      [A, 1, { exact: 'beats 2, beaten by 0', display: '2-0' }],
      [B, 2, { exact: 'beats 1, beaten by 1', display: '1-1' }],
      [C, 3, { exact: 'beats 0, beaten by 2', display: '0-2' }],
    ]);
    // Margin: p[A][B] - p[B][A] = 2 - 0.
    expect(n.margin).toEqual({ exact: '2', display: '2' });
  });

  it('ties a symmetric cycle and blocks the award', () => {
    // Latin square: A>B>C, B>C>A, C>A>B: every pairwise contest is 2-1, every path strength 2.
    const n = tallyOne(singleNomination({ j1: [3, 2, 1], j2: [1, 3, 2], j3: [2, 1, 3] }, { method: 'schulze' }));
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 1, [C]: 1 });
    expect(n.status).toBe('blocked');
    expect(n.tie?.candidates).toEqual([A, B, C]);
  });

  it('treats equal scores as no preference and unscored candidates as absent from that ballot', () => {
    // j1: A = B (no preference), j2 did not score B. Only j3 expresses A vs B: B > A.
    const n = tallyOne(singleNomination({ j1: [7, 7], j2: [9, null], j3: [4, 6] }, { method: 'schulze' }));
    expect(n.winners).toEqual([B]);
  });

  it('does not re-use head-to-head inside a Schulze tie', () => {
    // j1: A > B, j2: B > C, j3 and j4: C > A. Links A->B 1, B->C 1, C->A 2. p[C][A] = 2 > p[A][C] = 1,
    // but B and C tie (p = 1 both ways) although B beats C head-to-head 1-0: the award is blocked.
    const n = tallyOne(
      singleNomination({ j1: [5, 3, null], j2: [null, 5, 3], j3: [3, null, 5], j4: [3, null, 5] }, { method: 'schulze' }),
    );
    expect(rankOf(n)).toEqual({ [A]: 2, [B]: 1, [C]: 1 });
    expect(n.status).toBe('blocked');
    expect(n.tie?.candidates).toEqual([B, C]);
  });

  it('ranks a partial order by the number of candidates that beat each one', () => {
    // j1 and j2 score A 9, B 5: A beats B 2-0. C is scored by j3 alone and D by j4 alone, so
    // neither meets anyone: unbeaten, beating nobody.
    const n = tallyOne(singleNomination({ j1: [9, 5, null, null], j2: [9, 5, null, null], j3: [null, null, 4, null], j4: [null, null, null, 6] }, { method: 'schulze' }));
    // A beats B; C and D meet nobody. Beaten: A 0, B 1, C 0, D 0 -> ranks 1, 2, 1, 1.
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 2, [C]: 1, 'best_film:D': 1 });
    expect(n.status).toBe('blocked');
    expect(n.tie?.candidates).toEqual([A, C, 'best_film:D']);
  });
});
