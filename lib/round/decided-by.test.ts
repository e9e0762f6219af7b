import { describe, expect, it } from 'vitest';
import { chairDecidedAwards, decidedBy } from './decided-by';

const n = (reasons: { code: string; params?: Record<string, string | number> }[], status = 'decided', winners = ['1']) =>
  ({ status, winners, reasons: reasons.map((r) => ({ code: r.code, params: r.params ?? {} })) });

describe('how an award was decided, in words', () => {
  it('a casting vote is a casting vote, not "margin 0.00"', () => {
    expect(decidedBy(n([{ code: 'tie_unresolved' }, { code: 'chair_casting_vote', params: { candidate: '1' } }]))).toEqual({ how: 'casting_vote' });
  });
  it('a shared award by the chair', () => {
    expect(decidedBy(n([{ code: 'shared_award' }], 'decided', ['1', '2']))).toEqual({ how: 'shared' });
  });
  it('a head-to-head with its count, or without when the count is withheld', () => {
    expect(decidedBy(n([{ code: 'head_to_head', params: { winner: '1', loser: '2', for: 7, against: 4 } }]))).toEqual({ how: 'head_to_head', for: 7, against: 4 });
    expect(decidedBy(n([{ code: 'head_to_head', params: { winner: '1', loser: '2' } }]))).toEqual({ how: 'head_to_head', for: null, against: null });
  });
  it('otherwise the higher score; nothing while undecided', () => {
    expect(decidedBy(n([]))).toEqual({ how: 'score' });
    expect(decidedBy(n([{ code: 'tie_unresolved' }], 'blocked', []))).toBeNull();
  });
});

describe('awards the chair decided, for the public page and the protocol', () => {
  const awards = [{ nomination: 'best_director', candidateId: 7 }, { nomination: 'best_film', candidateId: 3 }, { nomination: 'best_film', candidateId: 4 }];
  it('the latest decision in force, when it chose the awarded winners', () => {
    const out = chairDecidedAwards([
      { code: 'best_director', kind: 'casting_vote', chosen: [8] },
      { code: 'best_director', kind: 'casting_vote', chosen: [7] },
      { code: 'best_film', kind: 'shared', chosen: [3, 4] },
    ], awards);
    expect([...out]).toEqual([['best_director', 'casting_vote'], ['best_film', 'shared']]);
  });
  it('not a decision whose choice is not what was awarded, nor any other kind', () => {
    expect(chairDecidedAwards([{ code: 'best_director', kind: 'casting_vote', chosen: [8] }, { code: 'best_film', kind: 'no_award', chosen: [] }], awards).size).toBe(0);
  });
});
