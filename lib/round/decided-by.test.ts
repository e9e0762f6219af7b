import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { chairDecidedAwards, decidedBy, decidedByMessage, runoffDecidedAwards } from './decided-by';
import { reasonText } from './reasons';
import type { Reason } from '@/lib/tally';

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

describe('an award a runoff decided', () => {
  const runoff = (round: number, votes: string) => ({ code: 'runoff_decided', params: { runoff: round - 1, round, candidates: '1', votes, abstentions: 0 } });
  it('says which runoff and its count; a casting vote after runoffs is the casting vote', () => {
    expect(decidedBy(n([runoff(1, '7–5')]))).toEqual({ how: 'runoff', round: 1, votes: '7–5' });
    expect(decidedBy(n([{ code: 'runoff_tied', params: { round: 1 } }, runoff(2, '6–5')]))).toEqual({ how: 'runoff', round: 2, votes: '6–5' });
    expect(decidedBy(n([{ code: 'runoff_tied', params: { round: 1 } }, { code: 'chair_casting_vote', params: { candidate: '1' } }]))).toEqual({ how: 'casting_vote' });
  });
  it('hides the count where figures are not shown', () => {
    expect(decidedByMessage({ how: 'runoff', round: 2, votes: '6–5' }, null)).toEqual({ key: 'runoff_votes', values: { round: 2, votes: '6–5' } });
    expect(decidedByMessage({ how: 'runoff', round: 2, votes: '6–5' }, null, false)).toEqual({ key: 'runoff', values: { round: 2 } });
    const result = { nominations: [{ code: 'best_director', status: 'decided', winners: ['7'], reasons: [runoff(1, '7–5')] }] };
    const awards = [{ nomination: 'best_director', candidateId: 7 }];
    expect([...runoffDecidedAwards(result, awards, true)]).toEqual([['best_director', { how: 'runoff', round: 1, votes: '7–5' }]]);
    expect([...runoffDecidedAwards(result, awards, false)]).toEqual([['best_director', { how: 'runoff', round: 1, votes: null }]]);
    // Not where the award went elsewhere (the tally and the stored awards disagree).
    expect(runoffDecidedAwards(result, [{ nomination: 'best_director', candidateId: 8 }], true).size).toBe(0);
  });
});

describe('the runoff words, in every language', () => {
  const load = (l: string, area: string) => JSON.parse(fs.readFileSync(path.join(__dirname, '../../messages', l, `${area}.json`), 'utf8'));
  const format = (message: string, l: string, values: Record<string, string | number>) => String(new IntlMessageFormat(message, l).format(values));
  const reasons: Reason[] = [
    { code: 'runoff_decided', params: { runoff: 1, round: 2, candidates: '7', votes: '6–5', abstentions: 1 } },
    { code: 'runoff_tied', params: { runoff: 0, round: 1, candidates: '', tied: '7,9', votes: '6–6', abstentions: 0 } },
    { code: 'runoff_partly_decided', params: { runoff: 0, round: 3, candidates: '7', tied: '8,9', votes: '5–3–3', abstentions: 2 } },
    { code: 'runoff_stale', params: { runoff: 0, tied: '7,9', places: 1 } },
    { code: 'runoff_due', params: { candidates: '7,9', places: 1, round: 2 } },
    { code: 'runoff_beyond_chain', params: { runoff: 2, tied: '7,9', places: 1, allowed: 2 } },
    { code: 'runoff_recused_excluded', params: { runoff: 0, count: 2 } },
    { code: 'runoff_not_on_jury', params: { runoff: 0, count: 1 } },
    { code: 'decision_out_of_chain', params: { decision: 0, kind: 'casting_vote', next: 'runoff' } },
  ];
  for (const l of ['en', 'zh', 'ru', 'kk']) {
    it(`${l}: every runoff reason and "decided by" reads as words, with names, never a code or an id`, () => {
      const chair = load(l, 'chair');
      const t = Object.assign((key: string, values?: Record<string, string | number>) => format(key.split('.').reduce((o, k) => o[k], chair), l, values ?? {}), {
        has: (key: string) => key.split('.').reduce((o: Record<string, unknown> | undefined, k) => o?.[k] as Record<string, unknown> | undefined, chair) !== undefined,
      });
      const tc = Object.assign((key: string) => key, { has: () => false });
      const labels = new Map(['7', '8', '9'].map((id) => [id, { person: null, title: `Film ${id}` }])) as unknown as Parameters<typeof reasonText>[3];
      for (const r of reasons) {
        const text = reasonText(t, tc, r, labels, new Map());
        expect(text, r.code).not.toMatch(/runoff_|[{}]|(?<!Film )\b[789]\b/);
        expect(text).not.toContain(r.code);
      }
      expect(reasonText(t, tc, reasons[0], labels, new Map())).toContain('Film 7');
      expect(reasonText(t, tc, reasons[0], labels, new Map())).toContain('6–5');
      expect(reasonText(t, tc, reasons.find((r) => r.code === 'decision_out_of_chain')!, labels, new Map())).toContain(format(chair.reason.next_runoff, l, {}));
      for (const [area, ns] of [['chair', chair.decidedBy], ['results', load(l, 'results').decidedBy]] as const) {
        for (const round of [1, 2, 3]) {
          const text = format(ns.runoff_votes, l, { round, votes: '7–5' });
          expect(text, `${area} ${round}`).toContain('7–5');
          expect(text).not.toMatch(/[{}]/);
          expect(format(ns.runoff, l, { round })).not.toMatch(/[{}]/);
        }
      }
    });
  }
});
