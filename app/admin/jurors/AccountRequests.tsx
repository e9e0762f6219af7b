// The organisers' list of account requests made during voting: what was asked, by whom, why, and
// what became of it; the requester may cancel a pending request or, once a reset is approved, have
// its temporary password shown once; a second organiser decides requests about the chair.
import { getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import type { SessionUser } from '@/lib/auth';
import type { AccountRequestRow } from '@/lib/juror/requests';
import { RowAction } from '../components/RemoveButton';
import { IssuePasswordForm, RefuseRequestForm } from '../components/AccountRequestForms';
import { approveAccountRequestAsOrganiser, cancelAccountRequest } from '../actions/account-requests';
import ui from '@/app/components/ui.module.css';
import s from '../components/admin.module.css';
import { Badge } from '@/app/components/Badge';

export async function AccountRequests({ me, rows }: { me: SessionUser; rows: AccountRequestRow[] }) {
  const t = await getTranslations('account');
  const when = (await whenFormatter()).at;
  return (
    <section aria-labelledby="account-requests-heading" className={ui.card}>
      <h2 id="account-requests-heading">{t('list.heading')}</h2>
      {rows.length === 0 ? <p className={ui.muted}>{t('list.none')}</p> : (
        <ul className={ui.list} data-testid="account-requests">
          {rows.map((r) => {
            const kind = t(`kind.${r.kind}`);
            const mine = r.requestedBy === me.id;
            return (
              <li key={r.id} data-request={r.id} data-state={r.state}>
                <div className={ui.spread}>
                  <span>{t('list.item', { kind, target: r.target.displayName, requester: r.requester.displayName, at: when(r.createdAt) })}</span>
                  <Badge tone={r.state === 'approved' ? 'ok' : r.state === 'pending' ? 'warn' : undefined}>{t(`state.${r.state}`)}</Badge>
                </div>
                <p className={ui.muted}>{t('list.reason', { reason: r.reason })}</p>
                {r.state === 'pending' && <p className={ui.muted}>{r.aboutChair ? t('list.waitingOrganiser') : t('list.waitingChair')}</p>}
                {r.state !== 'pending' && r.decider && r.decidedAt && (
                  <p className={ui.muted}>
                    {t('list.decided', { state: t(`state.${r.state}`), decider: r.decider.displayName, at: when(r.decidedAt) })}
                    {r.decisionReason ? ` ${t('list.reason', { reason: r.decisionReason })}` : ''}
                  </p>
                )}
                {r.passwordIssuedAt && <p className={ui.muted}>{t('list.passwordShown', { at: when(r.passwordIssuedAt) })}</p>}
                <div className={s.rowActions}>
                  {r.state === 'pending' && mine && (
                    <RowAction action={cancelAccountRequest} id={r.id} label={t('list.cancel')} confirm={t('list.confirmCancel')} testId={`cancel-request-${r.id}`} />
                  )}
                  {r.state === 'pending' && !mine && r.aboutChair && (
                    <>
                      <RowAction action={approveAccountRequestAsOrganiser} id={r.id} label={t('list.approve')} variant="danger"
                        confirm={t('list.confirmApprove', { kind, target: r.target.displayName })} testId={`approve-request-${r.id}`} />
                      <RefuseRequestForm id={r.id} />
                    </>
                  )}
                  {/* Stays mounted once used (disabled), so the password just shown survives the page's refresh. */}
                  {r.state === 'approved' && r.kind === 'reset_password' && mine && (
                    <IssuePasswordForm id={r.id} target={r.target.displayName} issued={!!r.passwordIssuedAt} />
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
