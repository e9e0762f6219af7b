// The runoff links of the tie-break chain: re-votes among the tied, then the decision the chain allows.

import { describe, expect, it } from 'vitest';
import { parseTallyInput } from '../input';
import { applyRunoffs, countRunoff, nextSteps } from '../runoff';
import { runoffEligibility } from '../runoff-votes';
import type { Decision, Rules, Runoff, RunoffVote, TallyInput, TieBreakStep } from '../types';
import { A, B, C, singleNomination, tallyOne } from './helpers';

const TWELVE = Array.from({ length: 12 }, (_, i) => `j${i + 1}`);

/** Twelve jurors who all score A and B 7: a tie that aggregate and head-to-head leave open. */
function tie(chain: TieBreakStep[] | null, p: { runoffs?: Runoff[]; decisions?: Decision[]; abstention?: boolean; rules?: Partial<Rules> } = {}): TallyInput {
  const input = singleNomination(Object.fromEntries(TWELVE.map((j) => [j, [7, 7]])), {
    decisions: p.decisions ?? [],
    ...(p.runoffs && { runoffs: p.runoffs }),
    rules: { ...(chain && { tieBreak: { best_film: { chain, abstention: p.abstention ?? false } } }), ...p.rules },
  });
  const parsed = parseTallyInput(input);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

/** Votes: the first `a` jurors choose A, the next `b` choose B, the next `abstain` abstain. */
function votes(a: number, b: number, abstain = 0, ids: readonly string[] = TWELVE): RunoffVote[] {
  return ids.slice(0, a + b + abstain).map((juror, i) => ({ juror, choice: i < a ? A : i < a + b ? B : null }));
}

const runoff = (v: RunoffVote[], tied = [A, B], places = 1): Runoff => ({ nomination: 'best_film', tied, places, votes: v });
const cast = (chosen: string, tied = [A, B]): Decision => ({ nomination: 'best_film', kind: 'casting_vote', tied, chosen: [chosen] });
const codes = (n: { reasons: { code: string }[] }) => n.reasons.map((r) => r.code);

describe('a runoff on a tie', () => {
  it('is due first where the chain names it: the tie says so, and no decision is taken yet', () => {
    const n = tallyOne(tie(['runoff', 'runoff', 'casting_vote']));
    expect(n.status).toBe('blocked');
    expect(n.tie).toEqual({ candidates: [A, B], places: 1, next: ['runoff'] });
    expect(n.runoffs).toBeUndefined();
    expect(n.reasons).toEqual([
      { code: 'tie_unresolved', params: { candidates: `${A},${B}`, places: 1 } },
      { code: 'runoff_due', params: { candidates: `${A},${B}`, places: 1, round: 1 } },
    ]);
  });

  it('decides the award by the majority of the votes: 7–5', () => {
    const n = tallyOne(tie(['runoff', 'casting_vote'], { runoffs: [runoff(votes(5, 7))] }));
    expect(n.status).toBe('decided');
    expect(n.winners).toEqual([B]);
    expect(n.tie).toBeNull();
    expect(n.runoffs).toEqual([
      { index: 0, tied: [A, B], places: 1, counts: [{ candidate: A, votes: 5 }, { candidate: B, votes: 7 }], abstentions: 0, winners: [B], stillTied: [] },
    ]);
    expect(n.reasons).toContainEqual({ code: 'runoff_decided', params: { runoff: 0, round: 1, candidates: B, votes: '7–5', abstentions: 0 } });
    expect(n.margin).toEqual({ exact: '0', display: '0.00' });
  });

  it('6–6 goes to a second runoff, then 6–6 again to the casting vote, as the chain says', () => {
    const chain: TieBreakStep[] = ['runoff', 'runoff', 'casting_vote'];
    const first = tallyOne(tie(chain, { runoffs: [runoff(votes(6, 6))] }));
    expect(first.status).toBe('blocked');
    expect(first.tie).toEqual({ candidates: [A, B], places: 1, next: ['runoff'] });
    expect(first.runoffs?.[0]).toMatchObject({ winners: null, stillTied: [A, B] });
    expect(first.reasons).toContainEqual({ code: 'runoff_tied', params: { runoff: 0, round: 1, candidates: '', tied: `${A},${B}`, votes: '6–6', abstentions: 0 } });

    const second = tallyOne(tie(chain, { runoffs: [runoff(votes(6, 6)), runoff(votes(6, 6))] }));
    expect(second.tie).toEqual({ candidates: [A, B], places: 1, next: ['casting_vote'] });
    expect(second.runoffs).toHaveLength(2);

    const decided = tallyOne(tie(chain, { runoffs: [runoff(votes(6, 6)), runoff(votes(6, 6))], decisions: [cast(A)] }));
    expect(decided.status).toBe('decided');
    expect(decided.winners).toEqual([A]);
    expect(codes(decided)).toContain('chair_casting_vote');
  });

  it('a second runoff that decides is named as the second', () => {
    const n = tallyOne(tie(['runoff', 'runoff', 'casting_vote'], { runoffs: [runoff(votes(6, 6)), runoff(votes(6, 5))] }));
    expect(n.winners).toEqual([A]);
    expect(n.reasons).toContainEqual({ code: 'runoff_decided', params: { runoff: 1, round: 2, candidates: A, votes: '6–5', abstentions: 0 } });
  });

  it('refuses a casting vote while a runoff is still due', () => {
    const n = tallyOne(tie(['runoff', 'casting_vote'], { decisions: [cast(A)] }));
    expect(n.status).toBe('blocked');
    expect(n.winners).toEqual([]);
    expect(n.reasons).toContainEqual({ code: 'decision_out_of_chain', params: { decision: 0, kind: 'casting_vote', next: 'runoff' } });
    expect(n.tie?.next).toEqual(['runoff']);
  });

  it('refuses a shared award the chain does not name, and offers it where it does', () => {
    const exAequo = { best_film: { allowed: true, maxWinners: 2 } };
    const shared: Decision = { nomination: 'best_film', kind: 'shared', tied: [A, B], chosen: [A, B] };
    const refused = tallyOne(tie(['runoff', 'casting_vote'], { runoffs: [runoff(votes(6, 6))], decisions: [shared], rules: { exAequo } }));
    expect(refused.status).toBe('blocked');
    expect(codes(refused)).toContain('decision_out_of_chain');
    expect(refused.tie?.next).toEqual(['casting_vote']);

    const offered = tallyOne(tie(['runoff', 'shared', 'casting_vote'], { runoffs: [runoff(votes(6, 6))], rules: { exAequo } }));
    expect(offered.tie?.next).toEqual(['shared', 'casting_vote']);
    const taken = tallyOne(tie(['runoff', 'shared', 'casting_vote'], { runoffs: [runoff(votes(6, 6))], decisions: [shared], rules: { exAequo } }));
    expect(taken.winners).toEqual([A, B]);
  });

  it('counts abstentions apart, where the rules allow them', () => {
    const n = tallyOne(tie(['runoff', 'casting_vote'], { abstention: true, runoffs: [runoff(votes(4, 5, 3))] }));
    expect(n.winners).toEqual([B]);
    expect(n.runoffs?.[0]).toMatchObject({ abstentions: 3, counts: [{ candidate: A, votes: 4 }, { candidate: B, votes: 5 }] });
    // All abstaining leaves the tie as it was.
    const none = tallyOne(tie(['runoff', 'runoff', 'casting_vote'], { abstention: true, runoffs: [runoff(votes(0, 0, 12))] }));
    expect(none.tie).toEqual({ candidates: [A, B], places: 1, next: ['runoff'] });
  });

  it('ignores a runoff held on another tie (stale), and one for other places', () => {
    const input = singleNomination(Object.fromEntries(TWELVE.map((j) => [j, [7, 7, 5]])), {
      rules: { tieBreak: { best_film: { chain: ['runoff', 'casting_vote'], abstention: false } } },
      runoffs: [runoff(votes(7, 5).map((v) => ({ ...v, choice: v.choice === B ? C : v.choice })), [A, C])],
    });
    const n = tallyOne(input);
    expect(n.status).toBe('blocked');
    expect(n.reasons).toContainEqual({ code: 'runoff_stale', params: { runoff: 0, tied: `${A},${C}`, places: 1 } });
    expect(n.runoffs).toBeUndefined();
    // A stale runoff uses up no step: the next one on the real tie applies.
    const later = tallyOne({ ...input, runoffs: [...input.runoffs!, runoff(votes(5, 7))] });
    expect(later.winners).toEqual([B]);
    expect(later.runoffs?.map((r) => r.index)).toEqual([1]);
  });

  it('ignores a runoff beyond the runoffs the chain allows', () => {
    const n = tallyOne(tie(['runoff', 'casting_vote'], { runoffs: [runoff(votes(6, 6)), runoff(votes(7, 5))] }));
    expect(n.status).toBe('blocked');
    expect(n.reasons).toContainEqual({ code: 'runoff_beyond_chain', params: { runoff: 1, tied: `${A},${B}`, places: 1, allowed: 1 } });
    expect(n.tie?.next).toEqual(['casting_vote']);
    // Without tie-break rules (the default chain) no runoff applies, and the output names no next step.
    const old = tallyOne(tie(null, { runoffs: [runoff(votes(7, 5))] }));
    expect(old.status).toBe('blocked');
    expect(old.tie).toEqual({ candidates: [A, B], places: 1 });
    expect(old.reasons).toContainEqual({ code: 'runoff_beyond_chain', params: { runoff: 0, tied: `${A},${B}`, places: 1, allowed: 0 } });
  });

  it('a runoff on a nomination without a tie changes nothing', () => {
    const input = singleNomination({ j1: [8, 7], j2: [8, 7], j3: [8, 7] }, {
      rules: { tieBreak: { best_film: { chain: ['runoff', 'casting_vote'], abstention: false } } },
      runoffs: [runoff(votes(0, 3, 0, ['j1', 'j2', 'j3']))],
    });
    const n = tallyOne(input);
    expect(n.winners).toEqual([A]);
    expect(codes(n)).toEqual(['runoff_stale']);
  });

  it("does not count a recused juror's vote (declared recusal), nor the vote of someone not on the jury", () => {
    // j12 is recused from film A: its scores of A do not count (A's mean stays 7), nor its vote for B.
    const base = tie(['runoff', 'casting_vote'], { runoffs: [runoff([...votes(6, 6), { juror: 'ghost', choice: B }])] });
    const n = tallyOne({ ...base, recusals: [{ juror: 'j12', film: 'A' }] });
    expect(n.winners).toEqual([A]);
    expect(n.runoffs?.[0].counts).toEqual([{ candidate: A, votes: 6 }, { candidate: B, votes: 5 }]);
    expect(n.reasons).toContainEqual({ code: 'runoff_recused_excluded', params: { runoff: 0, count: 1 } });
    expect(n.reasons).toContainEqual({ code: 'runoff_not_on_jury', params: { runoff: 0, count: 1 } });
  });

  it("does not count the vote of a juror whom the nationality rule recuses from a tied film", () => {
    // Films are of country XX; j12 is too. With the rule on, its vote (for B) does not count.
    const base = tie(['runoff', 'casting_vote'], { runoffs: [runoff(votes(6, 6))], rules: { recusalByNationality: true } });
    const n = tallyOne({ ...base, jurors: base.jurors.map((j) => (j.id === 'j12' ? { ...j, country: 'XX' } : j)) });
    expect(n.winners).toEqual([A]);
    expect(n.reasons).toContainEqual({ code: 'runoff_recused_excluded', params: { runoff: 0, count: 1 } });
    // With the rule off it counts, and the runoff ties.
    const off = tallyOne({ ...base, rules: { ...base.rules, recusalByNationality: false }, jurors: base.jurors.map((j) => (j.id === 'j12' ? { ...j, country: 'XX' } : j)) });
    expect(off.status).toBe('blocked');
  });

  it('a chain of runoffs only ends with the casting vote: an award can always be decided', () => {
    const n = tallyOne(tie(['runoff'], { runoffs: [runoff(votes(6, 6))], decisions: [cast(B)] }));
    expect(n.winners).toEqual([B]);
  });
});

describe('a runoff for several places', () => {
  it('elects outright who is clear of the boundary; those level at it are tied for the places left', () => {
    const v = (a: number, b: number, c: number) => [
      ...Array.from({ length: a }, () => ({ choice: 'A' })),
      ...Array.from({ length: b }, () => ({ choice: 'B' })),
      ...Array.from({ length: c }, () => ({ choice: 'C' })),
    ];
    expect(countRunoff(['A', 'B', 'C'], 2, v(5, 3, 3))).toMatchObject({ winners: ['A'], stillTied: ['B', 'C'] });
    expect(countRunoff(['A', 'B', 'C'], 2, v(5, 4, 3))).toMatchObject({ winners: ['A', 'B'], stillTied: [] });
    expect(countRunoff(['A', 'B', 'C'], 2, v(3, 4, 4))).toMatchObject({ winners: ['B', 'C'], stillTied: [] });
    expect(countRunoff(['A', 'B', 'C'], 2, v(4, 4, 4))).toMatchObject({ winners: [], stillTied: ['A', 'B', 'C'] });
    expect(countRunoff(['A', 'B', 'C'], 1, v(5, 5, 2))).toMatchObject({ winners: [], stillTied: ['A', 'B'] });
  });

  it('the next runoff is among the still tied for the places left', () => {
    const input = tie(['runoff', 'runoff', 'casting_vote']);
    const ctx = {
      code: 'best_film',
      chain: ['runoff', 'runoff', 'casting_vote'] as TieBreakStep[],
      tellNext: true,
      exAequo: undefined,
      eligibility: runoffEligibility(input),
    };
    const r = (tied: string[], places: number, choices: string[]): Runoff => ({
      nomination: 'best_film',
      tied,
      places,
      votes: choices.map((choice, i) => ({ juror: TWELVE[i], choice })),
    });
    const first = r([A, B, C], 2, [A, A, A, A, A, B, B, B, C, C, C]);
    const second = r([B, C], 1, [B, B, B, B, C, C, C]);
    const state = applyRunoffs([A, B, C], 2, { ...ctx, runoffs: [{ index: 0, runoff: first }, { index: 1, runoff: second }] });
    expect(state.elected).toEqual([A, B]);
    expect(state.tie).toBeNull();
    expect(state.outcomes.map((o) => [o.places, o.winners, o.stillTied])).toEqual([
      [2, null, [B, C]],
      [1, [B], []],
    ]);
    // A second runoff for the original two places is stale once the first elected one.
    const stale = applyRunoffs([A, B, C], 2, { ...ctx, runoffs: [{ index: 0, runoff: first }, { index: 1, runoff: { ...second, places: 2 } }] });
    expect(stale.tie).toEqual([B, C]);
    expect(stale.places).toBe(1);
    expect(stale.reasons.map((x) => x.code)).toEqual(['runoff_partly_decided', 'runoff_stale']);
  });

  it('offers a shared award only where the ex aequo rule has room for more winners than places', () => {
    expect(nextSteps(['runoff', 'shared', 'casting_vote'], 1, { allowed: true, maxWinners: 2 }, 1, 0)).toEqual(['shared', 'casting_vote']);
    expect(nextSteps(['runoff', 'shared', 'casting_vote'], 1, { allowed: true, maxWinners: 2 }, 1, 1)).toEqual(['casting_vote']);
    expect(nextSteps(['runoff', 'shared', 'casting_vote'], 1, { allowed: false, maxWinners: 1 }, 1, 0)).toEqual(['casting_vote']);
    expect(nextSteps(['shared'], 0, undefined, 1, 0)).toEqual(['casting_vote']);
  });
});

describe('runoff input', () => {
  const base = () => tie(['runoff', 'casting_vote']);
  const errors = (input: unknown) => {
    const p = parseTallyInput(input);
    return p.ok ? [] : p.errors.map((e) => [e.path, e.code]);
  };

  it('refuses an abstention where the rules do not allow it', () => {
    expect(errors({ ...base(), runoffs: [runoff(votes(5, 5, 2))] })).toEqual([
      ['runoffs[0].votes[10].choice', 'invalid:abstention'],
      ['runoffs[0].votes[11].choice', 'invalid:abstention'],
    ]);
  });

  it('refuses a choice outside the tie, two votes of one juror, and a malformed tie', () => {
    const input = { ...base(), runoffs: [runoff([{ juror: 'j1', choice: A }, { juror: 'j1', choice: B }, { juror: 'j2', choice: 'best_film:Z' }])] };
    expect(errors(input)).toEqual([
      ['runoffs[0].votes[1].juror', 'duplicate:runoff_vote'],
      ['runoffs[0].votes[2].choice', 'invalid:runoff_choice'],
    ]);
    expect(errors({ ...base(), runoffs: [runoff([], [A, A])] })).toEqual([['runoffs[0].tied', 'invalid:runoff']]);
    expect(errors({ ...base(), runoffs: [runoff([], [A, B], 2)] })).toEqual([['runoffs[0].places', 'invalid:runoff']]);
    expect(errors({ ...base(), runoffs: [{ ...runoff([]), nomination: 'nope' }] })).toEqual([['runoffs[0].nomination', 'unknown:nomination']]);
    expect(errors({ ...base(), rules: { ...base().rules, tieBreak: { nope: { chain: ['runoff'], abstention: false } } } })).toEqual([['rules.tieBreak.nope', 'unknown:nomination']]);
    expect(errors({ ...base(), rules: { ...base().rules, tieBreak: { best_film: { chain: ['coin_toss'] } } } })[0]).toEqual(['rules.tieBreak.best_film.chain[0]', 'schema:invalid_value']);
  });

  it('accepts the vote of someone not on the jury as input (it just does not count)', () => {
    expect(errors({ ...base(), runoffs: [runoff([{ juror: 'ghost', choice: A }])] })).toEqual([]);
  });

  it('reads inputs written before runoffs as they were', () => {
    const { runoffs, ...old } = base();
    void runoffs;
    const { tieBreak, ...rules } = old.rules;
    void tieBreak;
    const p = parseTallyInput({ ...old, rules });
    expect(p.ok && p.input.runoffs).toBeUndefined();
    expect(p.ok && p.input.rules.tieBreak).toBeUndefined();
  });
});
