// Award rules: one award per film with exempt nominations, blocked earlier awards, the special round,
// and the comparison of methods.

import { describe, expect, it } from 'vitest';
import { compareMethods } from '../compare';
import { specialRoundCandidates } from '../special';
import { tally } from '../tally';
import type { Decision, Rules } from '../types';
import { ballots, films, jurors, makeInput, nomination } from './helpers';

const bf = nomination('best_film', ['F1', 'F2', 'F3']);
const bd = nomination('best_director', ['F1', 'F2', 'F3'], { kind: 'performance', people: ['d1', 'd2', 'd3'] });
const ba = nomination('best_actress', ['F1', 'F2', 'F3'], { kind: 'performance', people: ['a1', 'a2', 'a3'] });
const bs = nomination('best_screenplay', ['F1', 'F2', 'F3']);

// F1 is everyone's favourite everywhere; F2 second, F3 third.
const favourite = { j1: [9, 7, 5], j2: [9, 7, 5], j3: [9, 7, 5] };

function festival(rules: Partial<Rules> = {}, extra: { decisions?: Decision[]; bfRows?: typeof favourite } = {}) {
  return makeInput({
    films: films('F1', 'F2', 'F3', 'F4'),
    jurors: jurors(3),
    nominations: [bf, ba, bd, bs],
    scores: [
      ...ballots(bf, extra.bfRows ?? favourite),
      ...ballots(ba, favourite),
      ...ballots(bd, favourite),
      ...ballots(bs, favourite),
    ],
    rules,
    decisions: extra.decisions ?? [],
  });
}

const winners = (input: ReturnType<typeof festival>) =>
  Object.fromEntries(tally(input).nominations.map((n) => [n.code, n.winners]));

describe('one award per film', () => {
  it('passes a film that already won over and gives the award to the next eligible candidate', () => {
    const result = tally(festival());
    expect(Object.fromEntries(result.nominations.map((n) => [n.code, n.winners]))).toEqual({
      best_film: ['best_film:F1'],
      best_actress: ['best_actress:F1:a1'], // exempt: F1's actress wins although F1 won best film
      best_director: ['best_director:F2:d2'], // F1 passed over
      best_screenplay: ['best_screenplay:F3'], // F1 and F2 passed over
    });
    const director = result.nominations[2];
    expect(director.ranking[0]).toMatchObject({
      candidate: 'best_director:F1:d1',
      rank: 1,
      eligible: false,
      reasons: [{ code: 'passed_over_one_award', params: { film: 'F1', wonIn: 'best_film' } }],
    });
    expect(director.reasons).toEqual([
      { code: 'passed_over_one_award', params: { candidate: 'best_director:F1:d1', film: 'F1', wonIn: 'best_film' } },
    ]);
    // The margin is against the next eligible candidate, F3 (7 - 5), not the passed-over F1.
    expect(director.margin).toEqual({ exact: '2', display: '2.00' });
    const screenplay = result.nominations[3];
    expect(screenplay.reasons.map((r) => r.params.wonIn)).toEqual(['best_film', 'best_director']);
    expect(screenplay.margin).toBeNull();
  });

  it('does not count an exempt award against a film', () => {
    // Order: best_actress first; F1 wins it, and still wins best_film after it.
    const input = { ...festival(), nominations: [ba, bf, bd, bs] };
    expect(winners(input).best_film).toEqual(['best_film:F1']);
  });

  it('can be switched off', () => {
    expect(winners(festival({ oneAwardPerFilm: false }))).toEqual({
      best_film: ['best_film:F1'],
      best_actress: ['best_actress:F1:a1'],
      best_director: ['best_director:F1:d1'],
      best_screenplay: ['best_screenplay:F1'],
    });
  });

  it('takes its exempt nominations from the rules', () => {
    const w = winners(festival({ exemptNominations: ['best_director'] }));
    expect(w.best_actress).toEqual(['best_actress:F2:a2']); // no longer exempt
    expect(w.best_director).toEqual(['best_director:F1:d1']); // exempt now
    expect(w.best_screenplay).toEqual(['best_screenplay:F3']);
  });

  it('reports no_candidates when every candidate is passed over', () => {
    const input = makeInput({
      films: films('F1'),
      jurors: jurors(1),
      nominations: [nomination('best_film', ['F1']), nomination('best_screenplay', ['F1'])],
      scores: [
        { juror: 'j1', candidate: 'best_film:F1', value: 5 },
        { juror: 'j1', candidate: 'best_screenplay:F1', value: 5 },
      ],
    });
    const n = tally(input).nominations[1];
    expect(n.status).toBe('no_candidates');
    expect(n.winners).toEqual([]);
    expect(n.reasons.map((r) => r.code)).toEqual(['passed_over_one_award']);
  });

  it('passes over every film of a shared award', () => {
    const tie = { j1: [9, 5, 9], j2: [5, 5, 5], j3: [7, 5, 7] }; // F1 and F3 tie at 7 and split evenly
    const input = festival(
      { exAequo: { best_film: { allowed: true, maxWinners: 2 } } },
      { bfRows: tie, decisions: [{ nomination: 'best_film', kind: 'shared', tied: ['best_film:F1', 'best_film:F3'], chosen: ['best_film:F1', 'best_film:F3'] }] },
    );
    const w = winners(input);
    expect(w.best_film).toEqual(['best_film:F1', 'best_film:F3']);
    expect(w.best_director).toEqual(['best_director:F2:d2']);
    expect(tally(input).nominations[3].status).toBe('no_candidates');
  });
});

describe('a blocked earlier award', () => {
  // Best film: F1 and F2 tie (8 each) and split 1-1.
  const tie = { j1: [9, 7, 5], j2: [7, 9, 5], j3: [8, 8, 5] };

  it('leaves later awards computed as if it had no winner, flagged depends_on_blocked', () => {
    const result = tally(festival({}, { bfRows: tie }));
    const [film, actress, director, screenplay] = result.nominations;
    expect(film.status).toBe('blocked');
    expect(film.tie?.candidates).toEqual(['best_film:F1', 'best_film:F2']);
    expect(director.winners).toEqual(['best_director:F1:d1']);
    expect(director.reasons).toEqual([{ code: 'depends_on_blocked', params: { nomination: 'best_film' } }]);
    // Screenplay depends on best film through best director.
    expect(screenplay.reasons).toContainEqual({ code: 'depends_on_blocked', params: { nomination: 'best_film' } });
    // The exempt award cannot change with it.
    expect(actress.reasons).toEqual([]);
  });

  it('moves later awards once the chair decides it', () => {
    const decided = festival({}, {
      bfRows: tie,
      decisions: [{ nomination: 'best_film', kind: 'casting_vote', tied: ['best_film:F2', 'best_film:F1'], chosen: ['best_film:F1'] }],
    });
    const w = winners(decided);
    expect(w.best_film).toEqual(['best_film:F1']);
    expect(w.best_director).toEqual(['best_director:F2:d2']);
    expect(tally(decided).nominations[2].reasons.map((r) => r.code)).toEqual(['passed_over_one_award']);
  });

  it('does not flag a later nomination none of whose films are in the tie', () => {
    const other = nomination('best_screenplay', ['F3', 'F4']);
    const input = makeInput({
      ...festival({}, { bfRows: tie }),
      nominations: [bf, other],
      scores: [...ballots(bf, tie), ...ballots(other, { j1: [6, 5] })],
    });
    expect(tally(input).nominations[1].reasons).toEqual([]);
  });
});

describe('special round', () => {
  it('takes the competition films that won no main non-exempt award, in film order', () => {
    const input = festival();
    input.films = [
      { id: 'F4', country: 'XX', competition: true },
      { id: 'F3', country: 'XX', competition: true },
      { id: 'F2', country: 'XX', competition: true },
      { id: 'F1', country: 'XX', competition: true },
      { id: 'F5', country: 'XX', competition: false },
    ];
    input.nominations = [bf, ba]; // F1 wins best film and best actress (exempt)
    input.scores = input.scores.filter((x) => /^best_(film|actress):/.test(x.candidate));
    expect(specialRoundCandidates(input, tally(input))).toEqual(['F4', 'F3', 'F2']);
  });

  it('ignores a blocked award (no winner yet) and special-round awards', () => {
    const special = nomination('special_jury_prize', ['F2', 'F3'], { round: 'special' });
    const input = makeInput({
      films: films('F1', 'F2', 'F3'),
      jurors: jurors(2),
      nominations: [bf, special],
      scores: [...ballots(bf, { j1: [9, 1, 1], j2: [1, 9, 1] }), ...ballots(special, { j1: [9, 1], j2: [9, 1] })],
    });
    const result = tally(input);
    expect(result.nominations[0].status).toBe('blocked');
    expect(result.nominations[1].winners).toEqual(['special_jury_prize:F2']);
    expect(specialRoundCandidates(input, result)).toEqual(['F1', 'F2', 'F3']);
  });

  it('tallies the special nomination like any other, shared where the rules allow', () => {
    const special = nomination('special_jury_prize', ['F2', 'F3', 'F4'], { round: 'special' });
    const input = makeInput({
      films: films('F1', 'F2', 'F3', 'F4'),
      jurors: jurors(2),
      nominations: [special],
      scores: ballots(special, { j1: [8, 8, 8], j2: [8, 8, 8] }),
      rules: { exAequo: { special_jury_prize: { allowed: true, maxWinners: 5 } } },
      decisions: [{ nomination: 'special_jury_prize', kind: 'shared', tied: special.candidates.map((c) => c.id), chosen: special.candidates.map((c) => c.id) }],
    });
    const n = tally(input).nominations[0];
    expect(n.round).toBe('special');
    expect(n.status).toBe('decided');
    expect([...n.winners].sort()).toEqual(['special_jury_prize:F2', 'special_jury_prize:F3', 'special_jury_prize:F4']);
  });
});

describe('compareMethods', () => {
  it('flags the awards whose winner depends on the method', () => {
    // Best film: A has 1, 8, 8, 8, 10 (mean 7, median 8); B has 7, 7, 7, 7, 9 (mean 37/5, median 7).
    // Best screenplay: F1 wins under every method.
    const film = nomination('best_film', ['F1', 'F2']);
    const screenplay = nomination('best_screenplay', ['F3', 'F4']);
    const input = makeInput({
      films: films('F1', 'F2', 'F3', 'F4'),
      jurors: jurors(5),
      nominations: [film, screenplay],
      scores: [
        ...ballots(film, { j1: [1, 7], j2: [8, 7], j3: [8, 7], j4: [8, 7], j5: [10, 9] }),
        ...ballots(screenplay, { j1: [9, 2], j2: [9, 2], j3: [9, 2], j4: [9, 2], j5: [9, 2] }),
      ],
    });
    const [f, s] = compareMethods(input);
    expect(f.winners.mean).toEqual(['best_film:F2']);
    expect(f.winners.median).toEqual(['best_film:F1']);
    expect(f.winners.trimmed_mean).toEqual(['best_film:F1']);
    expect(f.dependsOnMethod).toBe(true);
    expect(s.dependsOnMethod).toBe(false);
    expect(Object.values(s.status)).toEqual(['decided', 'decided', 'decided', 'decided', 'decided']);
  });
});
