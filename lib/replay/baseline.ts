// The baseline of a database made before the audit log stated accounts and closes' counted ballots
// (issue 20, route 6): one keyed `audit.baseline` entry, written once, right after the migration that
// brings the rule (it adds user.baseline_entry; db/index.ts notices the column's arrival), records
// every account's state (lib/auth/account-state.ts) and every close's counted ballots as they stand.
// From there the chain continues and `npm run audit:verify` replays them like any later statement.
// Never written again: a database whose log was cut back to before its baseline stays unstated and
// fails verification rather than being re-based on whatever the file now says.
import { asc, count, desc, eq, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit, decision, user } from '@/db/schema';
import { appendAudit } from '@/lib/audit';
import { allAccountStates } from '@/lib/auth/account-state';
import { countedDigest } from '@/lib/round/counted-digest';

export const BASELINE_ACTION = 'audit.baseline';

export function writeStateBaseline(db: DB): void {
  db.transaction((tx) => {
    const users = tx.select({ n: count() }).from(user).get()!.n;
    const entries = tx.select({ n: count() }).from(audit).get()!.n;
    // A database that holds nothing yet: its first writers (setup, seed) state their accounts themselves.
    if (users === 0 && entries === 0) return;
    const closes = tx.select({ id: decision.id, round: decision.round, chosen: decision.chosen, counted: decision.counted, countedScores: decision.countedScores })
      .from(decision).where(eq(decision.kind, 'close_round')).orderBy(asc(decision.id)).all()
      .map(({ countedScores, ...d }) => ({ ...d, counted: countedDigest(d.counted, countedScores) }));
    appendAudit(tx, { actorId: null, action: BASELINE_ACTION, payload: { accounts: allAccountStates(tx), closes } });
    const entry = tx.select({ id: audit.id }).from(audit).orderBy(desc(audit.id)).limit(1).get()!.id;
    tx.update(user).set({ baselineEntry: entry }).where(isNull(user.baselineEntry)).run();
  }, { behavior: 'immediate' });
}
