import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isOnScale, scaleValues, stepsOf, valueOfSteps } from './scale';
import { orderForJuror } from './order';
import { canonicalBallot, receiptOf } from './receipt';

describe('scale', () => {
  it('lists the default scale and fractional ones without float noise', () => {
    expect(scaleValues({ min: 1, max: 10, step: 1 })).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(scaleValues({ min: 0, max: 1, step: 0.1 })).toEqual([0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]);
    expect(scaleValues({ min: 1, max: 5, step: 0.5 })).toHaveLength(9);
  });

  it('accepts exactly the values of the scale', () => {
    const scale = { min: 0, max: 1, step: 0.1 };
    // 0.30000000000000004 is not 0.3 as written: refused, where a float tolerance let it pass.
    expect(isOnScale(scale, 0.1 + 0.2)).toBe(false);
    expect(stepsOf(scale, 0.3)).toBe(3);
    expect(stepsOf(scale, '0.3')).toBe(3);
    expect(stepsOf(scale, '0.30')).toBeNull();
    expect(stepsOf({ min: 1, max: 10, step: 1 }, 5 + 1e-12)).toBeNull();
    expect(stepsOf({ min: 0, max: 10, step: 1 }, 1e-300)).toBeNull();
    expect(stepsOf({ min: 0, max: 10, step: 1 }, -0)).toBeNull();
    expect(stepsOf({ min: 0, max: 10, step: 1 }, 0)).toBe(0);
    expect(stepsOf({ min: 1, max: 10, step: 0.5 }, 7.499999999999999)).toBeNull();
    expect(stepsOf({ min: -3, max: 3, step: 1 }, -2)).toBe(1);
    expect(isOnScale(scale, 0.35)).toBe(false);
    expect(isOnScale(scale, 1.1)).toBe(false);
    expect(isOnScale(scale, Number.NaN)).toBe(false);
    expect(isOnScale(scale, Infinity)).toBe(false);
    fc.assert(fc.property(fc.integer({ min: 0, max: 10 }), (k) => stepsOf(scale, scaleValues(scale)[k]) === k));
  });

  it('turns stored steps back into the very number the juror chose, on any scale the settings allow', () => {
    const scales = fc.record({ min: fc.integer({ min: -100000, max: 100000 }), step: fc.integer({ min: 1, max: 10000 }), n: fc.integer({ min: 1, max: 1000 }) })
      .map(({ min, step, n }) => ({ min: min / 100, step: step / 100, max: (min + step * n) / 100 }));
    fc.assert(fc.property(scales, fc.nat(), (scale, k) => {
      const steps = k % (Math.round((scale.max - scale.min) / scale.step) + 1);
      const v = valueOfSteps(scale, steps);
      return stepsOf(scale, v) === steps && stepsOf(scale, String(v)) === steps;
    }));
    expect(valueOfSteps({ min: 1, max: 10, step: 1 }, 2.5)).toBeNaN();
  });
});

describe('candidate order per juror', () => {
  const items = Array.from({ length: 23 }, (_, i) => ({ id: 100 + i, filmId: i + 1 }));

  it('is a permutation, fixed for a juror, and the same film order in every nomination', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), (juror) => {
        const a = orderForJuror(juror, items);
        expect([...a].sort((x, y) => x.id - y.id)).toEqual(items);
        expect(orderForJuror(juror, [...items].reverse())).toEqual(a);
        const other = orderForJuror(juror, items.map((x) => ({ id: x.id + 1000, filmId: x.filmId })));
        expect(other.map((x) => x.filmId)).toEqual(a.map((x) => x.filmId));
      }),
      { numRuns: 50 },
    );
  });

  it('does not favour a film across a jury: each film leads for some juror', () => {
    const firsts = new Set(Array.from({ length: 2000 }, (_, j) => orderForJuror(j + 1, items)[0].filmId));
    expect(firsts.size).toBe(23);
  });
});

describe('receipt', () => {
  it('does not depend on the order scores are given in, and changes with any score or the salt', () => {
    const scores = [{ candidateId: 3, value: 7 }, { candidateId: 1, value: 9 }];
    const r = receiptOf(canonicalBallot('azimov', 'best_film', scores, 'aa'));
    expect(receiptOf(canonicalBallot('azimov', 'best_film', [...scores].reverse(), 'aa'))).toBe(r);
    expect(receiptOf(canonicalBallot('azimov', 'best_film', [{ candidateId: 3, value: 8 }, scores[1]], 'aa'))).not.toBe(r);
    expect(receiptOf(canonicalBallot('azimov', 'best_film', scores, 'ab'))).not.toBe(r);
    // A published example anyone can recompute with sha256sum:
    // printf '%s' '{"juror":"azimov","nomination":"best_film","salt":"aa","scores":[[1,9],[3,7]],"version":1}' | sha256sum
    expect(r).toBe('169c829bbc2189ba0510acce827789e076e4e65cf4fffe85955308d21b7afbc5');
  });
});
