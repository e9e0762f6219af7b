// The chair's part in two-person account changes during voting (lib/juror/requests.ts): the
// organisers' pending requests about jurors' accounts, each with its reason, to approve (the change
// takes effect at once) or refuse with a reason. Requests about the chair are decided by another
// organiser: the chair only sees that they exist.
import { getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/db';
import { listAccountRequests } from '@/lib/juror/requests';
import { ActionButton } from '@/app/components/ActionButton';
import ui from '@/app/components/ui.module.css';
import { approveAccountRequest, refuseAccountRequest } from './account-actions';

export async function AccountRequestsSection() {
  const t = await getTranslations('account');
  const when = (await whenFormatter()).at;
  const pending = listAccountRequests(getDb()).filter((r) => r.state === 'pending');
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
            return (
              <li key={r.id} data-request={r.id}>
                <p>{t('list.item', { kind, target: r.target.displayName, requester: r.requester.displayName, at: when(r.createdAt) })}</p>
                <p className={ui.muted}>{t('list.reason', { reason: r.reason })}</p>
                <div className={ui.row}>
                  <ActionButton action={approveAccountRequest} args={{ id: r.id }} label={t('list.approve')} variant="danger"
                    confirm={t('list.confirmApprove', { kind, target: r.target.displayName })} testId={`approve-request-${r.id}`} />
                  <ActionButton action={refuseAccountRequest} args={{ id: r.id }} label={t('list.refuse')} reasonLabel={t('list.refuseReason')}
                    variant="secondary" testId={`refuse-request-${r.id}`} />
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
