// The chair's part in two-person account changes during voting (lib/juror/requests.ts): the
// organisers' pending requests about jurors' accounts (and renames, new organisers), each with its
// reason, the target's login, names and history, to approve (the change
// takes effect at once) or refuse with a reason. Requests about the chair are decided by another
// organiser: the chair only sees that they exist.
import { getLocale, getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/lib/database';
import { pendingApprovals } from '@/lib/juror/approvals';
import { personName } from '@/lib/festival/names';
import { ApprovalDetails } from '@/app/components/ApprovalDetails';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import ui from '@/app/components/ui.module.css';
import { approveAccountRequest, approveProposal, refuseAccountRequest, refuseProposal } from './account-actions';

export async function AccountRequestsSection() {
  const t = await getTranslations('account');
  const locale = await getLocale();
  const when = (await whenFormatter()).at;
  const pending = pendingApprovals(getDb());
  const mine = pending.filter((r) => !r.aboutChair);
  const aboutChair = pending.length - mine.length;
  if (pending.length === 0) return null;
  return (
    <section aria-labelledby="account-requests-heading" className={ui.card}>
      <h2 id="account-requests-heading">{t('chair.heading')}</h2>
      <p className={ui.muted}>{t('chair.explain')}</p>
      {mine.length === 0 ? <p>{t('chair.none')}</p> : (
        <ul className={ui.list} data-testid="chair-account-requests">
          {mine.map((r) => {
            const kind = t(`kind.${r.kind}`);
            // The display name alone can be relabelled: the login goes with it everywhere.
            const target = r.history ? t('approval.target', { name: personName(r.history, locale), login: r.history.login }) : r.proposed ? personName(r.proposed, locale) : '';
            const [approve, refuse] = r.source === 'request' ? [approveAccountRequest, refuseAccountRequest] : [approveProposal, refuseProposal];
            const testId = r.source === 'request' ? `${r.id}` : `proposal-${r.id}`;
            return (
              <li key={`${r.source}-${r.id}`} data-request={r.source === 'request' ? r.id : undefined} data-proposal={r.source === 'proposal' ? r.id : undefined}>
                <p>{t('list.item', { kind, target, requester: personName(r.requester, locale), at: when(r.createdAt) })}</p>
                <p className={ui.muted}>{t('list.reason', { reason: r.reason })}</p>
                <ApprovalDetails approval={r} />
                <div className={ui.row}>
                  <ActionForm action={approve} fields={{ id: r.id }} submit={t('list.approve')} variant="danger"
                    confirm={t('list.confirmApprove', { kind, target })} testId={`approve-request-${testId}`} />
                  <ActionForm action={refuse} fields={{ id: r.id }} submit={t('list.refuse')} reasonLabel={t('list.refuseReason')}
                    variant="secondary" testId={`refuse-request-${testId}`} />
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {aboutChair > 0 && <p className={ui.muted}>{t('chair.aboutChair', { count: aboutChair })}</p>}
    </section>
  );
}
