// The upgrade in place to per-jury membership (db/migrations/0008_members.sql): the migration seats every
// juror's and chair's account on the database's one jury in the role it had, and makes the chair's account
// a juror's (who chairs lives in jury_member only). This states it in the audit log right after, with every
// account's state read after the change (memberships included, lib/auth/account-state.ts), so the chain
// goes on and audit:verify's account replay holds the memberships from here on.
import type { DB } from '@/db';
import { appendAudit } from '@/lib/audit';
import { allAccountStates } from './account-state';

export const MEMBERS_UPGRADE_ACTION = 'jury.members_upgrade';

export function stateMembersUpgrade(db: DB): void {
  db.transaction((tx) => {
    const accounts = allAccountStates(tx);
    // A database never set up has no accounts, and nothing to state.
    if (accounts.length === 0) return;
    appendAudit(tx, { actorId: null, action: MEMBERS_UPGRADE_ACTION, payload: { accounts } });
  }, { behavior: 'immediate' });
}
