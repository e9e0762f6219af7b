import type { Role } from '@/db/schema';

/** Roles that may act as a juror: the chair is one of the jurors. */
export const JUROR_ROLES: readonly Role[] = ['juror', 'chair'];
