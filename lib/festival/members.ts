// Who sits on the served jury, and in what role (issue 23, db/schema.ts jury_member): every query of a
// jury's electorate (quorum, tally, progress, rounds, runoffs, slips, import...) joins the user table
// through these, so a juror of another jury or of an older edition is never counted, listed or let in.
import { and, eq, sql, type SQL } from 'drizzle-orm';
import type { DB } from '@/db';
import { jury, juryMember, user, type MemberRole, type Role } from '@/db/schema';
import { Refusal } from '@/lib/server/refusal';

type Reader = Pick<DB, 'select'>;
type Writer = Pick<DB, 'select' | 'insert' | 'update'>;

/**
 * The served jury's id as an SQL subquery, in the order of findFestival (lib/festival/phase.ts): the first
 * jury of the newest edition. One statement then reads an account with its role in that jury (the session,
 * the live streams' re-checks), with no second read that another writer could slip between.
 */
export const servedJuryId: SQL<number> = sql<number>`(select ${jury.id} from ${jury} order by ${jury.editionId} desc, ${jury.id} asc limit 1)`;

/** The join condition from `user` to its membership of the served jury. */
export const memberOfServedJury = and(eq(juryMember.userId, user.id), eq(juryMember.juryId, servedJuryId));

/**
 * An account's role where it is read: 'organiser' for an organiser (they run every jury), the membership's
 * role for a member of the served jury, null for an account that does not sit on it.
 */
export const servedRole: SQL<Role | null> = sql<Role | null>`(case when ${user.role} = 'organiser' then 'organiser' else (select ${juryMember.role} from ${juryMember} where ${juryMember.userId} = ${user.id} and ${juryMember.juryId} = ${servedJuryId}) end)`;

/** The account's role in the served jury (see servedRole), or null. */
export function roleInServedJury(q: Reader, userId: number): Role | null {
  return q.select({ role: servedRole }).from(user).where(eq(user.id, userId)).get()?.role ?? null;
}

/** The served jury's id, read inside the caller's transaction. */
export function servedJury(q: Reader): number {
  const row = q.select({ id: jury.id }).from(jury).where(eq(jury.id, servedJuryId)).get();
  if (!row) throw new Refusal('festival:missing');
  return row.id;
}

/**
 * Seats an account on a jury in a role (or changes its role there). Made chair, it takes the chair from
 * whoever held it in that jury only (one chair per jury, a partial unique index); returns the ids of the
 * accounts whose membership changed, for the entry's `accounts` (lib/auth/account-state.ts).
 */
export function seat(tx: Writer, juryId: number, userId: number, role: MemberRole): number[] {
  const changed: number[] = [];
  const current = tx.select({ role: juryMember.role }).from(juryMember).where(and(eq(juryMember.juryId, juryId), eq(juryMember.userId, userId))).get();
  if (current?.role === role) return changed;
  if (role === 'chair') {
    const demoted = tx.update(juryMember).set({ role: 'juror' })
      .where(and(eq(juryMember.juryId, juryId), eq(juryMember.role, 'chair'))).returning({ userId: juryMember.userId }).all();
    changed.push(...demoted.map((d) => d.userId));
  }
  if (current) tx.update(juryMember).set({ role }).where(and(eq(juryMember.juryId, juryId), eq(juryMember.userId, userId))).run();
  else tx.insert(juryMember).values({ juryId, userId, role }).run();
  changed.push(userId);
  return changed;
}
