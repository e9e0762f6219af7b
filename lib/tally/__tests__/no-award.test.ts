// "No award": the chair's decision for a nomination nobody can win, as tally input.
import { describe, expect, it } from 'vitest';
import { parseTallyInput, tally, type TallyInput } from '@/lib/tally';

const base: TallyInput = {
  version: 1,
  scale: { min: 1, max: 10, step: 1 },
  method: 'mean',
  rules: { oneAwardPerFilm: true, exemptNominations: ['best_actor'], exAequo: {}, recusalByNationality: false },
  films: [{ id: 'f1', country: 'KZ', competition: true }, { id: 'f2', country: 'CN', competition: true }],
  jurors: [{ id: 'j1', country: null }, { id: 'j2', country: null }],
  nominations: [
    { code: 'best_film', kind: 'film', round: 'main', candidates: [{ id: 'a', filmId: 'f1', person: null }, { id: 'b', filmId: 'f2', person: null }] },
    { code: 'best_actor', kind: 'performance', round: 'main', candidates: [{ id: 'p', filmId: 'f1', person: 'P' }] },
  ],
  scores: [{ juror: 'j1', candidate: 'a', value: 9 }, { juror: 'j2', candidate: 'b', value: 7 }],
  recusals: [],
  decisions: [],
};
const of = (input: TallyInput, code: string) => tally(input).nominations.find((n) => n.code === code)!;

describe('no award', () => {
  it('settles a nomination without counted scores, and only such a nomination', () => {
    expect(of(base, 'best_actor').status).toBe('no_scores');
    const input = { ...base, decisions: [{ nomination: 'best_actor', kind: 'no_award' as const, tied: [], chosen: [] }, { nomination: 'best_film', kind: 'no_award' as const, tied: [], chosen: [] }] };
    expect(of(input, 'best_actor')).toMatchObject({ status: 'no_award', winners: [], reasons: [{ code: 'chair_no_award', params: { decision: 0 } }] });
    // Where someone can win, "no award" is stale: the scores decide.
    expect(of(input, 'best_film')).toMatchObject({ status: 'decided', winners: ['a'] });
    expect(of(input, 'best_film').reasons).toContainEqual({ code: 'decision_stale', params: { decision: 1, kind: 'no_award', tied: '' } });
  });

  it('is valid input only without candidates, and survives the parser', () => {
    const good = parseTallyInput({ ...base, decisions: [{ nomination: 'best_actor', kind: 'no_award', tied: [], chosen: [] }] });
    expect(good.ok).toBe(true);
    const bad = parseTallyInput({ ...base, decisions: [{ nomination: 'best_actor', kind: 'no_award', tied: ['p'], chosen: ['p'] }] });
    expect(bad).toMatchObject({ ok: false, errors: [{ path: 'decisions[0]', code: 'invalid:decision' }] });
  });
});
