// The chair's recorded decisions, the last link of the tie-break chain. A decision applies only to
// the exact tie it was taken on: if scores changed and the tie is different, it is stale and ignored.

import type { Decision, ExAequoRule, Reason } from './types';

export interface IndexedDecision {
  /** Position in input.decisions, so that reasons can point at the record. */
  index: number;
  decision: Decision;
}

export interface Resolution {
  /** Candidate ids chosen by the applicable decision, or null when none applies. */
  winners: string[] | null;
  reasons: Reason[];
}

const NO_EX_AEQUO: ExAequoRule = { allowed: false, maxWinners: 1 };

function sameSet(a: string[], b: string[]): boolean {
  const s = new Set(a);
  return s.size === b.length && b.every((x) => s.has(x));
}

const superseded = (r: Reason): Reason => ({ code: 'decision_superseded', params: { decision: r.params.decision } });

/**
 * `tied` is the unresolved tie (candidate ids), or null when the award needs no decision.
 * Decisions are in recording order; when several valid ones match, the latest is the chair's word.
 */
export function resolveTie(
  tied: string[] | null,
  places: number,
  decisions: IndexedDecision[],
  exAequo: ExAequoRule = NO_EX_AEQUO,
): Resolution {
  const reasons: Reason[] = [];
  let winners: string[] | null = null;
  let applied: Reason | null = null;
  for (const { index, decision: d } of decisions) {
    const ref = { decision: index, kind: d.kind, tied: d.tied.join(',') };
    // "No award" is for a nomination nobody can win; where there is a winner or a tie it does not apply.
    if (d.kind === 'no_award' || !tied || !sameSet(d.tied, tied)) {
      reasons.push({ code: 'decision_stale', params: ref });
      continue;
    }
    const chosen = [...new Set(d.chosen)];
    if (chosen.length === 0 || !chosen.every((c) => tied.includes(c))) {
      reasons.push({ code: 'decision_invalid', params: { ...ref, chosen: d.chosen.join(',') } });
      continue;
    }
    if (d.kind === 'casting_vote') {
      if (chosen.length !== places) {
        reasons.push({ code: 'decision_invalid', params: { ...ref, chosen: d.chosen.join(',') } });
        continue;
      }
      if (applied) reasons.push(superseded(applied));
      winners = chosen;
      applied = { code: 'chair_casting_vote', params: { decision: index, candidate: chosen.join(',') } };
      continue;
    }
    if (!exAequo.allowed || chosen.length > exAequo.maxWinners) {
      reasons.push({
        code: 'shared_not_allowed',
        params: { decision: index, count: chosen.length, maxWinners: exAequo.allowed ? exAequo.maxWinners : 0 },
      });
      continue;
    }
    if (applied) reasons.push(superseded(applied));
    winners = chosen;
    applied = {
      code: 'shared_award',
      params: { decision: index, candidates: chosen.join(','), count: chosen.length, maxWinners: exAequo.maxWinners },
    };
  }
  if (applied) reasons.push(applied);
  return { winners, reasons };
}

/**
 * For a nomination with no eligible candidate or no counted score: whether the chair recorded
 * "no award" for it. Tie decisions do not apply here (stale); the latest "no award" is the one cited.
 */
export function resolveNoAward(decisions: IndexedDecision[]): { noAward: boolean; reasons: Reason[] } {
  const reasons: Reason[] = [];
  let applied: Reason | null = null;
  for (const { index, decision: d } of decisions) {
    if (d.kind !== 'no_award') {
      reasons.push({ code: 'decision_stale', params: { decision: index, kind: d.kind, tied: d.tied.join(',') } });
      continue;
    }
    if (applied) reasons.push(superseded(applied));
    applied = { code: 'chair_no_award', params: { decision: index } };
  }
  if (applied) reasons.push(applied);
  return { noAward: applied !== null, reasons };
}
