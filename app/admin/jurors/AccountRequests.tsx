// The organisers' list of account requests made during voting: what was asked, by whom, why, and
// what became of it; the requester may cancel a pending request or, once a reset is approved, have
// its temporary password shown once; a second organiser decides requests about the chair.
import type { ReactNode } from 'react';
import { getLocale, getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import type { SessionUser } from '@/lib/auth';
import type { AccountRequestRow } from '@/lib/juror/requests';
import { RowAction } from '../components/RemoveButton';
import type { AccountProposalRow } from '@/lib/juror/proposals';
import type { Approval } from '@/lib/juror/approvals';
import { personName } from '@/lib/festival/names';
import { ApprovalDetails } from '@/app/components/ApprovalDetails';
import { IssuePasswordForm, RefuseForm } from '../components/AccountRequestForms';
import { approveAccountRequestAsOrganiser, approveProposalAsOrganiser, cancelAccountRequest, cancelProposal } from '../actions/account-requests';
import ui from '@/app/components/ui.module.css';
import s from '../components/admin.module.css';
import { Badge } from '@/app/components/Badge';

export async function AccountRequests({ me, rows, proposals, pending }: { me: SessionUser; rows: AccountRequestRow[]; proposals: AccountProposalRow[]; pending: Approval[] }) {
  const t = await getTranslations('account');
  const locale = await getLocale();
  const name = (p: { displayName: string; latinName: string | null }) => personName(p, locale);
  const when = (await whenFormatter()).at;
  // Pending ones show what an approver reads: the target's login, names and history.
  const details = (source: Approval['source'], id: number) => {
    const a = pending.find((x) => x.source === source && x.id === id);
    return a ? <ApprovalDetails approval={a} /> : null;
  };
  // What a request and a proposal show alike: what was asked, by whom, why, where it stands.
  const filed = (f: AccountRequestRow | AccountProposalRow, kind: string, target: string, pendingDetails: ReactNode) => (
    <>
      <div className={ui.spread}>
        <span>{t('list.item', { kind, target, requester: name(f.requester), at: when(f.createdAt) })}</span>
        <Badge tone={f.state === 'approved' ? 'ok' : f.state === 'pending' ? 'warn' : undefined}>{t(`state.${f.state}`)}</Badge>
      </div>
      <p className={ui.muted}>{t('list.reason', { reason: f.reason })}</p>
      {f.state === 'pending' && <p className={ui.muted}>{f.aboutChair ? t('list.waitingOrganiser') : t('list.waitingChair')}</p>}
      {pendingDetails}
      {f.state !== 'pending' && f.decider && f.decidedAt && (
        <p className={ui.muted}>
          {t('list.decided', { state: t(`state.${f.state}`), decider: name(f.decider), at: when(f.decidedAt) })}
          {f.decisionReason ? ` ${t('list.reason', { reason: f.decisionReason })}` : ''}
        </p>
      )}
    </>
  );
  return (
    <section aria-labelledby="account-requests-heading" className={ui.card}>
      <h2 id="account-requests-heading">{t('list.heading')}</h2>
      {rows.length === 0 && proposals.length === 0 ? <p className={ui.muted}>{t('list.none')}</p> : null}
      {rows.length > 0 && (
        <ul className={ui.list} data-testid="account-requests">
          {rows.map((r) => {
            const kind = t(`kind.${r.kind}`);
            const mine = r.requestedBy === me.id;
            return (
              <li key={r.id} data-request={r.id} data-state={r.state}>
                {filed(r, kind, t('approval.target', { name: name(r.target), login: r.target.login }), details('request', r.id))}
                {r.passwordIssuedAt && <p className={ui.muted}>{t('list.passwordShown', { at: when(r.passwordIssuedAt) })}</p>}
                <div className={s.rowActions}>
                  {r.state === 'pending' && mine && (
                    <RowAction action={cancelAccountRequest} id={r.id} label={t('list.cancel')} confirm={t('list.confirmCancel')} testId={`cancel-request-${r.id}`} />
                  )}
                  {r.state === 'pending' && !mine && r.aboutChair && (
                    <>
                      <RowAction action={approveAccountRequestAsOrganiser} id={r.id} label={t('list.approve')} variant="danger"
                        confirm={t('list.confirmApprove', { kind, target: name(r.target) })} testId={`approve-request-${r.id}`} />
                      <RefuseForm id={r.id} />
                    </>
                  )}
                  {/* Stays mounted once used (disabled), so the password just shown survives the page's refresh. */}
                  {r.state === 'approved' && r.kind === 'reset_password' && mine && (
                    <IssuePasswordForm id={r.id} target={name(r.target)} issued={!!r.passwordIssuedAt} />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {proposals.length > 0 && (
        <ul className={ui.list} data-testid="account-proposals">
          {proposals.map((p) => {
            const kind = t(`kind.${p.kind}`);
            const target = p.target ? t('approval.target', { name: name(p.target), login: p.target.login }) : t('approval.target', { name: name(p), login: p.login ?? '' });
            const mine = p.requestedBy === me.id;
            return (
              <li key={p.id} data-proposal={p.id} data-state={p.state}>
                {filed(p, kind, target, details('proposal', p.id))}
                <div className={s.rowActions}>
                  {p.state === 'pending' && mine && (
                    <RowAction action={cancelProposal} id={p.id} label={t('list.cancel')} confirm={t('list.confirmCancel')} testId={`cancel-proposal-${p.id}`} />
                  )}
                  {p.state === 'pending' && !mine && p.aboutChair && (
                    <>
                      <RowAction action={approveProposalAsOrganiser} id={p.id} label={t('list.approve')} variant="danger"
                        confirm={t('list.confirmApprove', { kind, target })} testId={`approve-proposal-${p.id}`} />
                      <RefuseForm id={p.id} proposal />
                    </>
                  )}
                  {p.state === 'approved' && p.kind === 'add_organiser' && mine && (
                    <IssuePasswordForm id={p.id} target={name(p)} issued={!!p.passwordIssuedAt} organiser />
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
