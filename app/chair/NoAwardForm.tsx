'use client';
// "No award" for a nomination nobody can win (no eligible candidate, or no counted score): with a
// reason, recorded in the protocol and shown on the results; confirmed in a dialog first.
import { useTranslations } from 'next-intl';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { recordNoAward } from './decision-actions';

export function NoAwardForm({ nomination, nominationName }: { nomination: string; nominationName: string }) {
  const t = useTranslations('chair');
  return (
    <ActionForm
      action={recordNoAward}
      fields={{ nomination }}
      submit={t('noAward.record')}
      reasonLabel={t('noAward.reason')}
      confirmTitle={t('noAward.confirmTitle', { nomination: nominationName })}
      confirm={t('noAward.confirmText', { nomination: nominationName })}
      confirmLabel={t('noAward.confirm')}
      testId={`no-award-${nomination}`}
    />
  );
}
