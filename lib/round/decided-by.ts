// How an award was decided, in a word the chair, the public and the protocol can read: a margin of
// 0.00 says nothing about a casting vote. Read from the tally's own reasons (lib/tally), never
// recomputed here.
import type { Reason } from '@/lib/tally';

export type DecidedBy =
  | { how: 'casting_vote' }
  | { how: 'shared' }
  /** `round`: 1 for the first runoff on the tie, 2 for the second...; `votes`: the counts, highest first ("7–5"). */
  | { how: 'runoff'; round: number; votes: string | null }
  | { how: 'head_to_head'; for: number | null; against: number | null }
  | { how: 'score' }
  | null;

export function decidedBy(n: { status: string; winners: readonly string[]; reasons: readonly Reason[] }): DecidedBy {
  if (n.status !== 'decided' || n.winners.length === 0) return null;
  const has = (code: string) => n.reasons.find((r) => r.code === code);
  if (has('shared_award')) return { how: 'shared' };
  if (has('chair_casting_vote')) return { how: 'casting_vote' };
  // `_thin`: its counts withheld from this reader (lib/runoff/thin.ts).
  const runoff = has('runoff_decided') ?? has('runoff_decided_thin');
  if (runoff) return { how: 'runoff', round: Number(runoff.params.round) || 1, votes: typeof runoff.params.votes === 'string' ? runoff.params.votes : null };
  const h2h = has('head_to_head');
  if (h2h) {
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    return { how: 'head_to_head', for: num(h2h.params.for), against: num(h2h.params.against) };
  }
  return { how: 'score' };
}

/**
 * The message of a `decidedBy` in the `decidedBy` namespace of chair.json or results.json, with its
 * values: a runoff's count only where the reader may see figures (`withCounts`).
 */
/** The keys of the `decidedBy` messages (chair.json has them all). */
export type DecidedByKey = Exclude<NonNullable<DecidedBy>['how'], 'runoff' | 'head_to_head' | 'score'> | 'head_to_head' | 'head_to_head_thin' | 'score' | 'scoreOnly' | 'runoff' | 'runoff_votes';

export function decidedByMessage(d: NonNullable<DecidedBy>, margin: string | null, withCounts = true): { key: DecidedByKey; values?: Record<string, string | number> } {
  switch (d.how) {
    case 'head_to_head':
      return d.for !== null && d.against !== null && withCounts ? { key: 'head_to_head', values: { for: d.for, against: d.against } } : { key: 'head_to_head_thin' };
    case 'score':
      return margin && withCounts ? { key: 'score', values: { margin } } : { key: 'scoreOnly' };
    case 'runoff':
      return d.votes && withCounts ? { key: 'runoff_votes', values: { round: d.round, votes: d.votes } } : { key: 'runoff', values: { round: d.round } };
    default:
      return { key: d.how };
  }
}

/** How a published award was decided, where it is not by the scores: the chair's decision or a runoff. */
export type AwardDecidedBy = 'casting_vote' | 'shared' | { how: 'runoff'; round: number; votes: string | null };

/**
 * For the published awards: the nominations a runoff decided, from the tally of what the database
 * holds, where its winners are the very winners awarded (a runoff's count only `withCounts`).
 */
export function runoffDecidedAwards(
  result: { nominations: readonly { code: string; status: string; winners: readonly string[]; reasons: readonly Reason[] }[] } | null,
  awards: readonly { nomination: string; candidateId: number }[],
  withCounts: boolean,
): Map<string, AwardDecidedBy> {
  const out = new Map<string, AwardDecidedBy>();
  for (const n of result?.nominations ?? []) {
    const d = decidedBy(n);
    if (d?.how !== 'runoff') continue;
    const winners = new Set(awards.filter((a) => a.nomination === n.code).map((a) => String(a.candidateId)));
    if (winners.size === n.winners.length && n.winners.every((w) => winners.has(w))) out.set(n.code, { ...d, votes: withCounts ? d.votes : null });
  }
  return out;
}

/**
 * For the published awards: the nominations the chair's decision settled (a casting vote or a
 * shared award), from the decisions in force, the latest for each nomination, and only where the
 * decision chose the very winners awarded.
 */
export function chairDecidedAwards(
  inForce: readonly { code: string | null; kind: string; chosen: readonly number[] }[],
  awards: readonly { nomination: string; candidateId: number }[],
): Map<string, 'casting_vote' | 'shared'> {
  const latest = new Map<string, (typeof inForce)[number]>();
  for (const d of inForce) if (d.code && (d.kind === 'casting_vote' || d.kind === 'shared')) latest.set(d.code, d);
  const out = new Map<string, 'casting_vote' | 'shared'>();
  for (const [code, d] of latest) {
    const winners = new Set(awards.filter((a) => a.nomination === code).map((a) => a.candidateId));
    if (d.chosen.length > 0 && d.chosen.length === winners.size && d.chosen.every((c) => winners.has(c))) out.set(code, d.kind as 'casting_vote' | 'shared');
  }
  return out;
}
