// A second organiser, in setup: added directly, with a temporary password shown once to the
// organiser who adds them, to be changed at the first sign-in. Two organisers are what a request
// about the chair needs (another organiser decides it). From voting on a new organiser gains
// powers while ballots are cast: it is a proposal the chair approves (lib/juror/proposals.ts).
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { user as userTable } from '@/db/schema';
import { Refusal, type ActionSpec } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { accountState } from '@/lib/auth/account-state';
import { getFestival } from '@/lib/festival/phase';
import { needsApproval } from './approval-phases';
import { text } from '@/lib/server/form';
import { login } from './fields';
import { prepareTemporaryPassword, type TemporaryPassword } from './password';
import type { DB } from '@/db';
import { recordCredential } from '@/lib/account/history';

const AddInput = z.object({ displayName: text(200), login });

export const addOrganiserSpec = {
  name: 'admin.addOrganiser',
  roles: ['organiser'],
  schema: AddInput,
  revalidate: ['/admin/jurors'],
  prepare: prepareTemporaryPassword,
  handler: ({ user, input, tx, prepared }) => {
    const { phase } = getFestival(tx);
    if (needsApproval(phase)) throw new Refusal('account:needs_approval');
    if (phase !== 'setup') throw new Refusal('phase:finalised', { phase });
    if (tx.select({ id: userTable.id }).from(userTable).where(eq(userTable.login, input.login)).get()) throw new Refusal('juror:login_taken');
    const { id } = tx.insert(userTable).values({ login: input.login, displayName: input.displayName, role: 'organiser', passwordHash: prepared.passwordHash, mustChangePassword: true })
      .returning({ id: userTable.id }).get();
    // Who set an organiser's first credential is kept as for a juror's (lib/account/history.ts).
    recordCredential(tx, id, 'temporary', { id: user.id, how: 'organiser' });
    appendAudit(tx, { actorId: user.id, action: 'organiser.add', payload: { id, login: input.login, displayName: input.displayName, accounts: [accountState(tx, id)] } });
    return { id, login: input.login, password: prepared.password };
  },
} satisfies ActionSpec<typeof AddInput, { id: number; login: string; password: string }, TemporaryPassword>;

/** The organisers, for the organisers' page. */
export function listOrganisers(db: Pick<DB, 'select'>) {
  return db.select({ id: userTable.id, login: userTable.login, displayName: userTable.displayName, active: userTable.active })
    .from(userTable).where(eq(userTable.role, 'organiser')).all();
}
