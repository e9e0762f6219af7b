// What the live counts are made of, read from the database in one read transaction: per nomination
// the ballots counted and submitted, and the open runoffs (with the last closed one) with who is
// entitled and who has voted. Server-side only: `voters` and the entitlement lists never leave the
// process; lib/live/view.ts turns these facts into what one reader may see.
import 'server-only';
import { and, asc, count, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, candidate, nomination, runoff, runoffVote, user, type Phase } from '@/db/schema';
import { countedBallots } from '@/lib/ballot/snapshot';
import { getFestival } from '@/lib/festival/phase';
import { missingBallots } from '@/lib/round/missing';
import { entitledJurors } from '@/lib/runoff/entitled';

export interface NominationFacts {
  code: string;
  round: 'main' | 'special';
  /** Ballots that count (submitted at least once, locked or reopened): the chair's quorum figure. */
  counted: number;
  /** Ballots locked now by active jurors: the organisers' progress figure. */
  submitted: number;
}

export interface RunoffFacts {
  id: number;
  code: string;
  open: boolean;
  /** Jurors who may vote in it now: active jurors and the chair, less those recused from a tied film. */
  entitled: number[];
  /** Jurors who have voted (a vote or an abstention). Never the choices. */
  voters: number[];
}

export interface LiveFacts {
  phase: Phase;
  votingRound: 'main' | 'special' | null;
  nominations: NominationFacts[];
  /** Active jurors' ballots still missing in the voting round (as /chair counts them). */
  missing: number;
  /** Open runoffs, then the most recently closed one (for the room display), never one set aside. */
  runoffs: RunoffFacts[];
}

function parseTied(json: string): number[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.map(Number).filter(Number.isInteger) : [];
  } catch {
    return [];
  }
}

/**
 * Reads every fact of the live counts, of the served jury only (issue 23: another jury's ballots and
 * runoffs never reach this jury's readers). Call inside one read transaction for a consistent picture.
 */
export function readLiveFacts(db: DB): LiveFacts {
  const fest = getFestival(db);
  const phase = fest.phase;
  const votingRound = phase === 'voting' ? 'main' : phase === 'special_voting' ? 'special' : null;
  const noms = db
    .select({ id: nomination.id, code: nomination.code, round: nomination.round })
    .from(nomination)
    .where(and(eq(nomination.juryId, fest.id), inArray(nomination.id, db.select({ id: candidate.nominationId }).from(candidate))))
    .orderBy(asc(nomination.position))
    .all();
  const counted = new Map<number, number>();
  for (const b of countedBallots(db, fest.id)) counted.set(b.nominationId, (counted.get(b.nominationId) ?? 0) + 1);
  const submitted = new Map(
    db
      .select({ nominationId: ballot.nominationId, n: count() })
      .from(ballot)
      .innerJoin(user, eq(user.id, ballot.jurorId))
      .innerJoin(nomination, eq(nomination.id, ballot.nominationId))
      .where(and(isNotNull(ballot.submittedAt), eq(user.active, true), eq(nomination.juryId, fest.id)))
      .groupBy(ballot.nominationId)
      .all()
      .map((r) => [r.nominationId, r.n]),
  );
  const nominations = noms.map((n) => ({ code: n.code, round: n.round, counted: counted.get(n.id) ?? 0, submitted: submitted.get(n.id) ?? 0 }));
  const missing = votingRound ? missingBallots(db, votingRound).length : 0;

  const cols = { id: runoff.id, tied: runoff.tied, closedAt: runoff.closedAt, code: nomination.code };
  const open = db.select(cols).from(runoff).innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(eq(nomination.juryId, fest.id), isNull(runoff.closedAt), isNull(runoff.setAsideAt))).orderBy(asc(nomination.position), asc(runoff.id)).all();
  const lastClosed = db.select(cols).from(runoff).innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(eq(nomination.juryId, fest.id), isNotNull(runoff.closedAt), isNull(runoff.setAsideAt))).orderBy(desc(runoff.closedAt), desc(runoff.id)).limit(1).all();
  const rows = [...open, ...lastClosed];
  const votes = rows.length
    ? db.select({ runoffId: runoffVote.runoffId, jurorId: runoffVote.jurorId }).from(runoffVote).where(inArray(runoffVote.runoffId, rows.map((r) => r.id))).all()
    : [];
  const runoffs = rows.map((r) => {
    const voters = votes.filter((v) => v.runoffId === r.id).map((v) => v.jurorId).sort((a, b) => a - b);
    // The same rule as the runoff actions' (lib/runoff/entitled.ts on the runoff branch): at merge, use theirs.
    const entitled = entitledJurors(db, parseTied(r.tied));
    return { id: r.id, code: r.code, open: r.closedAt === null, entitled, voters };
  });
  return { phase, votingRound, nominations, missing, runoffs };
}
