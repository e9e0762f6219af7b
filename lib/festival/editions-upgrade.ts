// The upgrade in place to editions and juries (db/migrations/0007_editions.sql): a database made before
// them held one festival; the migration makes it edition 1 with its one jury, "main". This states that
// in the audit log, right after the migration, so the chain goes on through the upgrade and says what
// became of the festival (audit:verify checks the entry like any other).
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { edition, jury } from '@/db/schema';
import { appendAudit } from '@/lib/audit';

export const EDITIONS_UPGRADE_ACTION = 'edition.upgrade';

export function stateEditionsUpgrade(db: DB): void {
  db.transaction((tx) => {
    const juries = tx.select({ id: jury.id, editionId: jury.editionId, slug: jury.slug, phase: jury.phase, edition: edition.name })
      .from(jury).innerJoin(edition, eq(edition.id, jury.editionId)).orderBy(asc(jury.id)).all();
    // A database never set up has no festival to carry over, and nothing to state.
    if (juries.length === 0) return;
    appendAudit(tx, { actorId: null, action: EDITIONS_UPGRADE_ACTION, payload: { from: 'festival', juries } });
  }, { behavior: 'immediate' });
}
