// Checking a receipt file against the published receipts, in the juror's own browser (the "check my
// receipt" box on /results): nothing is sent anywhere. Pure apart from the hash function passed in
// (WebCrypto in the browser, the same in Node for the tests), so that one function does the check
// the page runs and the tests run.
import { canonicalJson } from '@/lib/canonical';
import type { CanonicalBallot } from '@/lib/ballot/receipt';
import type { CanonicalRunoffVote } from './receipt';

/**
 * The downloaded receipt file. `ballot` and `receipt` are what verification needs; `lines` is the
 * same ballot in words (titles and scores in the juror's language), checked against `ballot` too, so
 * that a file whose readable part was edited is called altered rather than believed.
 */
export type ReceiptFile = {
  receipt: string;
  submittedAt?: string;
  ballot: CanonicalBallot;
  lines?: { candidate: number; title: string; score: number }[];
};

export type PublishedReceipt = { nomination: string; receipt: string };

export type ReceiptCheck =
  | { kind: 'unreadable' } // not a receipt file of this app
  | { kind: 'altered'; runoff?: true } // the ballot does not give the receipt written beside it, or its words differ from it
  | { kind: 'none'; receipt: string; runoff?: true } // a consistent file whose receipt is not among the published ones
  | { kind: 'matches'; nomination: string; receipt: string; runoff?: true }; // `runoff`: the file is a runoff vote's

function isBallot(b: unknown): b is CanonicalBallot {
  if (!b || typeof b !== 'object') return false;
  const o = b as Record<string, unknown>;
  return o.version === 1 && typeof o.juror === 'string' && typeof o.nomination === 'string' && typeof o.salt === 'string'
    && Array.isArray(o.scores) && o.scores.every((p) => Array.isArray(p) && p.length === 2 && Number.isInteger(p[0]) && typeof p[1] === 'number');
}

/** A runoff vote as its receipt file holds it (app/jury/runoff/RunoffVote.tsx: `vote`). */
function isRunoffVote(v: unknown): v is CanonicalRunoffVote {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return o.version === 1 && o.kind === 'runoff' && Number.isInteger(o.runoff) && typeof o.nomination === 'string' && typeof o.juror === 'string'
    && typeof o.salt === 'string' && (o.choice === null || Number.isInteger(o.choice));
}

/**
 * A ballot's receipt file, or a runoff vote's (`vote` in place of `ballot`): `published` then holds
 * the runoff receipts of /results as well, and a runoff receipt is found among them like any other.
 */
export async function checkReceiptFile(text: string, published: readonly PublishedReceipt[], sha256Hex: (s: string) => Promise<string>): Promise<ReceiptCheck> {
  let file: ReceiptFile;
  try {
    file = JSON.parse(text.replace(/^\uFEFF/, '')) as ReceiptFile;
  } catch {
    return { kind: 'unreadable' };
  }
  if (!file || typeof file !== 'object' || typeof file.receipt !== 'string') return { kind: 'unreadable' };
  const vote = (file as { vote?: unknown }).vote;
  const runoffVote = !('ballot' in file) && isRunoffVote(vote);
  if (!runoffVote && !isBallot(file.ballot)) return { kind: 'unreadable' };
  let computed: string;
  try {
    computed = await sha256Hex(canonicalJson(runoffVote ? vote : file.ballot));
  } catch {
    // A crafted file nested too deeply to serialise: an answer, not a rejection the box would not show.
    return { kind: 'unreadable' };
  }
  const of = runoffVote ? { runoff: true as const } : {};
  if (computed !== file.receipt.trim().toLowerCase()) return { kind: 'altered', ...of };
  if (!runoffVote && file.lines !== undefined) {
    const scores = new Map(file.ballot.scores.map(([c, v]) => [c, v]));
    const consistent = Array.isArray(file.lines) && file.lines.length === scores.size
      && file.lines.every((l) => l && scores.get(l.candidate) === l.score);
    if (!consistent) return { kind: 'altered' };
  }
  const hit = published.find((p) => p.receipt === computed);
  return hit ? { kind: 'matches', nomination: hit.nomination, receipt: computed, ...of } : { kind: 'none', receipt: computed, ...of };
}

/** SHA-256 as hex with WebCrypto (browsers in a secure context, and Node 20). */
export async function webSha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Whether this browser can check here: WebCrypto's digest exists only on https pages and localhost. */
export const canCheckHere = () => typeof globalThis.crypto?.subtle?.digest === 'function';

/** The text of the receipt file a juror downloads: the receipt, the ballot it was computed over, and that ballot in words. */
export function receiptFileText(r: { receipt: string; submittedAt: string; ballot: CanonicalBallot; lines: { candidate: number; title: string; score: number }[]; about: string }): string {
  return JSON.stringify({ about: r.about, receipt: r.receipt, submittedAt: r.submittedAt, lines: r.lines, ballot: r.ballot }, null, 2);
}
