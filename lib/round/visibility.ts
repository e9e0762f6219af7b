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
