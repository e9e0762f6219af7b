'use client';
// Add a film, or edit one (with its id).
import { useTranslations } from 'next-intl';
import { addFilm, updateFilm } from '@/app/admin/actions/films';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { Checkbox, Field } from '@/app/components/action-form/fields';
import s from './admin.module.css';

type Film = { id: number; originalTitle: string; englishTitle: string; director: string; country: string; year: number | null; runtimeMinutes: number | null; competition: boolean };

export function FilmForm({ film, countries, disabled }: { film?: Film; countries: { value: string; label: string }[]; disabled?: boolean }) {
  const t = useTranslations('admin.films');
  return (
    <ActionForm
      action={film ? updateFilm : addFilm}
      submit={film ? t('save') : t('add')}
      pending={t('saving')}
      success={film ? t('saved') : t('added')}
      reset={!film}
      disabled={disabled}
      testId={film ? `film-form-${film.id}` : 'film-add'}
    >
      {film && <input type="hidden" name="id" value={film.id} />}
      <div className={s.fields}>
        <Field name="originalTitle" label={t('originalTitle')} defaultValue={film?.originalTitle} hint={t('originalHint')} />
        <Field name="englishTitle" label={t('englishTitle')} defaultValue={film?.englishTitle} required lang="en" />
        <Field name="director" label={t('director')} defaultValue={film?.director} required />
        <Field name="country" label={t('country')} defaultValue={film?.country ?? 'XX'} options={countries} />
        <Field name="year" label={t('year')} type="number" min="1880" max="2100" defaultValue={film?.year} />
        <Field name="runtimeMinutes" label={t('runtime')} type="number" min="1" max="1000" defaultValue={film?.runtimeMinutes} />
      </div>
      <Checkbox name="competition" label={t('competition')} defaultChecked={film ? film.competition : true} />
    </ActionForm>
  );
}
