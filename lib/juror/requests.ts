// Two people for account changes during voting. From the opening of voting until finalisation an
// organiser cannot reset a juror's password, deactivate or reactivate a juror, or change the chair
// alone: they file a request with a reason, and it takes effect only when the chair approves it
// (the change is applied in the approval's own transaction, with its audit entry). A request that
// concerns the chair (the chair's own account, or a change of chair, which demotes them) is decided
// by a second organiser instead: never the requester, never the chair. The requester may cancel a
// pending request; the decider may refuse it with a reason.
//
// Passwords: nothing is stored but argon2id hashes. Approving a reset voids the old password at once
// (no hash, sessions ended, sign-in links void); the requesting organiser then has the temporary
// password generated and shown to them once (issuePasswordSpec), and only its hash is kept. The
// audit log and the protocol never hold a password.
import { and, asc, eq, gt } from 'drizzle-orm';
import { z } from 'zod';
import { accountRequest, ACCOUNT_REQUEST_KINDS, type AccountRequestKind, user as userTable } from '@/db/schema';
import { Refusal, type ActionSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { accountState } from '@/lib/auth/account-state';
import { markChangesSeen, unseenChanges } from '@/lib/account/history';
import { JUROR_ROLES } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/users';
import { getFestival } from '@/lib/festival/phase';
import { id } from '@/lib/server/form';
import { reason } from './fields';
import { prepareTemporaryPassword, type TemporaryPassword } from './password';
import { needsApproval } from './approval-phases';
import { applyActive, applyMakeChair, applyPassword, findJuror } from './specs';
import { chairsOfAnyJury, servedJury, shownRole } from '@/lib/festival/members';
import { inScope, requireFiledHere, type RequestScope } from './request-scope';

const nowIso = () => new Date().toISOString();

type Target = ReturnType<typeof findJuror>;

/** Refuses a change that makes no sense for the account as it is now (checked at request and at approval). */
function checkApplicable(kind: AccountRequestKind, target: Target) {
  switch (kind) {
    case 'reset_password':
      if (!target.active) throw new Refusal('juror:inactive');
      return;
    case 'deactivate':
      if (target.role === 'chair') throw new Refusal('juror:chair');
      if (!target.active) throw new Refusal('account:no_change');
      return;
    case 'reactivate':
      if (target.active) throw new Refusal('account:no_change');
      return;
    case 'make_chair':
      if (!target.active) throw new Refusal('juror:inactive');
      if (target.role === 'chair') throw new Refusal('account:no_change');
  }
}

/**
 * The login and names a request was filed about, kept with it: an approval of a request whose target
 * was renamed since is refused (the approver would approve something other than what was asked).
 */
export function labelOf(target: Target) {
  return { targetLogin: target.login, targetName: target.displayName, targetLatinName: target.latinName };
}

export function requireSameLabel(filed: { targetLogin: string | null; targetName: string | null; targetLatinName: string | null }, target: Target) {
  // Requests filed before labels were kept (null) have nothing to compare.
  if (filed.targetLogin === null) return;
  const now = labelOf(target);
  if (now.targetLogin !== filed.targetLogin || now.targetName !== filed.targetName || now.targetLatinName !== filed.targetLatinName) {
    throw new Refusal('account:relabelled');
  }
}

/** A change of chair demotes the chair; a change to the account of a chair (of any jury: chairsOfAnyJury) is about them. */
export const concernsChair = (kind: AccountRequestKind, targetId: number, chairs: ReadonlySet<number>) => kind === 'make_chair' || chairs.has(targetId);

export function requireRequestPhase(tx: Tx) {
  const f = getFestival(tx);
  // In setup the organisers change accounts directly; after finalisation nothing changes.
  if (!needsApproval(f.phase)) throw new Refusal(f.phase === 'setup' ? 'account:direct' : 'phase:finalised', { phase: f.phase });
}

function findRequest(tx: Tx, requestId: number) {
  const row = tx.select().from(accountRequest).where(eq(accountRequest.id, requestId)).get();
  if (!row) throw new Refusal('account:not_found');
  return row;
}

/**
 * Who may decide (approve or refuse) a pending request: the chair, unless it concerns the chair;
 * then an organiser other than the one who asked.
 */
function requireDecider(tx: Tx, decider: SessionUser, req: { kind: AccountRequestKind; targetId: number; requestedBy: number; juryId: number | null }) {
  requireFiledHere(tx, req, decider);
  const target = findJuror(tx, req.targetId);
  requireDeciderFor(decider, concernsChair(req.kind, target.id, chairsOfAnyJury(tx)), req.requestedBy);
  return target;
}

/** The chair decides, unless the request concerns the chair: then an organiser other than the requester. */
export function requireDeciderFor(decider: SessionUser, aboutChair: boolean, requestedBy: number) {
  if (decider.role === 'chair') {
    if (aboutChair) throw new Refusal('account:needs_second_organiser');
  } else if (decider.role === 'organiser') {
    if (!aboutChair) throw new Refusal('account:needs_chair');
    if (decider.id === requestedBy) throw new Refusal('account:own_request');
  } else {
    throw new Refusal('forbidden:role');
  }
}

const RequestInput = z.object({ targetId: id, kind: z.enum(ACCOUNT_REQUEST_KINDS), reason });

export const requestAccountChangeSpec = {
  name: 'account.request',
  roles: ['organiser'],
  schema: RequestInput,
  revalidate: ['/admin/jurors', '/chair'],
  handler: ({ user, input, tx }) => {
    requireRequestPhase(tx);
    const target = findJuror(tx, input.targetId);
    checkApplicable(input.kind, target);
    const pending = tx.select({ id: accountRequest.id }).from(accountRequest)
      .where(and(eq(accountRequest.targetId, target.id), eq(accountRequest.kind, input.kind), eq(accountRequest.state, 'pending'))).get();
    if (pending) throw new Refusal('account:pending_exists');
    const juryId = servedJury(tx);
    const { id: requestId } = tx.insert(accountRequest)
      .values({ kind: input.kind, targetId: target.id, requestedBy: user.id, reason: input.reason, createdAt: nowIso(), juryId, ...labelOf(target) })
      .returning({ id: accountRequest.id }).get();
    appendAudit(tx, { actorId: user.id, action: 'account.request', payload: { request: requestId, kind: input.kind, target: target.id, jury: juryId, reason: input.reason } });
    return { id: requestId, decider: concernsChair(input.kind, target.id, chairsOfAnyJury(tx)) ? ('organiser' as const) : ('chair' as const) };
  },
} satisfies ActionSpec<typeof RequestInput, { id: number; decider: 'chair' | 'organiser' }>;

const IdInput = z.object({ id });

export const approveAccountRequestSpec = {
  name: 'account.approve',
  roles: ['chair', 'organiser'],
  schema: IdInput,
  revalidate: ['/admin/jurors', '/chair', '/jury'],
  handler: ({ user, input, tx }) => {
    const req = findRequest(tx, input.id);
    if (req.state !== 'pending') throw new Refusal('account:decided');
    requireRequestPhase(tx);
    const target = requireDecider(tx, user, req);
    requireSameLabel(req, target);
    checkApplicable(req.kind, target);
    const at = nowIso();
    tx.update(accountRequest).set({ state: 'approved', decidedBy: user.id, decidedAt: at }).where(eq(accountRequest.id, req.id)).run();
    const applied: Record<string, unknown> = {};
    let changed = [target.id];
    switch (req.kind) {
      case 'reset_password': applyPassword(tx, target.id, null, { kind: 'reset', by: user.id, how: 'approval' }); break;
      case 'deactivate': applyActive(tx, target.id, false); break;
      case 'reactivate': applyActive(tx, target.id, true); break;
      case 'make_chair': {
        const demoted = applyMakeChair(tx, target.id);
        applied.demoted = demoted;
        changed = [...demoted, target.id];
        break;
      }
    }
    appendAudit(tx, { actorId: user.id, action: 'account.approve', payload: { request: req.id, kind: req.kind, target: target.id, ...applied, accounts: changed.map((a) => accountState(tx, a)) } });
    return null;
  },
} satisfies ActionSpec<typeof IdInput, null>;

const RefuseInput = z.object({ id, reason });

export const refuseAccountRequestSpec = {
  name: 'account.refuse',
  roles: ['chair', 'organiser'],
  schema: RefuseInput,
  revalidate: ['/admin/jurors', '/chair'],
  handler: ({ user, input, tx }) => {
    const req = findRequest(tx, input.id);
    if (req.state !== 'pending') throw new Refusal('account:decided');
    requireDecider(tx, user, req);
    tx.update(accountRequest).set({ state: 'refused', decidedBy: user.id, decidedAt: nowIso(), decisionReason: input.reason }).where(eq(accountRequest.id, req.id)).run();
    appendAudit(tx, { actorId: user.id, action: 'account.refuse', payload: { request: req.id, kind: req.kind, target: req.targetId, reason: input.reason } });
    return null;
  },
} satisfies ActionSpec<typeof RefuseInput, null>;

export const cancelAccountRequestSpec = {
  name: 'account.cancel',
  roles: ['organiser'],
  schema: IdInput,
  revalidate: ['/admin/jurors', '/chair'],
  handler: ({ user, input, tx }) => {
    const req = findRequest(tx, input.id);
    if (req.requestedBy !== user.id) throw new Refusal('account:not_yours');
    if (req.state !== 'pending') throw new Refusal('account:decided');
    tx.update(accountRequest).set({ state: 'cancelled', decidedBy: user.id, decidedAt: nowIso() }).where(eq(accountRequest.id, req.id)).run();
    appendAudit(tx, { actorId: user.id, action: 'account.cancel', payload: { request: req.id, kind: req.kind, target: req.targetId } });
    return null;
  },
} satisfies ActionSpec<typeof IdInput, null>;

export const IssueInput = z.object({ id });

/**
 * What every issue of a temporary password after an approval checks (a reset here, a new organiser
 * in lib/juror/proposals.ts): an approved change of that kind, asked for by this organiser, whose
 * password was not issued yet. Shown once, to the one who asked, never again.
 */
export function requireIssuable(filed: { kind: string; state: string; requestedBy: number; passwordIssuedAt: string | null }, kind: string, user: SessionUser) {
  if (filed.kind !== kind || filed.state !== 'approved') throw new Refusal('account:not_approved');
  if (filed.requestedBy !== user.id) throw new Refusal('account:not_yours');
  if (filed.passwordIssuedAt) throw new Refusal('account:password_issued');
}

/**
 * The approved reset's temporary password, to the organiser who asked for it, once: generated and
 * hashed before the transaction (prepareTemporaryPassword), and only its hash is stored.
 */
export const issuePasswordSpec = {
  name: 'account.issuePassword',
  roles: ['organiser'],
  schema: IssueInput,
  revalidate: ['/admin/jurors'],
  prepare: prepareTemporaryPassword,
  handler: ({ user, input, tx, prepared }) => {
    const req = findRequest(tx, input.id);
    requireIssuable(req, 'reset_password', user);
    // A later approved reset of the same account replaces this one.
    const later = tx.select({ id: accountRequest.id }).from(accountRequest)
      .where(and(eq(accountRequest.targetId, req.targetId), eq(accountRequest.kind, 'reset_password'), eq(accountRequest.state, 'approved'), gt(accountRequest.id, req.id))).get();
    if (later) throw new Refusal('account:superseded');
    const target = findJuror(tx, req.targetId);
    if (!target.active) throw new Refusal('juror:inactive');
    applyPassword(tx, target.id, prepared.passwordHash, { kind: 'temporary', by: user.id, how: 'organiser' });
    tx.update(accountRequest).set({ passwordIssuedAt: nowIso() }).where(eq(accountRequest.id, req.id)).run();
    appendAudit(tx, { actorId: user.id, action: 'account.issue_password', payload: { request: req.id, target: target.id, accounts: [accountState(tx, target.id)] } });
    return { login: target.login, password: prepared.password };
  },
} satisfies ActionSpec<typeof IssueInput, { login: string; password: string }, TemporaryPassword>;

/** The juror (or the chair) has read the notice of the changes to their account. */
export const acknowledgeAccountNoticeSpec = {
  name: 'account.acknowledge',
  roles: JUROR_ROLES,
  schema: z.object({}),
  revalidate: ['/jury', '/chair'],
  handler: ({ user, tx }) => {
    const unseen = unseenChanges(tx, user.id);
    if (unseen.length === 0) throw new Refusal('account:nothing_to_acknowledge');
    markChangesSeen(tx, unseen);
    appendAudit(tx, { actorId: user.id, action: 'account.acknowledge', payload: { requests: unseen.map((r) => r.id) } });
    return null;
  },
} satisfies ActionSpec<z.ZodObject<Record<string, never>>, null>;

/**
 * Every request in view with the names of those involved: for the organisers' list (the edition's) and
 * the chair's and the protocol (the served jury's, lib/juror/request-scope.ts). Never a password.
 */
export function listAccountRequests(db: Pick<Tx, 'select'>, scope: RequestScope = 'jury') {
  const names = new Map(db.select({ id: userTable.id, displayName: userTable.displayName, login: userTable.login, latinName: userTable.latinName, role: shownRole }).from(userTable).all().map((u) => [u.id, u]));
  const chairs = chairsOfAnyJury(db);
  return db.select().from(accountRequest).where(inScope(db, scope, accountRequest.juryId, accountRequest.targetId)).orderBy(asc(accountRequest.id)).all().map((r) => ({
    ...r,
    target: names.get(r.targetId)!,
    requester: names.get(r.requestedBy)!,
    decider: r.decidedBy ? names.get(r.decidedBy) ?? null : null,
    aboutChair: concernsChair(r.kind, r.targetId, chairs),
  }));
}
export type AccountRequestRow = ReturnType<typeof listAccountRequests>[number];
