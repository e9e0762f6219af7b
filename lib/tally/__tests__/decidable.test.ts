// Every award can always be decided (issue 20, route 8), and a runoff needs at least three voters
// besides the chair (route 3): the chain's `tie.next` is exactly what the tally then accepts.

import { describe, expect, it } from 'vitest';
import { parseTallyInput } from '../input';
import { tally } from '../tally';
import type { Decision, Juror, Runoff, TallyInput, TieBreakStep } from '../types';
import { A, B } from './helpers';

/** Two films, two jurors scoring 8/6 and 6/8: a tie neither aggregate nor head-to-head breaks. */
function twoByTwo(chain: TieBreakStep[], exAequo: { allowed: boolean; maxWinners: number }, decisions: Decision[] = []): TallyInput {
  const parsed = parseTallyInput({
    version: 1,
    scale: { min: 1, max: 10, step: 1 },
    films: [{ id: 'A', country: 'XX', competition: true }, { id: 'B', country: 'XX', competition: true }],
    jurors: [{ id: 'j1' }, { id: 'j2' }],
    nominations: [{ code: 'best_film', kind: 'film', round: 'main', candidates: [{ id: A, filmId: 'A' }, { id: B, filmId: 'B' }] }],
    scores: [
      { juror: 'j1', candidate: A, value: 8 }, { juror: 'j1', candidate: B, value: 6 },
      { juror: 'j2', candidate: A, value: 6 }, { juror: 'j2', candidate: B, value: 8 },
    ],
    decisions,
    rules: { exAequo: { best_film: exAequo }, tieBreak: { best_film: { chain, abstention: false } } },
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

const decide = (kind: 'casting_vote' | 'shared', chosen: string[]): Decision => ({ nomination: 'best_film', kind, tied: [A, B], chosen });

describe('an award the chain cannot settle (route 8)', () => {
  it('["shared"] with at most 1 winner: next is the casting vote, and the casting vote decides it', () => {
    const blocked = tally(twoByTwo(['shared'], { allowed: true, maxWinners: 1 })).nominations[0];
    expect(blocked.status).toBe('blocked');
    expect(blocked.tie?.next).toEqual(['casting_vote']);
    expect(blocked.reasons.map((r) => r.code)).toContain('casting_vote_implied');
    const n = tally(twoByTwo(['shared'], { allowed: true, maxWinners: 1 }, [decide('casting_vote', [A])])).nominations[0];
    expect(n.reasons.map((r) => r.code)).not.toContain('decision_out_of_chain');
    expect(n.status).toBe('decided');
    expect(n.winners).toEqual([A]);
  });

  it('what tie.next does not name is refused: a "shared" award to one film where at most 1 may win', () => {
    const input = twoByTwo(['shared', 'casting_vote'], { allowed: true, maxWinners: 1 }, [decide('shared', [A])]);
    const n = tally(input).nominations[0];
    expect(n.tie?.next).toEqual(['casting_vote']);
    expect(n).toMatchObject({ status: 'blocked', winners: [] });
    expect(n.reasons).toContainEqual({ code: 'shared_not_allowed', params: { decision: 0, count: 1, maxWinners: 1 } });
  });

  it('what tie.next names is accepted, for every chain and ex aequo rule', () => {
    const chains: TieBreakStep[][] = [['shared'], ['casting_vote'], ['shared', 'casting_vote'], ['casting_vote', 'shared'], ['runoff'], ['runoff', 'shared']];
    const rules = [{ allowed: false, maxWinners: 1 }, { allowed: true, maxWinners: 1 }, { allowed: true, maxWinners: 2 }];
    for (const chain of chains) {
      for (const exAequo of rules) {
        // Two runoffs that tie 1–1 use up any runoff step (two jurors: the count needs no chair here).
        const tied = tally(twoByTwo(chain, exAequo)).nominations[0];
        const next = tied.tie!.next!;
        if (next[0] === 'runoff') continue;
        for (const kind of next) {
          const d = kind === 'shared' ? decide('shared', [A, B]) : decide('casting_vote', [B]);
          const n = tally(twoByTwo(chain, exAequo, [d])).nominations[0];
          expect({ chain, exAequo, kind, status: n.status }).toEqual({ chain, exAequo, kind, status: 'decided' });
        }
      }
    }
  });
});

/** Five jurors score A and B equally; the chair is j1; `countries` per juror, films A (RU) and B (UZ). */
function nationalTie(countries: (string | null)[], runoffs: Runoff[] = [], decisions: Decision[] = [], extra: Partial<TallyInput> = {}): TallyInput {
  const jurors: Juror[] = countries.map((country, i) => ({ id: `j${i + 1}`, country, ...(i === 0 && { chair: true }) }));
  const parsed = parseTallyInput({
    version: 1,
    scale: { min: 1, max: 10, step: 1 },
    films: [{ id: 'A', country: 'RU', competition: true }, { id: 'B', country: 'UZ', competition: true }],
    jurors,
    nominations: [{ code: 'best_film', kind: 'film', round: 'main', candidates: [{ id: A, filmId: 'A' }, { id: B, filmId: 'B' }] }],
    scores: jurors.flatMap((j) => [{ juror: j.id, candidate: A, value: 7 }, { juror: j.id, candidate: B, value: 7 }]),
    decisions,
    runoffs,
    rules: { recusalByNationality: true, tieBreak: { best_film: { chain: ['runoff', 'casting_vote'], abstention: false } } },
    ...extra,
  });
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
  return parsed.input;
}

describe('a runoff with too few voters besides the chair (route 3)', () => {
  // The chair (KZ) and one juror (KZ) may vote; three Russians and Uzbeks may not.
  const short = ['KZ', 'KZ', 'RU', 'UZ', 'RU'];

  it('is skipped: the tie goes to the casting vote, and the reason says why', () => {
    const n = tally(nationalTie(short)).nominations[0];
    expect(n.tie?.next).toEqual(['casting_vote']);
    expect(n.reasons).toContainEqual({ code: 'runoff_skipped', params: { candidates: `${A},${B}`, places: 1, entitled: 1, needed: 3, steps: 1 } });
    expect(tally(nationalTie(short, [], [decide('casting_vote', [B])])).nominations[0].winners).toEqual([B]);
  });

  it('a runoff held on such a tie before the rule (a database from before, perhaps finalised on it) still counts', () => {
    const held: Runoff = { nomination: 'best_film', tied: [A, B], places: 1, votes: [{ juror: 'j1', choice: A }, { juror: 'j2', choice: A }] };
    const n = tally(nationalTie(short, [held])).nominations[0];
    expect(n.reasons.map((r) => r.code)).not.toContain('runoff_skipped');
    expect(n).toMatchObject({ status: 'decided', winners: [A] });
  });

  it('three voters besides the chair are enough; the chair is not one of them', () => {
    expect(tally(nationalTie(['KZ', 'KZ', 'KZ', 'KZ', 'RU'])).nominations[0].tie?.next).toEqual(['runoff']);
    expect(tally(nationalTie(['KZ', 'KZ', 'KZ', 'RU', 'RU'])).nominations[0].tie?.next).toEqual(['casting_vote']);
  });

  it('an export (no juror named) says which ties were short, and the recount follows it', () => {
    const anonymous = nationalTie(['KZ', 'KZ', 'KZ', 'KZ', 'KZ'], [], [], { runoffsSkipped: [{ nomination: 'best_film', tied: [B, A], places: 1, entitled: 1 }] } as Partial<TallyInput>);
    expect(tally(anonymous).nominations[0].tie?.next).toEqual(['casting_vote']);
    const none = nationalTie(['KZ', 'KZ', 'RU', 'RU', 'RU'], [], [], { runoffsSkipped: [] } as Partial<TallyInput>);
    expect(tally(none).nominations[0].tie?.next).toEqual(['runoff']);
  });
});
