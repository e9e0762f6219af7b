'use client';
import { useTranslations } from 'next-intl';
import { addPerformance, updatePerformance } from '@/app/admin/actions/performances';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { Field } from '@/app/components/action-form/fields';
import s from './admin.module.css';

type Opt = { value: string; label: string };

export function PerformanceForm({
  performance, nominations, films,
}: {
  performance?: { id: number; nominationId: number; filmId: number; person: string };
  nominations: Opt[];
  films: Opt[];
}) {
  const t = useTranslations('admin.performances');
  return (
    <ActionForm action={performance ? updatePerformance : addPerformance} submit={performance ? t('save') : t('add')} pending={t('saving')}
      success={performance ? t('saved') : t('added')} reset={!performance} testId={performance ? `performance-form-${performance.id}` : 'performance-add'}>
      {performance && <input type="hidden" name="id" value={performance.id} />}
      <div className={s.fields}>
        <Field name="nominationId" label={t('nomination')} options={nominations} defaultValue={performance?.nominationId} />
        <Field name="filmId" label={t('film')} options={films} defaultValue={performance?.filmId} />
        <Field name="person" label={t('person')} defaultValue={performance?.person} required />
      </div>
    </ActionForm>
  );
}
