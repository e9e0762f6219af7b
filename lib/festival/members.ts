// Who sits on the served jury, and in what role (issue 23, db/schema.ts jury_member): every query of a
// jury's electorate (quorum, tally, progress, rounds, runoffs, slips, import...) joins the user table
// through these, so a juror of another jury or of an older edition is never counted, listed or let in.
import { and, eq, sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { DB } from '@/db';
import { jury, juryMember, user, type MemberRole, type Role } from '@/db/schema';
import { Refusal } from '@/lib/server/refusal';
import { requestJury } from '@/lib/server/request-jury';

type Reader = Pick<DB, 'select'>;
type Writer = Pick<DB, 'select' | 'insert' | 'update'>;

// The default jury, in the order of findFestival (lib/festival/phase.ts): the first jury of the newest
// edition. Written out with its table names: drizzle leaves a column unqualified in a one-table select,
// where "id" inside a subquery would be the subquery's own table's.
const defaultJuryId = sql<number>`(select "jury"."id" from "jury" order by "jury"."edition_id" desc, "jury"."id" asc limit 1)`;

/**
 * The served jury's id as SQL, as findFestival serves it: the jury the request chose
 * (lib/server/request-jury.ts), read when the statement is built, if it exists; else the default. One
 * statement then reads an account with its role in that jury (the session, the live streams' re-checks),
 * with no second read that another writer could slip between. (A prepared statement is built once per
 * chosen jury: lib/server/prepared.ts.)
 */
const chosenOrDefault: SQLWrapper = {
  getSQL: () => {
    const chosen = requestJury();
    return chosen === undefined ? defaultJuryId : sql`coalesce((select "jury"."id" from "jury" where "jury"."id" = ${chosen}), ${defaultJuryId})`;
  },
};
export const servedJuryId: SQL<number> = sql<number>`${chosenOrDefault}`;

/** The join condition from `user` to its membership of a jury (`innerJoin(juryMember, memberOf(id))`: the jury's members only). */
export function memberOf(juryId: number | SQL<number>) {
  return and(eq(juryMember.userId, user.id), eq(juryMember.juryId, juryId));
}

/** The join condition from `user` to its membership of the served jury. */
export const memberOfServedJury = memberOf(servedJuryId);

/**
 * An account's role where it is read: 'organiser' for an organiser (they run every jury), the membership's
 * role for a member of the served jury, null for an account that does not sit on it.
 */
export const servedRole: SQL<Role | null> = roleIn(servedJuryId);

/** An account's role in a given jury, as servedRole in the served one. */
export function roleIn(juryId: number | SQL<number> | AnyColumn): SQL<Role | null> {
  // A member removed from the jury (jury_member.active false) holds no right in it.
  return sql<Role | null>`(case when "user"."role" = 'organiser' then 'organiser' else (select "jury_member"."role" from "jury_member" where "jury_member"."user_id" = "user"."id" and "jury_member"."jury_id" = ${juryId} and "jury_member"."active") end)`;
}

/**
 * Whether a member is active in the jury joined through memberOf: the account active and not removed
 * from that jury (issue 23). What `user.active` was for the electorate before a person could leave
 * one jury and stay on another: the standing of their ballots (lib/juror/standing.ts) reads it.
 */
export const seatedActive = sql<boolean>`("user"."active" and "jury_member"."active")`.mapWith(Boolean);

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

/**
 * The role to show beside an account's name (lists, histories): its role in the served jury, else what
 * the account is ('juror' for a member of another jury only). Never a right: rights read servedRole.
 */
export const shownRole: SQL<Role> = sql<Role>`coalesce(${servedRole}, ${user.role})`;

/**
 * The accounts that chair a jury, any jury. An account is one person across juries, so a change to it (a
 * password reset, a rename, a deactivation) is a change to a chair wherever it is asked: the two-person rule
 * for a chair's account holds whichever jury the organiser or the deciding chair works in.
 */
export function chairsOfAnyJury(q: Reader): ReadonlySet<number> {
  return new Set(q.select({ id: juryMember.userId }).from(juryMember).where(eq(juryMember.role, 'chair')).all().map((r) => r.id));
}
