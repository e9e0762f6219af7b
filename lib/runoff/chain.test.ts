// The tie-break chain as data: what the settings accept, how a stored chain reads back, and what a
// tie's chain allows next when the tally does not say (inputs without tie-break rules).
import { describe, expect, it } from 'vitest';
import { chainOf, chainProblem, formOf, parseChain } from './chain';
import { nextSteps } from './next';

describe('tie-break chain', () => {
  it('accepts runoffs first, then the casting vote and/or a shared award', () => {
    expect(chainProblem(['runoff', 'runoff', 'casting_vote'], { allowed: false, maxWinners: 1 })).toBeNull();
    expect(chainProblem(['casting_vote', 'shared'], { allowed: false, maxWinners: 1 })).toBeNull(); // the default, with or without ex aequo
    expect(chainProblem(['runoff', 'shared', 'casting_vote'], { allowed: true, maxWinners: 2 })).toBeNull();
  });

  it('refuses chains that make no rule', () => {
    expect(chainProblem(['runoff'], { allowed: false, maxWinners: 1 })).toBe('tie_break'); // nothing settles the last tie
    expect(chainProblem(['casting_vote', 'runoff'], { allowed: false, maxWinners: 1 })).toBe('tie_break'); // a runoff after the end
    expect(chainProblem(['casting_vote', 'casting_vote'], { allowed: false, maxWinners: 1 })).toBe('tie_break');
    expect(chainProblem([...Array(6).fill('runoff'), 'casting_vote'], { allowed: false, maxWinners: 1 })).toBe('tie_break');
    expect(chainProblem(['runoff', 'shared'], { allowed: false, maxWinners: 1 })).toBe('tie_break_shared');
    // Runoffs can tie again (and are skipped with too few voters): only a step that settles any tie ends a chain.
    expect(chainProblem(['shared'], { allowed: true, maxWinners: 1 })).toBe('tie_break_dead_end');
    expect(chainProblem(['runoff', 'runoff', 'shared'], { allowed: true, maxWinners: 1 })).toBe('tie_break_dead_end');
    expect(chainProblem(['shared'], { allowed: true, maxWinners: 2 })).toBeNull();
    expect(chainProblem(['shared', 'casting_vote'], { allowed: true, maxWinners: 1 })).toBeNull();
  });

  it('reads a stored chain back into the form, and a malformed one as the default', () => {
    expect(formOf(chainOf(2, 'shared,casting_vote'))).toEqual({ runoffs: 2, final: 'shared,casting_vote' });
    expect(parseChain('["runoff","casting_vote"]')).toEqual(['runoff', 'casting_vote']);
    expect(parseChain('not json')).toEqual(['casting_vote', 'shared']);
    expect(parseChain('["vote"]')).toEqual(['casting_vote', 'shared']);
  });

  it("follows the tally's word when it gives one, else counts the runoffs held", () => {
    const nom = { tieBreak: '["runoff","runoff","casting_vote","shared"]', exAequoAllowed: false, maxWinners: 1 };
    expect(nextSteps({ candidates: ['1', '2'], places: 1, next: ['casting_vote'] }, nom, 0)).toEqual(['casting_vote']);
    expect(nextSteps({ candidates: ['1', '2'], places: 1 }, nom, 1)).toEqual(['runoff']);
    expect(nextSteps({ candidates: ['1', '2'], places: 1 }, nom, 2)).toEqual(['casting_vote']);
  });
});
