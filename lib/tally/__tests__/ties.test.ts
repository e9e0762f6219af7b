// The tie-break chain: aggregate, head-to-head, the chair's recorded decision.

import { describe, expect, it } from 'vitest';
import { A, B, C, D, rankOf, singleNomination, tallyOne } from './helpers';

describe('head-to-head', () => {
  it('breaks a two-way tie for the award', () => {
    // A: 8, 8, 5 and B: 7, 7, 7 both sum to 21. j1 and j2 score A higher, j3 B: A wins 2-1.
    const n = tallyOne(singleNomination({ j1: [8, 7], j2: [8, 7], j3: [5, 7] }));
    expect(n.status).toBe('decided');
    expect(n.winners).toEqual([A]);
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 2 });
    expect(n.reasons).toEqual([{ code: 'head_to_head', params: { winner: A, loser: B, for: 2, against: 1 } }]);
    expect(n.margin).toEqual({ exact: '0', display: '0.00' });
  });

  it('counts only jurors who scored both and ignores equal scores', () => {
    // A = (8 + 6 + 7)/3 = 7, B = (8 + 6)/2 = 7. j1 gives both 8 (no preference), j2 did not score B,
    // j3 scores A 7 vs B 6: A wins 1-0.
    const n = tallyOne(singleNomination({ j1: [8, 8], j2: [6, null], j3: [7, 6] }));
    expect(n.winners).toEqual([A]);
    expect(n.reasons).toEqual([{ code: 'head_to_head', params: { winner: A, loser: B, for: 1, against: 0 } }]);
  });

  it('among three tied, elects only one that beats each of the others', () => {
    // All sum to 21. A beats B 2-1 (j1, j2) and C 2-1 (j1, j2); B and C split 1-1.
    const n = tallyOne(singleNomination({ j1: [8, 7, 7], j2: [8, 7, 6], j3: [5, 7, 8] }));
    expect(n.winners).toEqual([A]);
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 2, [C]: 2 });
    expect(n.reasons.map((r) => r.code)).toEqual(['head_to_head', 'head_to_head']);
  });

  it('leaves a three-way cycle unresolved: the award is blocked', () => {
    // All sum to 21. B beats A 2-1, C beats B 2-1, A beats C 2-1.
    const n = tallyOne(singleNomination({ j1: [9, 5, 7], j2: [7, 9, 5], j3: [5, 7, 9] }));
    expect(n.status).toBe('blocked');
    expect(n.winners).toEqual([]);
    expect(n.tie).toEqual({ candidates: [A, B, C], places: 1 });
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 1, [C]: 1 });
    expect(n.margin).toBeNull();
    expect(n.reasons).toEqual([{ code: 'tie_unresolved', params: { candidates: `${A},${B},${C}`, places: 1 } }]);
  });

  it('keeps every equal candidate in the tie when none beats all the others', () => {
    // All sum to 30. A and B split 1-1; each beats C 3-2. No candidate beats both others, so all
    // three stay tied: head-to-head only ever lifts a candidate that beats each of the rest.
    const n = tallyOne(
      singleNomination({ j1: [8, 4, 5], j2: [4, 8, 5], j3: [6, 6, 5], j4: [6, 6, 5], j5: [6, 6, 10] }),
    );
    expect(n.status).toBe('blocked');
    expect(n.tie?.candidates).toEqual([A, B, C]);
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 1, [C]: 1 });
  });

  it('places head-to-head winners one after another', () => {
    // All sum to 21. A beats B and C 2-1; then B beats C 2-1: ranks 1, 2, 3.
    const n = tallyOne(singleNomination({ j1: [8, 7, 6], j2: [8, 7, 6], j3: [5, 7, 9] }));
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 2, [C]: 3 });
  });

  it('orders the displayed ranking below the winner too', () => {
    // A wins outright (9); B and C tie at 6 and split 1-1 (j3 gives both 6): they share rank 2.
    // D is unscored: last.
    const n = tallyOne(singleNomination({ j1: [9, 7, 5, null], j2: [9, 5, 7, null], j3: [9, 6, 6, null] }));
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 2, [C]: 2, [D]: 4 });
    // Now B (7, 6, 5) beats C (5, 5, 8) 2-1: ranks 2 and 3.
    const m = tallyOne(singleNomination({ j1: [9, 7, 5, null], j2: [9, 6, 5, null], j3: [9, 5, 8, null] }));
    expect(rankOf(m)).toEqual({ [A]: 1, [B]: 2, [C]: 3, [D]: 4 });
  });

  it('lets ties below the winner block nothing', () => {
    const n = tallyOne(singleNomination({ j1: [9, 6, 6], j2: [9, 6, 6] }));
    expect(n.status).toBe('decided');
    expect(n.winners).toEqual([A]);
    expect(rankOf(n)).toEqual({ [A]: 1, [B]: 2, [C]: 2 });
    expect(n.margin).toEqual({ exact: '3', display: '3.00' });
  });
});

describe('the chair\'s decisions', () => {
  const cycle = { j1: [9, 5, 7], j2: [7, 9, 5], j3: [5, 7, 9] };

  it('a casting vote on the current tie decides the award', () => {
    const input = singleNomination(cycle, {
      decisions: [{ nomination: 'best_film', kind: 'casting_vote', tied: [C, A, B], chosen: [B] }],
    });
    const n = tallyOne(input);
    expect(n.status).toBe('decided');
    expect(n.winners).toEqual([B]);
    expect(n.tie).toBeNull();
    expect(n.reasons).toEqual([{ code: 'chair_casting_vote', params: { decision: 0, candidate: B } }]);
    expect(n.margin).toEqual({ exact: '0', display: '0.00' });
  });

  it('a decision on a different tie is stale and ignored', () => {
    const input = singleNomination(cycle, {
      decisions: [{ nomination: 'best_film', kind: 'casting_vote', tied: [A, B], chosen: [A] }],
    });
    const n = tallyOne(input);
    expect(n.status).toBe('blocked');
    expect(n.reasons).toEqual([
      { code: 'decision_stale', params: { decision: 0, kind: 'casting_vote', tied: `${A},${B}` } },
      { code: 'tie_unresolved', params: { candidates: `${A},${B},${C}`, places: 1 } },
    ]);
  });

  it('a decision on a tie that no longer exists is stale, and the award stands', () => {
    const input = singleNomination({ j1: [9, 5], j2: [9, 5] }, {
      decisions: [{ nomination: 'best_film', kind: 'casting_vote', tied: [A, B], chosen: [B] }],
    });
    const n = tallyOne(input);
    expect(n.winners).toEqual([A]);
    expect(n.reasons.map((r) => r.code)).toEqual(['decision_stale']);
  });

  it('the latest matching decision is the chair\'s word', () => {
    const input = singleNomination(cycle, {
      decisions: [
        { nomination: 'best_film', kind: 'casting_vote', tied: [A, B, C], chosen: [A] },
        { nomination: 'best_film', kind: 'casting_vote', tied: [A, B, C], chosen: [C] },
      ],
    });
    const n = tallyOne(input);
    expect(n.winners).toEqual([C]);
    expect(n.reasons).toEqual([
      { code: 'decision_superseded', params: { decision: 0 } },
      { code: 'chair_casting_vote', params: { decision: 1, candidate: C } },
    ]);
  });

  it('a malformed decision is reported and ignored', () => {
    const input = singleNomination(cycle, {
      decisions: [{ nomination: 'best_film', kind: 'casting_vote', tied: [A, B, C], chosen: [A, B] }],
    });
    const n = tallyOne(input);
    expect(n.status).toBe('blocked');
    expect(n.reasons[0].code).toBe('decision_invalid');
  });

  describe('shared award (ex aequo)', () => {
    const shared = (chosen: string[], exAequo?: { allowed: boolean; maxWinners: number }) =>
      tallyOne(
        singleNomination(cycle, {
          rules: exAequo ? { exAequo: { best_film: exAequo } } : {},
          decisions: [{ nomination: 'best_film', kind: 'shared', tied: [A, B, C], chosen }],
        }),
      );

    it('is refused where the rules do not allow it', () => {
      const n = shared([A, B]);
      expect(n.status).toBe('blocked');
      expect(n.reasons[0]).toEqual({ code: 'shared_not_allowed', params: { decision: 0, count: 2, maxWinners: 0 } });
    });

    it('gives the award to all chosen within the maximum', () => {
      const n = shared([B, A], { allowed: true, maxWinners: 2 });
      expect(n.status).toBe('decided');
      expect(n.winners).toEqual([A, B]);
      expect(n.reasons).toEqual([
        { code: 'shared_award', params: { decision: 0, candidates: `${B},${A}`, count: 2, maxWinners: 2 } },
      ]);
      // C, tied with them but not chosen, is the next candidate: margin 0.
      expect(n.margin).toEqual({ exact: '0', display: '0.00' });
    });

    it('is refused beyond the maximum', () => {
      const n = shared([A, B, C], { allowed: true, maxWinners: 2 });
      expect(n.status).toBe('blocked');
      expect(n.reasons[0]).toEqual({ code: 'shared_not_allowed', params: { decision: 0, count: 3, maxWinners: 2 } });
    });

    it('may go to every tied candidate where the maximum allows', () => {
      const n = shared([A, B, C], { allowed: true, maxWinners: 5 });
      expect(n.winners).toEqual([A, B, C]);
      expect(n.margin).toBeNull();
    });
  });
});
