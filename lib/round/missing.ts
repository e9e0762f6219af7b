// Which active jurors have no counted ballot for which nominations of a round: what the chair sees before
// closing it (missing ballots are not counted).
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, juryMember, nomination, user } from '@/db/schema';
import { memberOfServedJury, seatedActive } from '@/lib/festival/members';
import { countedBallots } from '@/lib/ballot/snapshot';
import type { Tx } from '@/lib/server/action';
import { getFestival } from '@/lib/festival/phase';

export function missingBallots(db: DB | Tx, round: 'main' | 'special') {
  const jurors = db.select({ id: user.id, displayName: user.displayName, role: juryMember.role }).from(user).innerJoin(juryMember, memberOfServedJury).where(seatedActive).orderBy(asc(user.id)).all();
  const noms = db.select({ id: nomination.id, code: nomination.code })
    .from(nomination).where(and(eq(nomination.juryId, getFestival(db).id), eq(nomination.round, round))).orderBy(asc(nomination.position)).all()
    .filter((n) => db.select({ id: candidate.id }).from(candidate).where(eq(candidate.nominationId, n.id)).get());
  // A ballot the chair reopened is not missing: it counts as last submitted until resubmitted.
  const done = new Set(countedBallots(db).map((b) => `${b.jurorId}:${b.nominationId}`));
  const out: { jurorId: number; juror: string; nomination: string }[] = [];
  for (const j of jurors) for (const n of noms) if (!done.has(`${j.id}:${n.id}`)) out.push({ jurorId: j.id, juror: j.displayName, nomination: n.code });
  return out;
}
