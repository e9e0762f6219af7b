// Who may see the finalised results before publication: the chair and the organisers (for the
// exports and the protocol). After publication, everyone. Before finalisation, nobody.
import type { Phase } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';

export function canSeeResults(phase: Phase, user: SessionUser | null): boolean {
  if (phase === 'published') return true;
  // A user who still has to replace a temporary password counts as nobody until they do (pages
  // send them to /account/password; the exports must not let them round it).
  if (phase === 'finalised') return !!user && !user.mustChangePassword && (user.role === 'chair' || user.role === 'organiser');
  return false;
}

/**
 * The draft protocol, to read at the table while a round is closed and until finalisation: the
 * chair and the organisers. It shows what each already sees elsewhere and no figure: the chair the
 * winners of the closed round's tally (as on /chair, without aggregates or margins), the organisers
 * the jury, the rules and the decisions' log, never a winner or a score. Not while a reopened round
 * is being voted again: its decisions are set aside until the next close.
 */
export function canSeeDraftProtocol(phase: Phase, user: SessionUser | null): boolean {
  if (!user || user.mustChangePassword || (user.role !== 'chair' && user.role !== 'organiser')) return false;
  return phase === 'main_closed' || phase === 'special_voting' || phase === 'special_closed';
}

/**
 * The awards are final: from here the organisers may read whom the chair's decisions, the runoffs and
 * the special round concern. Before it no page, log or export shows an organiser a tied, chosen,
 * winning or non-winning candidate (lib/admin/audit-log.ts, lib/admin/progress.ts, the draft protocol).
 */
export function resultsFinal(phase: Phase | string | undefined): boolean {
  return phase === 'finalised' || phase === 'published';
}
