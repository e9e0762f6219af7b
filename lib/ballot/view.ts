// The juror's ballot layout: the cards (every detail on the page) or the compact list (one row per
// candidate). Stored on the juror's user row, so the choice follows them to another device: a
// juror who scores on a phone at the screening and finishes on a laptop finds the same layout.
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '@/db';
import { BALLOT_VIEWS, user, type BallotView } from '@/db/schema';
import { defineSpec } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { JUROR_ROLES } from '@/lib/auth/roles';

export { BALLOT_VIEWS, type BallotView };

/** The stored layout of a juror; anything unknown (a hand-edited database) reads as the cards. */
export function ballotViewOf(db: DB, userId: number): BallotView {
  const row = db.select({ v: user.ballotView }).from(user).where(eq(user.id, userId)).get();
  return BALLOT_VIEWS.includes(row?.v as BallotView) ? (row!.v as BallotView) : 'cards';
}

export const setBallotViewSpec = defineSpec({
  name: 'ballot.setView',
  roles: JUROR_ROLES,
  // Any phase: a layout changes no score, and a juror reads a submitted or closed ballot too.
  schema: z.object({ view: z.enum(BALLOT_VIEWS) }).strict(),
  handler: ({ user: me, input, tx }) => {
    tx.update(user).set({ ballotView: input.view }).where(eq(user.id, me.id)).run();
    appendAudit(tx, { actorId: me.id, action: 'ballot.set_view', payload: { view: input.view } });
    return { view: input.view };
  },
});
