// The runoffs as each reader may see them. While a runoff is open nobody sees more than how many
// have voted and how many may (never who chose what, nor a count per candidate); once closed, the
// counts per candidate and the abstentions. No reader ever gets a choice beside a juror.
import { and, asc, count, eq, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { juryMember, nomination, runoff, runoffVote, user } from '@/db/schema';
import { memberOf, servedJuryId, seatedActive } from '@/lib/festival/members';
import type { Tx } from '@/lib/server/action';
import { effectiveQuorum, QUORUM_FLOOR } from '@/lib/count/quorum';
import { getFestival } from '@/lib/festival/phase';
import { entitledJurors } from './entitled';

type Reader = DB | Tx;

export interface RunoffRow {
  id: number;
  nominationId: number;
  nomination: string;
  round: 'main' | 'special';
  tied: number[];
  places: number;
  openedAt: string;
  closedAt: string | null;
  setAsideAt: string | null;
}

/** The served jury's runoffs (or the given jury's), oldest first: another jury's runoff is no runoff here (runoffById finds none). */
export function runoffRows(db: Reader, juryId = getFestival(db).id): RunoffRow[] {
  return db
    .select({ id: runoff.id, nominationId: runoff.nominationId, nomination: nomination.code, round: nomination.round, tied: runoff.tied, places: runoff.places, openedAt: runoff.openedAt, closedAt: runoff.closedAt, setAsideAt: runoff.setAsideAt })
    .from(runoff)
    .innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(eq(nomination.juryId, juryId))
    .orderBy(asc(runoff.id))
    .all()
    .map((r) => ({ ...r, tied: JSON.parse(r.tied) as number[] }));
}

export function runoffById(db: Reader, id: number): RunoffRow | undefined {
  return runoffRows(db).find((r) => r.id === id);
}

export const isOpen = (r: RunoffRow) => r.closedAt === null && r.setAsideAt === null;

export function votesCast(db: Reader, runoffId: number): number {
  return db.select({ n: count() }).from(runoffVote).where(eq(runoffVote.runoffId, runoffId)).get()?.n ?? 0;
}

/**
 * How many votes a runoff needs before the chair may close it early: the festival's quorum (as for
 * a round, lib/count/quorum.ts: the setting, or all active jurors, never below 3), but never more
 * than the jurors entitled to vote in it. With everyone entitled having voted it may close anyway.
 */
export function runoffQuorum(db: Reader, entitled: number): number {
  const fest = getFestival(db);
  const active = db.select({ active: seatedActive }).from(user).innerJoin(juryMember, memberOf(fest.id)).all().filter((u) => u.active).length;
  return Math.min(entitled, effectiveQuorum(fest.quorum, active));
}

/** Where a runoff stands: votes cast, jurors entitled, the quorum, whether every entitled juror has voted. */
export function standingOfRunoff(db: Reader, r: RunoffRow) {
  const entitled = entitledJurors(db, r.tied);
  const voters = new Set(db.select({ j: runoffVote.jurorId }).from(runoffVote).where(eq(runoffVote.runoffId, r.id)).all().map((v) => v.j));
  const cast = voters.size;
  // Closing early also needs 3 votes besides the chair's (who subtracts their own from the counts):
  // the quorum is raised by one where the chair may vote, and those 3 are required as such.
  const chairs = new Set(db.select({ id: juryMember.userId }).from(juryMember).where(and(eq(juryMember.juryId, servedJuryId), eq(juryMember.role, 'chair'))).all().map((u) => u.id));
  const chairEntitled = entitled.some((j) => chairs.has(j));
  const quorum = Math.min(entitled.length, Math.max(runoffQuorum(db, entitled.length), QUORUM_FLOOR + (chairEntitled ? 1 : 0)));
  const others = [...voters].filter((j) => !chairs.has(j)).length;
  const allVoted = entitled.every((j) => voters.has(j));
  return { cast, entitled: entitled.length, quorum, allVoted, canClose: allVoted || (cast >= quorum && others >= QUORUM_FLOOR) };
}

/** A closed runoff's counts: votes per tied candidate (in the tie's order) and abstentions. */
export function runoffCounts(db: Reader, r: RunoffRow) {
  const choices = db.select({ choice: runoffVote.choice }).from(runoffVote).where(eq(runoffVote.runoffId, r.id)).all();
  return {
    counts: r.tied.map((c) => ({ candidate: c, votes: choices.filter((v) => v.choice === c).length })),
    abstentions: choices.filter((v) => v.choice === null).length,
    votes: choices.length,
  };
}

/** The chair's and organisers' view: open runoffs with their standing; closed ones (in force) with their counts. */
export function runoffOverview(db: Reader) {
  const rows = runoffRows(db).filter((r) => r.setAsideAt === null);
  return {
    open: rows.filter(isOpen).map((r) => ({ ...r, ...standingOfRunoff(db, r) })),
    closed: closedRunoffs(db, rows),
  };
}

/** The runoffs in force that were closed, with their counts: the served jury's, or the given jury's (its results' address). */
export function closedRunoffs(db: Reader, rows: RunoffRow[] | number = getFestival(db).id) {
  const held = typeof rows === 'number' ? runoffRows(db, rows).filter((r) => r.setAsideAt === null) : rows;
  return held.filter((r) => r.closedAt !== null).map((r) => ({ ...r, ...runoffCounts(db, r) }));
}

/** The open runoffs `jurorId` may vote in and has not voted in yet. */
export function runoffsWaitingFor(db: Reader, jurorId: number): RunoffRow[] {
  // The common case on every page: no runoff open, one indexed read.
  if (!db.select({ id: runoff.id }).from(runoff).where(and(isNull(runoff.closedAt), isNull(runoff.setAsideAt))).get()) return [];
  return runoffRows(db).filter(isOpen).filter((r) =>
    entitledJurors(db, r.tied).includes(jurorId)
    && !db.select({ id: runoffVote.id }).from(runoffVote).where(and(eq(runoffVote.runoffId, r.id), eq(runoffVote.jurorId, jurorId))).get());
}

/**
 * The runoffs in force (of the served jury) `jurorId` has voted in: the page keeps a place for each,
 * where the receipt of a vote just posted without JavaScript is shown (app/jury/runoff/RunoffBallots.tsx).
 */
export function runoffsVotedBy(db: Reader, jurorId: number): RunoffRow[] {
  const voted = new Set(db.select({ id: runoffVote.runoffId }).from(runoffVote).where(eq(runoffVote.jurorId, jurorId)).all().map((v) => v.id));
  if (voted.size === 0) return [];
  return runoffRows(db).filter((r) => r.setAsideAt === null && voted.has(r.id));
}

/** Which runoff of its nomination this is (1, 2, …), counting those in force. */
export function ordinalOf(rows: RunoffRow[], r: RunoffRow): number {
  return rows.filter((x) => x.nominationId === r.nominationId && x.setAsideAt === null && x.id <= r.id).length;
}
