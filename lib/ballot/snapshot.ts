// A ballot as last submitted: the snapshot the tally and the receipt read. Taken at every
// submission (replacing the previous one) and kept when the chair reopens the ballot, so that a
// reopened ballot counts exactly as it was submitted until its juror submits again; closing,
// reopening one ballot and closing again therefore shows the same tally and reveals nothing.
// Stored in whole steps above the scale's minimum, the exact form of a score.
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, ballotScore, nomination } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';
import type { Tx } from '@/lib/server/action';
import { stepsOf, valueOfSteps, type Scale } from './scale';

type Reader = DB | Tx;

/** A value the ballot accepted, as whole steps above the minimum (the save already checked it is on the scale). */
export function toSteps(scale: Scale, value: number): number {
  const k = stepsOf(scale, value);
  if (k === null) throw new Error(`score ${value} is off the scale`);
  return k;
}


/** Replaces the ballot's snapshot with `scores` (the counted ones: recused candidates left out). */
export function writeSnapshot(tx: Tx, ballotId: number, scale: Scale, scores: { candidateId: number; value: number }[]) {
  tx.delete(ballotScore).where(eq(ballotScore.ballotId, ballotId)).run();
  if (scores.length) tx.insert(ballotScore).values(scores.map((s) => ({ ballotId, candidateId: s.candidateId, steps: toSteps(scale, s.value) }))).run();
}

/** One ballot's snapshot as candidate/value pairs, by candidate id: what its receipt was computed over. */
export function snapshotOf(db: Reader, ballotId: number, scale: Scale): { candidateId: number; value: number }[] {
  return db
    .select({ candidateId: ballotScore.candidateId, steps: ballotScore.steps })
    .from(ballotScore)
    .where(eq(ballotScore.ballotId, ballotId))
    .orderBy(asc(ballotScore.candidateId))
    .all()
    .map((s) => ({ candidateId: s.candidateId, value: valueOfSteps(scale, s.steps) }));
}

/**
 * The ballots the tally counts: every ballot with a receipt, i.e. submitted at least once, whether
 * locked now or reopened by the chair (then it counts as last submitted). `locked` tells the two apart.
 * One jury's: the served one unless `juryId` names another (audit:verify replays every jury).
 */
export function countedBallots(db: Reader, juryId = findFestival(db)?.id ?? -1) {
  return db
    .select({ id: ballot.id, jurorId: ballot.jurorId, nominationId: ballot.nominationId, locked: isNotNull(ballot.submittedAt) })
    .from(ballot)
    .innerJoin(nomination, eq(nomination.id, ballot.nominationId))
    .where(and(isNotNull(ballot.receipt), eq(nomination.juryId, juryId)))
    .orderBy(asc(ballot.id))
    .all()
    .map((b) => ({ ...b, locked: Boolean(b.locked) }));
}

/**
 * The snapshot rows of every counted ballot, with its juror and nomination, in ballot and candidate
 * order. One jury's: the served one unless `juryId` names another.
 */
export function countedSnapshots(db: Reader, juryId = findFestival(db)?.id ?? -1) {
  return countedSnapshotsQuery(db, juryId).all();
}

/**
 * countedSnapshots' query, unrun: its plan must start from the jury's nominations (index
 * `ballot_nomination`), not read every jury's snapshots in the file (counted-snapshots.test.ts).
 */
export function countedSnapshotsQuery(db: Reader, juryId: number) {
  return db
    .select({ ballotId: ballotScore.ballotId, jurorId: ballot.jurorId, nominationId: ballot.nominationId, candidateId: ballotScore.candidateId, steps: ballotScore.steps })
    .from(ballotScore)
    .innerJoin(ballot, eq(ballot.id, ballotScore.ballotId))
    .innerJoin(nomination, eq(nomination.id, ballot.nominationId))
    .where(and(isNotNull(ballot.receipt), eq(nomination.juryId, juryId)))
    .orderBy(asc(ballot.jurorId), asc(ballotScore.candidateId));
}
