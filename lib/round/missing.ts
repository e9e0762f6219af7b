// Which active jurors have not submitted which ballots of a round: what the chair sees before
// closing it (missing ballots are not counted).
import { and, asc, eq, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, candidate, nomination, user } from '@/db/schema';
import type { Tx } from '@/lib/action';

export function missingBallots(db: DB | Tx, round: 'main' | 'special') {
  const jurors = db.select({ id: user.id, displayName: user.displayName, role: user.role }).from(user).where(eq(user.active, true)).orderBy(asc(user.id)).all().filter((u) => u.role !== 'organiser');
  const noms = db.select({ id: nomination.id, code: nomination.code }).from(nomination).where(eq(nomination.round, round)).orderBy(asc(nomination.position)).all()
    .filter((n) => db.select({ id: candidate.id }).from(candidate).where(eq(candidate.nominationId, n.id)).get());
  const done = new Set(
    db.select({ j: ballot.jurorId, n: ballot.nominationId }).from(ballot).where(and(isNotNull(ballot.submittedAt))).all().map((b) => `${b.j}:${b.n}`),
  );
  const out: { jurorId: number; juror: string; nomination: string }[] = [];
  for (const j of jurors) for (const n of noms) if (!done.has(`${j.id}:${n.id}`)) out.push({ jurorId: j.id, juror: j.displayName, nomination: n.code });
  return out;
}
