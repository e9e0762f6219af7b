// Everything waiting for a second person's approval, as the approver reads it: each request
// (lib/juror/requests.ts) and proposal (lib/juror/proposals.ts) with what cannot be relabelled
// beside the display name: the target's login, the login and names it was filed about, every name
// the account had and the account's history (lib/juror/account-history.ts).
import 'server-only';
import type { DB } from '@/db';
import type { AccountProposalKind, AccountRequestKind } from '@/db/schema';
import { accountHistory, type AccountHistory } from './account-history';
import { listAccountRequests } from './requests';
import { listAccountProposals } from './proposals';
import type { RequestScope } from './request-scope';

type Person = { id: number; displayName: string; latinName: string | null; role: string };
export type Approval = {
  source: 'request' | 'proposal';
  id: number;
  kind: AccountRequestKind | AccountProposalKind;
  requester: Person;
  reason: string;
  createdAt: string;
  aboutChair: boolean;
  /** The target's login and names when the request was filed (null: filed before they were kept). */
  filed: { login: string; displayName: string | null; latinName: string | null } | null;
  /** A rename's or a new organiser's new values. */
  proposed: { login: string | null; displayName: string; latinName: string | null } | null;
  /** The target account as it is now, with its names and history (null: a new organiser). */
  history: AccountHistory | null;
};

/** Pending requests and proposals in view (lib/juror/request-scope.ts), oldest first, each with its target's login and history. */
export function pendingApprovals(db: DB, scope: RequestScope = 'jury'): Approval[] {
  const requests = listAccountRequests(db, scope).filter((r) => r.state === 'pending').map((r): Approval => ({
    source: 'request', id: r.id, kind: r.kind, requester: r.requester, reason: r.reason, createdAt: r.createdAt, aboutChair: r.aboutChair,
    filed: r.targetLogin === null ? null : { login: r.targetLogin, displayName: r.targetName, latinName: r.targetLatinName },
    proposed: null,
    history: accountHistory(db, r.targetId),
  }));
  const proposals = listAccountProposals(db, scope).filter((p) => p.state === 'pending').map((p): Approval => ({
    source: 'proposal', id: p.id, kind: p.kind, requester: p.requester, reason: p.reason, createdAt: p.createdAt, aboutChair: p.aboutChair,
    filed: p.targetLogin === null ? null : { login: p.targetLogin, displayName: p.targetName, latinName: p.targetLatinName },
    proposed: { login: p.login, displayName: p.displayName, latinName: p.latinName },
    history: p.targetId === null ? null : accountHistory(db, p.targetId),
  }));
  return [...requests, ...proposals].sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id - b.id);
}
