// Reopening a round sets its runoffs aside, open or closed, as it sets aside its decisions: they
// were held on ties of data the reopening may change. Nothing is deleted; the tally input and the
// views leave rows with setAsideAt out.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { nomination, runoff } from '@/db/schema';
import type { Tx } from '@/lib/server/action';
import { getFestival } from '@/lib/festival/phase';

export function setAsideRunoffs(tx: Tx, round: 'main' | 'special'): number[] {
  // The served jury's round: another jury's runoffs stay as they are.
  const noms = tx.select({ id: nomination.id }).from(nomination).where(and(eq(nomination.juryId, getFestival(tx).id), eq(nomination.round, round))).all().map((n) => n.id);
  if (noms.length === 0) return [];
  const ids = tx.select({ id: runoff.id }).from(runoff).where(and(inArray(runoff.nominationId, noms), isNull(runoff.setAsideAt))).all().map((r) => r.id);
  if (ids.length) tx.update(runoff).set({ setAsideAt: new Date().toISOString() }).where(inArray(runoff.id, ids)).run();
  return ids;
}

export function runoffOpenOn(tx: Tx, nominationId: number): boolean {
  return !!tx.select({ id: runoff.id }).from(runoff).where(and(eq(runoff.nominationId, nominationId), isNull(runoff.closedAt), isNull(runoff.setAsideAt))).get();
}
