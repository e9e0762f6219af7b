// Guards for pages and route handlers. Every page calls one itself: layouts and proxy.ts are not
// enough (layouts do not re-run on navigation; middleware can be skipped).
import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import type { Role } from '@/db/schema';
import { getCurrentUser, type SessionUser } from './session';

export { JUROR_ROLES } from './roles';

export async function requireUser(opts: { allowPasswordChange?: boolean } = {}): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/login');
  if (user.mustChangePassword && !opts.allowPasswordChange) redirect('/account/password');
  return user;
}

export async function requireRole(...roles: Role[]): Promise<SessionUser> {
  const user = await requireUser();
  if (!user.role || !roles.includes(user.role)) forbidden();
  return user;
}
