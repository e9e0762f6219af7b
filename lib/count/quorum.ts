// The quorum: the least number of counted ballots with which a round may close. It holds per
// nomination (each nomination's tally is its own, and one with a single ballot in would show that
// juror's scores), for every nomination of the round that has candidates. The festival's setting
// (frozen when voting opens) is a number, or null for "all active jurors"; it never asks for more
// ballots than there are active jurors, and never fewer than 3.
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, juryMember, nomination, user } from '@/db/schema';
import { memberOf, seatedActive } from '@/lib/festival/members';
import type { Tx } from '@/lib/server/action';
import { countedBallots } from '@/lib/ballot/snapshot';
import { getFestival } from '@/lib/festival/phase';

/** Below this many scores no aggregate is shown before publication, and no round closes. */
export const QUORUM_FLOOR = 3;

export function effectiveQuorum(setting: number | null, activeJurors: number): number {
  return Math.max(QUORUM_FLOOR, setting === null ? activeJurors : Math.min(setting, activeJurors));
}

/** The round's quorum and each nomination's count of counted ballots; `short` lists those below it. */
export function quorumOf(db: DB | Tx, round: 'main' | 'special') {
  const fest = getFestival(db);
  const active = db.select({ id: user.id }).from(user).innerJoin(juryMember, memberOf(fest.id)).where(seatedActive).all().length;
  const quorum = effectiveQuorum(fest.quorum, active);
  const noms = db.select({ id: nomination.id, code: nomination.code })
    .from(nomination).where(and(eq(nomination.juryId, fest.id), eq(nomination.round, round))).orderBy(asc(nomination.position)).all()
    .filter((n) => db.select({ id: candidate.id }).from(candidate).where(eq(candidate.nominationId, n.id)).get());
  const counted = new Map<number, number>();
  for (const b of countedBallots(db, fest.id)) counted.set(b.nominationId, (counted.get(b.nominationId) ?? 0) + 1);
  const nominations = noms.map((n) => ({ code: n.code, counted: counted.get(n.id) ?? 0 }));
  return { quorum, setting: fest.quorum, nominations, short: nominations.filter((n) => n.counted < quorum) };
}
