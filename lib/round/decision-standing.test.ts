import { describe, expect, it } from 'vitest';
import type { DecisionRow } from '@/lib/count/decisions';
import { standingOf } from './decision-standing';

let id = 0;
const row = (kind: DecisionRow['kind'], over: Partial<DecisionRow> = {}): DecisionRow => ({
  id: ++id, kind, nominationId: 5, code: 'best_actress', nominationRound: 'main', round: null, tied: [1, 2], chosen: [1], reason: '', createdAt: `2026-12-0${id}T10:00:00.000Z`, ...over,
});

describe('which of the chair’s decisions stands, as the protocol says it', () => {
  it('a casting vote changed to a shared award: the casting vote is superseded, the shared award stands', () => {
    const vote = row('casting_vote');
    const shared = row('shared', { chosen: [1, 2] });
    const rows = [vote, shared];
    expect(standingOf(rows, vote)).toEqual({ state: 'superseded', by: 'shared', at: shared.createdAt });
    expect(standingOf(rows, shared)).toEqual({ state: 'standing' });
  });

  it('a decision on another award does not supersede it', () => {
    const vote = row('casting_vote');
    const other = row('casting_vote', { nominationId: 6, code: 'best_actor' });
    expect(standingOf([vote, other], vote)).toEqual({ state: 'standing' });
  });

  it('a withdrawn decision and one set aside by a reopened round say so', () => {
    const vote = row('casting_vote');
    const withdraw = row('withdraw');
    expect(standingOf([vote, withdraw], vote)).toEqual({ state: 'set_aside', by: 'withdraw', at: withdraw.createdAt });
    const shared = row('shared', { chosen: [1, 2] });
    const reopen = row('reopen_round', { nominationId: null, code: null, nominationRound: null, round: 'main' });
    expect(standingOf([shared, reopen], shared)).toEqual({ state: 'set_aside', by: 'reopen_round', at: reopen.createdAt });
  });

  it('changed, withdrawn, set aside by a reopening, decided again: each says what ended it, the last stands', () => {
    const first = row('casting_vote');
    const second = row('casting_vote', { chosen: [2] });
    const withdraw = row('withdraw');
    const third = row('casting_vote');
    const reopen = row('reopen_round', { nominationId: null, code: null, nominationRound: null, round: 'main' });
    const again = row('casting_vote', { chosen: [2] });
    const rows = [first, second, withdraw, third, reopen, again];
    expect(rows.map((d) => standingOf(rows, d)?.state ?? null)).toEqual(['superseded', 'set_aside', null, 'set_aside', null, 'standing']);
    expect(standingOf(rows, second)).toMatchObject({ by: 'withdraw' });
    expect(standingOf(rows, third)).toMatchObject({ by: 'reopen_round' });
  });

  it('acts that decide no award (a closed round, a reopened ballot) have no standing to state', () => {
    const close = row('close_round', { nominationId: null, code: null, round: 'main' });
    expect(standingOf([close], close)).toBeNull();
  });
});
