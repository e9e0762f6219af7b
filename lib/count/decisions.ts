// The chair's decisions in force. Every act stays in the decision log; what counts is decided here:
// a later decision on the same nomination supersedes an earlier one (the tally takes the latest that
// fits), a `withdraw` sets aside every earlier decision of its nomination, and reopening a round sets
// aside every decision taken before on that round's nominations, so that after the next close the
// chair decides again on the new data instead of an old decision silently applying to a tie that
// happens to look the same.
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import type { Tx } from '@/lib/server/action';
import { decision, nomination, type DecisionKindStored } from '@/db/schema';
import { getFestival } from '@/lib/festival/phase';
import { tally, type Decision, type NominationResult, type NominationStatus, type TallyInput } from '@/lib/tally';

type Reader = DB | Tx;
type Round = 'main' | 'special';

export interface DecisionRow {
  id: number;
  kind: DecisionKindStored;
  nominationId: number | null;
  /** The nomination's code and round, for rows about a nomination. */
  code: string | null;
  nominationRound: Round | null;
  /** The round column: which round a close, reopen, waiver or skip is about. */
  round: Round | null;
  tied: number[];
  chosen: number[];
  reason: string;
  createdAt: string;
}

/** Kinds that are tally input. */
export const TALLY_KINDS = ['casting_vote', 'shared', 'no_award'] as const;
const isTallyKind = (k: DecisionKindStored): k is (typeof TALLY_KINDS)[number] => (TALLY_KINDS as readonly string[]).includes(k);

/** A jury's decision log (the served jury's unless another is named), oldest first. */
export function decisionRows(db: Reader, juryId = getFestival(db).id): DecisionRow[] {
  return db
    .select({
      id: decision.id,
      kind: decision.kind,
      nominationId: decision.nominationId,
      code: nomination.code,
      nominationRound: nomination.round,
      round: decision.round,
      tied: decision.tied,
      chosen: decision.chosen,
      reason: decision.reason,
      createdAt: decision.createdAt,
    })
    .from(decision)
    .leftJoin(nomination, eq(nomination.id, decision.nominationId))
    .where(eq(decision.juryId, juryId))
    .orderBy(asc(decision.id))
    .all()
    .map((d) => ({ ...d, tied: JSON.parse(d.tied) as number[], chosen: JSON.parse(d.chosen) as number[] }));
}

export type SetAsideBy = { kind: 'withdraw' | 'reopen_round'; id: number; reason: string; createdAt: string };

/** Why a tally decision no longer counts (the first later act that set it aside), or null while it is in force. */
export function setAsideBy(rows: DecisionRow[], d: DecisionRow): SetAsideBy | null {
  for (const r of rows) {
    if (r.id <= d.id) continue;
    if (r.kind === 'withdraw' && r.nominationId !== null && r.nominationId === d.nominationId) return { kind: 'withdraw', id: r.id, reason: r.reason, createdAt: r.createdAt };
    if (r.kind === 'reopen_round' && r.round !== null && r.round === d.nominationRound) return { kind: 'reopen_round', id: r.id, reason: r.reason, createdAt: r.createdAt };
  }
  return null;
}

/** The tally decisions in force, oldest first. */
export function decisionsInForce(rows: DecisionRow[]): DecisionRow[] {
  return rows.filter((d) => isTallyKind(d.kind) && d.code !== null && setAsideBy(rows, d) === null);
}

export function toTallyDecision(d: DecisionRow): Decision {
  return { nomination: d.code!, kind: d.kind as Decision['kind'], tied: d.tied.map(String), chosen: d.chosen.map(String) };
}

/** The chair's waiver of the special round, if one is in force (not withdrawn, main round not reopened since). */
export function waiverInForce(rows: DecisionRow[]): DecisionRow | null {
  const last = rows.findLast((r) => r.kind === 'waive_special');
  if (!last) return null;
  const undone = rows.some((r) => r.id > last.id && ((r.kind === 'withdraw' && r.nominationId === null) || (r.kind === 'reopen_round' && r.round === 'main')));
  return undone ? null : last;
}

/**
 * The tally decisions of `round` that the last reopening of that round set aside, for the chair's page:
 * those the chair has not replaced since (a later decision on the same nomination) still need a new word.
 */
export function setAsideByReopen(rows: DecisionRow[], round: Round): DecisionRow[] {
  const reopen = rows.findLast((r) => r.kind === 'reopen_round' && r.round === round);
  if (!reopen) return [];
  const decidedSince = new Set(rows.filter((r) => r.id > reopen.id && r.nominationId !== null && (isTallyKind(r.kind) || r.kind === 'withdraw')).map((r) => r.nominationId));
  const aside = rows.filter((d) => d.id < reopen.id && isTallyKind(d.kind) && d.nominationRound === round && !decidedSince.has(d.nominationId));
  // The latest per nomination: that is the decision the chair would have to take again.
  const latest = new Map<number, DecisionRow>();
  for (const d of aside) {
    const prior = setAsideBy(rows, d);
    if (prior?.id === reopen.id) latest.set(d.nominationId!, d);
  }
  return [...latest.values()];
}

/** The tally as it would be without any decision on `code`: what the chair decides (or decides again) on. */
export function undecidedResult(input: TallyInput, code: string): NominationResult {
  return tally({ ...input, decisions: input.decisions.filter((d) => d.nomination !== code) }).nominations.find((n) => n.code === code)!;
}

/** Statuses that need the chair's word before finalising: a tie, or nobody who can win (then "no award"). */
export const UNSETTLED: readonly NominationStatus[] = ['blocked', 'no_candidates', 'no_scores'];
