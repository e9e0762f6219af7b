// What a close's audit entry states of the ballots it counted (decision.counted, lib/round/changed.ts):
// a digest, not the fingerprints themselves, so the log beside juror ids tells nothing of any receipt,
// and audit:verify can still tell that the stored counted set is the one the close wrote (issue 20).
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/canonical';

export function countedDigest(counted: string | null): string | null {
  if (counted === null) return null;
  let value: unknown;
  try {
    value = JSON.parse(counted);
  } catch {
    value = counted; // not JSON: still digested, so that it differs from any audited set
  }
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
