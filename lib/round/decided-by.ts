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
