'use client';
// The chair's decision on a tie that blocks an award: a casting vote for one of the tied
// candidates or, where the nomination allows ex aequo, the award shared among them. A real form
// (ActionForm): one radio `choice` (a candidate's id, or `shared`), the tied ids comma-joined
// (lib/round/specs.ts reads them). What the decision does is said before it is recorded; a recorded
// decision can be changed (the later one supersedes) until finalisation.
import { useLocale, useTranslations } from 'next-intl';
import { listOf } from '@/lib/locale/lists';
import { decideTie } from './actions';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { Field, Radio } from '@/app/components/action-form/fields';
import ui from '@/app/components/ui.module.css';

type Props = { nomination: string; nominationName: string; tied: { id: string; name: string }[]; sharedAllowed: boolean; maxWinners: number; changing?: boolean };

export function TieForm({ nomination, nominationName, tied, sharedAllowed, maxWinners, changing = false }: Props) {
  const t = useTranslations('chair');
  const locale = useLocale();
  const canShare = sharedAllowed && tied.length <= maxWinners;
  // Once hydrated the question names the choice; before, it says what holds for either.
  const says = (form: FormData | null) => {
    const choice = form?.get('choice');
    const what = choice === 'shared'
      ? t('tie.confirmShared', { names: listOf(locale, tied.map((c) => c.name)), nomination: nominationName })
      : choice ? t('tie.confirmCasting', { name: tied.find((c) => c.id === choice)?.name ?? '', nomination: nominationName }) : null;
    return what ? `${what} ${t('tie.confirmChangeable')}` : t('tie.confirmChangeable');
  };
  return (
    <ActionForm
      action={decideTie}
      submit={t(changing ? 'tie.change' : 'tie.record')}
      confirm={says}
      confirmTitle={t('tie.confirmTitle', { nomination: nominationName })}
      confirmLabel={t('tie.confirm')}
      fields={{ nomination, tied: tied.map((c) => c.id) }}
      testId={`tie-${nomination}`}
      validate
      reset
    >
      <fieldset>
        <legend>{t(changing ? 'tie.legendChange' : 'tie.legend', { count: tied.length })}</legend>
        {tied.map((c) => (
          <div key={c.id} className={ui.row}>
            <Radio id={`tie-${nomination}-${c.id}`} name="choice" value={c.id} required />
            <label htmlFor={`tie-${nomination}-${c.id}`}>{t('tie.castFor', { name: c.name })}</label>
          </div>
        ))}
        {canShare && (
          <div className={ui.row}>
            <Radio id={`tie-${nomination}-shared`} name="choice" value="shared" />
            <label htmlFor={`tie-${nomination}-shared`}>{t('tie.shared', { count: tied.length })}</label>
          </div>
        )}
      </fieldset>
      <Field name="reason" label={t('tie.reason')} maxLength={500} />
    </ActionForm>
  );
}
