'use client';
// The chair reopens one juror's submitted ballot, with a stated reason the juror will see. A real
// form (ActionForm): the ballot is picked in one select, posted as "<juror id>:<nomination id>".
import { useTranslations } from 'next-intl';
import { reopenBallot } from '@/app/jury/actions';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { Field } from '@/app/components/action-form/fields';
import ui from '@/app/components/ui.module.css';

type Option = { jurorId: number; nominationId: number; label: string };

export function ReopenBallotForm({ options }: { options: Option[] }) {
  const t = useTranslations('chair');
  if (options.length === 0) return <p className={ui.muted}>{t('reopenBallot.none')}</p>;
  return (
    <ActionForm action={reopenBallot} submit={t('reopenBallot.submit')} success={t('reopenBallot.done')} variant="secondary" reset validate testId="reopen-ballot-form">
      <Field
        name="ballot"
        label={t('reopenBallot.which')}
        required
        defaultValue=""
        options={[{ value: '', label: '—' }, ...options.map((o) => ({ value: `${o.jurorId}:${o.nominationId}`, label: o.label }))]}
      />
      <Field name="reason" label={t('reopenBallot.reason')} maxLength={500} />
    </ActionForm>
  );
}
