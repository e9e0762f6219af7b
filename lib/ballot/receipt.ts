// A submitted ballot's receipt: SHA-256 over the canonical ballot (juror, nomination, the
// candidate/score pairs ordered by candidate id) and a random per-ballot salt that only the juror
// is shown. The published receipt reveals nothing (the salt defeats brute force over the few
// possible score vectors), yet the juror can recompute it from what they hold.
import { createHash, randomBytes } from 'node:crypto';
import { canonicalJson } from '@/lib/canonical';

export interface CanonicalBallot {
  version: 1;
  juror: string; // login name
  nomination: string; // nomination code
  scores: [number, number][]; // [candidate id, value], by candidate id
  salt: string;
}

export function newSalt(): string {
  return randomBytes(16).toString('hex');
}

export function canonicalBallot(juror: string, nomination: string, scores: { candidateId: number; value: number }[], salt: string): CanonicalBallot {
  const pairs = scores.map((s) => [s.candidateId, s.value] as [number, number]).sort((a, b) => a[0] - b[0]);
  return { version: 1, juror, nomination, scores: pairs, salt };
}

export function receiptOf(ballot: CanonicalBallot): string {
  return createHash('sha256').update(canonicalJson(ballot)).digest('hex');
}
