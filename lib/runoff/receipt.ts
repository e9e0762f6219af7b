// A runoff vote's receipt, like a ballot's (lib/ballot/receipt.ts): SHA-256 over the canonical vote
// (runoff, nomination, juror, choice) and a random salt only the juror is shown. The published
// receipt reveals nothing (the salt defeats trying the two or three possible choices), yet the juror
// can recompute it, and audit:verify recomputes it from the stored row: a changed choice is caught.
import { canonicalJson } from '@/lib/canonical';
import { createHash } from 'node:crypto';

export interface CanonicalRunoffVote {
  version: 1;
  kind: 'runoff';
  runoff: number;
  nomination: string; // nomination code
  juror: string; // login name
  choice: number | null; // candidate id, null = abstention
  salt: string;
}

export function canonicalRunoffVote(runoff: number, nomination: string, juror: string, choice: number | null, salt: string): CanonicalRunoffVote {
  return { version: 1, kind: 'runoff', runoff, nomination, juror, choice, salt };
}

export function runoffReceiptOf(v: CanonicalRunoffVote): string {
  return createHash('sha256').update(canonicalJson(v)).digest('hex');
}
