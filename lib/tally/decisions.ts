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
    if (!tied || !sameSet(d.tied, tied)) {
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
