// The nominations that end without an award, and why, for the results and the protocol: the
// chair's "no award" (with its reason), or a special round waived by the chair or skipped because
// every competition film had already won a main award.
import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { award, nomination } from '@/db/schema';
import { getFestival } from '@/lib/festival/phase';
import { decisionRows, decisionsInForce, waiverInForce } from '@/lib/count/decisions';

export type NotAwarded = { code: string; why: 'no_award' | 'waived' | 'skipped' | 'none'; reason: string };

export function notAwardedList(db: DB, juryId = getFestival(db).id): NotAwarded[] {
  // Awards and nominations of the served jury (or the given one) only: the nomination ids below are its own.
  const awarded = new Set(db.select({ n: award.nominationId }).from(award).all().map((a) => a.n));
  const rows = decisionRows(db, juryId);
  const inForce = decisionsInForce(rows);
  const skipped = rows.some((r) => r.kind === 'skip_special');
  const waiver = waiverInForce(rows);
  return db
    .select({ id: nomination.id, code: nomination.code, round: nomination.round })
    .from(nomination)
    .where(eq(nomination.juryId, juryId))
    .orderBy(asc(nomination.position))
    .all()
    .filter((n) => !awarded.has(n.id))
    .map((n): NotAwarded => {
      const noAward = inForce.findLast((d) => d.nominationId === n.id && d.kind === 'no_award');
      if (noAward) return { code: n.code, why: 'no_award', reason: noAward.reason };
      if (n.round === 'special' && skipped) return { code: n.code, why: 'skipped', reason: '' };
      if (n.round === 'special' && waiver) return { code: n.code, why: 'waived', reason: waiver.reason };
      return { code: n.code, why: 'none', reason: '' };
    });
}
