// The edition's part of its results' addresses (/results/<edition>/<jury>): the year it starts, or
// "edition-<id>" where the year is unknown or already an earlier edition's (the rule migration 0009 applied
// to the editions that existed before). Given once, when the edition is made, and never changed: an address
// people keep must not move.
import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { edition } from '@/db/schema';
import type { Tx } from '@/lib/server/action';

/** Gives the new edition its slug, inside the transaction that made it. */
export function assignEditionSlug(tx: DB | Tx, editionId: number): string {
  const row = tx.select({ startsOn: edition.startsOn }).from(edition).where(eq(edition.id, editionId)).get();
  const year = row?.startsOn && /^\d{4}-/.test(row.startsOn) ? row.startsOn.slice(0, 4) : null;
  const taken = year !== null && !!tx.select({ id: edition.id }).from(edition).where(eq(edition.slug, year)).get();
  const slug = year !== null && !taken ? year : `edition-${editionId}`;
  tx.update(edition).set({ slug }).where(eq(edition.id, editionId)).run();
  return slug;
}
