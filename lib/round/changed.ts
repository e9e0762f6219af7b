// Closing, reopening the round and closing again over a few more (or changed) ballots would let the
// chair subtract the two tallies and read those ballots: with a quorum below the whole jury, one
// juror's ballot arriving between two closes is the difference. So each close records which
// ballots counted (a fingerprint per juror and nomination, never a score), and a nomination's
// figures are shown only when, since the figures last shown for it, no ballot changed or at least
// 3 did (QUORUM_FLOOR, the same floor as for aggregates). Otherwise the desk says how many changed.
import { createHash } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, decision, nomination } from '@/db/schema';
import type { Tx } from '@/lib/action';
import { QUORUM_FLOOR } from './quorum';

type Reader = DB | Tx;
/** nomination code -> juror id -> receipt fingerprint */
export type CountedAtClose = Record<string, Record<string, string>>;

const fingerprint = (receipt: string) => createHash('sha256').update(receipt).digest('hex').slice(0, 16);

/** The ballots that count now in the round's nominations, as a close records them. */
export function countedAtClose(db: Reader, round: 'main' | 'special'): CountedAtClose {
  const noms = db.select({ id: nomination.id, code: nomination.code }).from(nomination).where(eq(nomination.round, round)).all();
  const out: CountedAtClose = Object.fromEntries(noms.map((n) => [n.code, {}]));
  if (noms.length === 0) return out;
  const codeOf = new Map(noms.map((n) => [n.id, n.code]));
  const rows = db
    .select({ jurorId: ballot.jurorId, nominationId: ballot.nominationId, receipt: ballot.receipt })
    .from(ballot)
    .where(and(isNotNull(ballot.receipt), inArray(ballot.nominationId, noms.map((n) => n.id))))
    .all();
  for (const r of rows) out[codeOf.get(r.nominationId)!][String(r.jurorId)] = fingerprint(r.receipt!);
  return out;
}

function changedBetween(a: Record<string, string>, b: Record<string, string>): number {
  const jurors = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...jurors].filter((j) => a[j] !== b[j]).length;
}

/**
 * For the round's latest close: per nomination, how many ballots changed since the figures were
 * last shown, when that number is 1 or 2 (the figures are then withheld); nominations shown as
 * usual are absent. Closes recorded before fingerprints existed count as shown.
 */
export function fewChangedSinceShown(db: Reader, round: 'main' | 'special'): Map<string, number> {
  const closes = db
    .select({ counted: decision.counted })
    .from(decision)
    .where(and(eq(decision.kind, 'close_round'), eq(decision.round, round)))
    .orderBy(asc(decision.id))
    .all()
    .map((d) => (d.counted ? (JSON.parse(d.counted) as CountedAtClose) : null));
  const lastShown = new Map<string, Record<string, string>>();
  let withheld = new Map<string, number>();
  for (const close of closes) {
    withheld = new Map();
    if (!close) continue;
    for (const [code, now] of Object.entries(close)) {
      const before = lastShown.get(code);
      const changed = before ? changedBetween(before, now) : 0;
      if (changed > 0 && changed < QUORUM_FLOOR) withheld.set(code, changed);
      else lastShown.set(code, now);
    }
  }
  return withheld;
}
