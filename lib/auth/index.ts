// The one door to authentication: pages, actions and route handlers import from here.
export { getCurrentUser, type SessionUser } from './session';
export { requireUser, requireRole, JUROR_ROLES } from './guards';
export { getAuthOptions } from './options';
