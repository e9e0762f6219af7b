// The sentence for one unmet precondition of opening the vote.
import type { Unmet } from '@/lib/admin/phase';

type T = (key: string, params?: Record<string, string | number>) => string;

export function unmetText(t: T, tc: T, u: Unmet): string {
  const params = { ...(u.params ?? {}) };
  if (typeof params.nomination === 'string') params.nomination = tc(`nomination.${params.nomination}`);
  return t(`phase.unmetReason.${u.code.replace(/[:.]/g, '_')}`, params);
}
