// Account changes that carry new values, under the two-person rule of lib/juror/requests.ts: a
// rename of a juror during voting, and a new organiser added during voting. A name is what an
// approver reads, so a rename needs a second person like a reset does (issue 20, route 2: rename a
// juror to another's name, have a reset approved, rename back). A new organiser gains an
// organiser's powers, so the chair approves it; it is also how a festival with one organiser gets
// the second one that decides requests about the chair.
//
// A rename is decided by the chair, or by a second organiser when it renames the chair; a new
// organiser by the chair. The proposal keeps the target's login and names as they were when it was
// filed, and its approval is refused if they changed since.
import { and, asc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { accountProposal, user as userTable } from '@/db/schema';
import { Refusal, type ActionSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { accountState } from '@/lib/auth/account-state';
import { id, text } from '@/lib/server/form';
import { applyPassword, findJuror } from './specs';
import { IssueInput, labelOf, requireDeciderFor, requireIssuable, requireRequestPhase, requireSameLabel } from './requests';
import { login, reason } from './fields';
import { prepareTemporaryPassword, type TemporaryPassword } from './password';
import { chairsOfAnyJury, servedJury, shownRole } from '@/lib/festival/members';
import { inScope, requireFiledHere, type RequestScope } from './request-scope';

const optionalText = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), z.string().trim().max(200).nullable().default(null));
const nowIso = () => new Date().toISOString();

function findProposal(tx: Tx, proposalId: number) {
  const row = tx.select().from(accountProposal).where(eq(accountProposal.id, proposalId)).get();
  if (!row) throw new Refusal('account:not_found');
  return row;
}

type Proposal = ReturnType<typeof findProposal>;

/** Whether the proposal concerns the chair (a rename of the chair): then a second organiser decides. */
function aboutChair(tx: Tx, p: Proposal): boolean {
  if (p.kind !== 'rename' || p.targetId === null) return false;
  findJuror(tx, p.targetId);
  return chairsOfAnyJury(tx).has(p.targetId);
}

const RenameInput = z.object({ targetId: id, displayName: text(200), latinName: optionalText, reason });

export const proposeRenameSpec = {
  name: 'account.proposeRename',
  roles: ['organiser'],
  schema: RenameInput,
  revalidate: ['/admin/jurors', '/chair'],
  handler: ({ user, input, tx }) => {
    requireRequestPhase(tx);
    const target = findJuror(tx, input.targetId);
    if (target.displayName === input.displayName && target.latinName === input.latinName) throw new Refusal('account:no_change');
    const pending = tx.select({ id: accountProposal.id }).from(accountProposal)
      .where(and(eq(accountProposal.targetId, target.id), eq(accountProposal.kind, 'rename'), eq(accountProposal.state, 'pending'))).get();
    if (pending) throw new Refusal('account:pending_exists');
    const { id: proposalId } = tx.insert(accountProposal).values({
      kind: 'rename', targetId: target.id, requestedBy: user.id, reason: input.reason, createdAt: nowIso(), juryId: servedJury(tx),
      displayName: input.displayName, latinName: input.latinName, ...labelOf(target),
    }).returning({ id: accountProposal.id }).get();
    appendAudit(tx, {
      actorId: user.id,
      action: 'account.propose',
      payload: { proposal: proposalId, kind: 'rename', target: target.id, jury: servedJury(tx), login: target.login, from: { displayName: target.displayName, latinName: target.latinName }, to: { displayName: input.displayName, latinName: input.latinName }, reason: input.reason },
    });
    return { id: proposalId, decider: target.role === 'chair' ? ('organiser' as const) : ('chair' as const) };
  },
} satisfies ActionSpec<typeof RenameInput, { id: number; decider: 'chair' | 'organiser' }>;

const OrganiserInput = z.object({ login, displayName: text(200), reason });

export const proposeOrganiserSpec = {
  name: 'account.proposeOrganiser',
  roles: ['organiser'],
  schema: OrganiserInput,
  revalidate: ['/admin/jurors', '/chair'],
  handler: ({ user, input, tx }) => {
    requireRequestPhase(tx);
    if (tx.select({ id: userTable.id }).from(userTable).where(eq(userTable.login, input.login)).get()) throw new Refusal('juror:login_taken');
    const pending = tx.select({ id: accountProposal.id }).from(accountProposal)
      .where(and(eq(accountProposal.kind, 'add_organiser'), eq(accountProposal.login, input.login), eq(accountProposal.state, 'pending'))).get();
    if (pending) throw new Refusal('account:pending_exists');
    const { id: proposalId } = tx.insert(accountProposal).values({
      kind: 'add_organiser', requestedBy: user.id, reason: input.reason, createdAt: nowIso(), juryId: servedJury(tx), login: input.login, displayName: input.displayName,
    }).returning({ id: accountProposal.id }).get();
    appendAudit(tx, { actorId: user.id, action: 'account.propose', payload: { proposal: proposalId, kind: 'add_organiser', jury: servedJury(tx), login: input.login, to: { displayName: input.displayName }, reason: input.reason } });
    return { id: proposalId, decider: 'chair' as const };
  },
} satisfies ActionSpec<typeof OrganiserInput, { id: number; decider: 'chair' }>;

const IdInput = z.object({ id });

export const approveProposalSpec = {
  name: 'account.approveProposal',
  roles: ['chair', 'organiser'],
  schema: IdInput,
  revalidate: ['/admin/jurors', '/chair', '/jury'],
  handler: ({ user, input, tx }) => {
    const p = findProposal(tx, input.id);
    if (p.state !== 'pending') throw new Refusal('account:decided');
    requireRequestPhase(tx);
    requireFiledHere(tx, p, user);
    requireDeciderFor(user, aboutChair(tx, p), p.requestedBy);
    let targetId: number;
    let from: Record<string, unknown> | undefined;
    if (p.kind === 'rename') {
      const target = findJuror(tx, p.targetId!);
      requireSameLabel(p, target);
      from = { displayName: target.displayName, latinName: target.latinName };
      tx.update(userTable).set({ displayName: p.displayName, latinName: p.latinName, placeholder: false }).where(eq(userTable.id, target.id)).run();
      targetId = target.id;
    } else {
      if (tx.select({ id: userTable.id }).from(userTable).where(eq(userTable.login, p.login!)).get()) throw new Refusal('juror:login_taken');
      // No password yet: the requester has a temporary one generated, shown once, to be changed at the first sign-in.
      targetId = tx.insert(userTable).values({ login: p.login!, displayName: p.displayName, role: 'organiser', mustChangePassword: true })
        .returning({ id: userTable.id }).get().id;
    }
    tx.update(accountProposal).set({ state: 'approved', decidedBy: user.id, decidedAt: nowIso(), targetId }).where(eq(accountProposal.id, p.id)).run();
    appendAudit(tx, {
      actorId: user.id,
      action: 'account.approve_proposal',
      payload: { proposal: p.id, kind: p.kind, target: targetId, ...(from ? { from } : {}), accounts: [accountState(tx, targetId)] },
    });
    return null;
  },
} satisfies ActionSpec<typeof IdInput, null>;

const RefuseInput = z.object({ id, reason });

export const refuseProposalSpec = {
  name: 'account.refuseProposal',
  roles: ['chair', 'organiser'],
  schema: RefuseInput,
  revalidate: ['/admin/jurors', '/chair'],
  handler: ({ user, input, tx }) => {
    const p = findProposal(tx, input.id);
    if (p.state !== 'pending') throw new Refusal('account:decided');
    requireFiledHere(tx, p, user);
    requireDeciderFor(user, aboutChair(tx, p), p.requestedBy);
    tx.update(accountProposal).set({ state: 'refused', decidedBy: user.id, decidedAt: nowIso(), decisionReason: input.reason }).where(eq(accountProposal.id, p.id)).run();
    appendAudit(tx, { actorId: user.id, action: 'account.refuse_proposal', payload: { proposal: p.id, kind: p.kind, target: p.targetId, reason: input.reason } });
    return null;
  },
} satisfies ActionSpec<typeof RefuseInput, null>;

export const cancelProposalSpec = {
  name: 'account.cancelProposal',
  roles: ['organiser'],
  schema: IdInput,
  revalidate: ['/admin/jurors', '/chair'],
  handler: ({ user, input, tx }) => {
    const p = findProposal(tx, input.id);
    if (p.requestedBy !== user.id) throw new Refusal('account:not_yours');
    if (p.state !== 'pending') throw new Refusal('account:decided');
    tx.update(accountProposal).set({ state: 'cancelled', decidedBy: user.id, decidedAt: nowIso() }).where(eq(accountProposal.id, p.id)).run();
    appendAudit(tx, { actorId: user.id, action: 'account.cancel_proposal', payload: { proposal: p.id, kind: p.kind, target: p.targetId } });
    return null;
  },
} satisfies ActionSpec<typeof IdInput, null>;

/** An approved new organiser's temporary password, to the organiser who proposed them, once. */
export const issueOrganiserPasswordSpec = {
  name: 'account.issueOrganiserPassword',
  roles: ['organiser'],
  schema: IssueInput,
  revalidate: ['/admin/jurors'],
  prepare: prepareTemporaryPassword,
  handler: ({ user, input, tx, prepared }) => {
    const p = findProposal(tx, input.id);
    requireIssuable(p, 'add_organiser', user);
    if (p.targetId === null) throw new Refusal('account:not_approved'); // an approved new organiser always has one
    applyPassword(tx, p.targetId, prepared.passwordHash, { kind: 'temporary', by: user.id, how: 'organiser' });
    tx.update(accountProposal).set({ passwordIssuedAt: nowIso() }).where(eq(accountProposal.id, p.id)).run();
    appendAudit(tx, { actorId: user.id, action: 'account.issue_password', payload: { proposal: p.id, target: p.targetId, accounts: [accountState(tx, p.targetId)] } });
    return { login: p.login!, password: prepared.password };
  },
} satisfies ActionSpec<typeof IssueInput, { login: string; password: string }, TemporaryPassword>;

/** Every proposal in view (as listAccountRequests) with the names of those involved: for the organisers' and the chair's lists. */
export function listAccountProposals(db: Pick<Tx, 'select'>, scope: RequestScope = 'jury') {
  const people = new Map(db.select({ id: userTable.id, displayName: userTable.displayName, login: userTable.login, latinName: userTable.latinName, role: shownRole }).from(userTable).all().map((u) => [u.id, u]));
  const chairs = chairsOfAnyJury(db);
  return db.select().from(accountProposal).where(inScope(db, scope, accountProposal.juryId, accountProposal.targetId)).orderBy(asc(accountProposal.id)).all().map((p) => ({
    ...p,
    target: p.targetId === null ? null : people.get(p.targetId) ?? null,
    requester: people.get(p.requestedBy)!,
    decider: p.decidedBy ? people.get(p.decidedBy) ?? null : null,
    aboutChair: p.kind === 'rename' && p.targetId !== null && chairs.has(p.targetId),
  }));
}
export type AccountProposalRow = ReturnType<typeof listAccountProposals>[number];
