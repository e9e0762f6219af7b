import { describe, expect, it } from 'vitest';
import { rankedApart } from './ranked-apart';

const row = (candidate: string, rank: number, exact: string | null) => ({ candidate, rank, aggregate: exact ? { exact } : null });

describe('equal aggregates at different ranks, said on the desk', () => {
  const ranking = [row('a', 1, '7'), row('b', 2, '6'), row('c', 3, '6'), row('d', 4, '27/5'), row('e', 5, '27/5'), row('f', 5, '5'), row('g', 7, null)];
  it('pairs the candidates that share an aggregate but not a rank (head-to-head set them apart)', () => {
    const apart = rankedApart(ranking, 'mean');
    expect(Object.fromEntries(apart)).toEqual({ b: ['c'], c: ['b'], d: ['e'], e: ['d'] });
  });
  it('says nothing of a shared rank, of Schulze, or of a withheld aggregate', () => {
    expect(rankedApart([row('a', 1, '6'), row('b', 1, '6')], 'mean').size).toBe(0);
    expect(rankedApart(ranking, 'schulze').size).toBe(0);
    expect(rankedApart(ranking, 'median', { e: 'thin' }).has('d')).toBe(false);
  });
});
