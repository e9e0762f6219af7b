// Who may see the finalised results before publication: the chair and the organisers (for the
// exports and the protocol). After publication, everyone. Before finalisation, nobody.
import type { Phase } from '@/db/schema';
import type { SessionUser } from '@/lib/auth/users';

export function canSeeResults(phase: Phase, user: SessionUser | null): boolean {
  if (phase === 'published') return true;
  if (phase === 'finalised') return !!user && (user.role === 'chair' || user.role === 'organiser');
  return false;
}
