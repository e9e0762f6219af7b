// How an award was decided, in a word the chair, the public and the protocol can read: a margin of
// 0.00 says nothing about a casting vote. Read from the tally's own reasons (lib/tally), never
// recomputed here.
import type { Reason } from '@/lib/tally';

export type DecidedBy =
  | { how: 'casting_vote' }
  | { how: 'shared' }
  | { how: 'head_to_head'; for: number | null; against: number | null }
  | { how: 'score' }
  | null;

export function decidedBy(n: { status: string; winners: readonly string[]; reasons: readonly Reason[] }): DecidedBy {
  if (n.status !== 'decided' || n.winners.length === 0) return null;
  const has = (code: string) => n.reasons.find((r) => r.code === code);
  if (has('shared_award')) return { how: 'shared' };
  if (has('chair_casting_vote')) return { how: 'casting_vote' };
  const h2h = has('head_to_head');
  if (h2h) {
    const num = (v: unknown) => (typeof v === 'number' ? v : null);
    return { how: 'head_to_head', for: num(h2h.params.for), against: num(h2h.params.against) };
  }
  return { how: 'score' };
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
