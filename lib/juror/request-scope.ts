// Which account requests and proposals a person sees and decides (issue 23). A request is filed in the
// jury the organiser works in (its jury_id); the chair of that jury decides it, and only that chair sees
// it: the chair of another jury learns nothing of it, not even that it exists, even when the same person
// sits on both. Organisers run every jury of the edition, so they see all of its requests, and decide
// (where the two-person rule gives it to them) in the jury the request was filed in. A request filed
// before requests kept their jury (null) belongs to whichever jury its target sits on, as it did then.
import { and, eq, inArray, isNull, or, sql, type SQL } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { DB } from '@/db';
import { juryMember, type Role } from '@/db/schema';
import { servedJury, servedJuryId } from '@/lib/festival/members';
import { Refusal } from '@/lib/server/refusal';

type Reader = Pick<DB, 'select'>;

/** 'jury': the served jury's requests only (the chair's desk, the protocol); 'edition': every jury's of the served edition (the organisers'). */
export type RequestScope = 'jury' | 'edition';

/** The juries of the served jury's edition. */
function editionJuries(): SQL {
  return sql`(select "jury"."id" from "jury" where "jury"."edition_id" = (select "jury"."edition_id" from "jury" where "jury"."id" = ${servedJuryId}))`;
}

/**
 * The condition on a request's (or proposal's) row for it to be in view: `juryCol` its jury, `targetCol`
 * its target account (null for a new organiser).
 */
export function inScope(q: Reader, scope: RequestScope, juryCol: AnySQLiteColumn, targetCol: AnySQLiteColumn): SQL {
  const served = servedJury(q);
  const legacy = and(isNull(juryCol), or(isNull(targetCol), inArray(targetCol, q.select({ id: juryMember.userId }).from(juryMember).where(eq(juryMember.juryId, served)))));
  if (scope === 'jury') return or(eq(juryCol, served), legacy)!;
  return or(inArray(juryCol, editionJuries()), isNull(juryCol))!;
}

/**
 * Refuses deciding a request (or proposal) filed in another jury than the served one: for a chair as a
 * missing one, since for them it is; an organiser, who sees it, is told to open the jury it was filed in.
 */
export function requireFiledHere(q: Reader, filed: { juryId: number | null }, decider: { role: Role | null }): void {
  if (filed.juryId === null || filed.juryId === servedJury(q)) return;
  throw new Refusal(decider.role === 'organiser' ? 'account:other_jury' : 'account:not_found');
}
