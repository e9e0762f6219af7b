// What a close's audit entry states of what it counted (decision.counted, the ballots, and
// decision.counted_scores, the keyed fingerprints the desk compares later closes with:
// lib/round/changed.ts): a digest, not the fingerprints themselves, so the log beside juror ids tells
// nothing of any receipt or score, and audit:verify can still tell that the stored sets are the ones
// the close wrote (issue 20). A row without counted scores (a database from before them) digests as
// it always did.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/canonical';

const parsed = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text; // not JSON: still digested, so that it differs from any audited set
  }
};

export function countedDigest(counted: string | null, countedScores: string | null = null): string | null {
  if (counted === null && countedScores === null) return null;
  const value = countedScores === null ? parsed(counted!) : { counted: counted === null ? null : parsed(counted), scores: parsed(countedScores) };
  return createHash('sha256').update(canonicalJson(value)).digest('hex');
}
