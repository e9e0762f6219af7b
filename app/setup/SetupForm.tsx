'use client';
// The festival in the four interface languages, its dates and time zone, and the first organiser.
// On success the organiser's one-time password is shown once, with the way to sign in.
import { useTranslations } from 'next-intl';
import { ActionForm, Field } from '@/app/admin/components/ActionForm';
import s from '@/app/admin/components/admin.module.css';
import ui from '@/app/components/ui.module.css';
import { setupFestival } from './actions';

const LANGS = [['En', 'en'], ['Zh', 'zh'], ['Ru', 'ru'], ['Kk', 'kk']] as const;

export function SetupForm({ token }: { token: string }) {
  const t = useTranslations('auth.setup');
  return (
    <ActionForm
      action={setupFestival}
      submit={t('submit')}
      pending={t('pending')}
      testId="setup-form"
      refresh={false}
      disabled={false}
      after={(state) =>
        state?.ok && state.data ? (
          <div role="status" className={ui.success} data-testid="setup-done">
            <p>{t('done', { login: (state.data as { organiser: string }).organiser })}</p>
            <p>{t('password')} <strong data-testid="setup-password"><code>{(state.data as { password: string }).password}</code></strong></p>
            <p><a href="/login">{t('signIn')}</a></p>
          </div>
        ) : null
      }
    >
      <input type="hidden" name="token" value={token} />
      <fieldset className={s.fieldset}>
        <legend>{t('names')}</legend>
        <div className={s.fields}>
          {LANGS.map(([suffix, lang]) => (
            <Field key={`name${suffix}`} name={`name${suffix}`} label={t(`name.${lang}`)} lang={lang} required />
          ))}
          {LANGS.map(([suffix, lang]) => (
            <Field key={`city${suffix}`} name={`city${suffix}`} label={t(`city.${lang}`)} lang={lang} required />
          ))}
        </div>
      </fieldset>
      <fieldset className={s.fieldset}>
        <legend>{t('when')}</legend>
        <div className={s.fields}>
          <Field name="startsOn" label={t('startsOn')} type="date" required />
          <Field name="endsOn" label={t('endsOn')} type="date" required />
          <Field name="timeZone" label={t('timeZone')} hint={t('timeZoneHint')} required />
        </div>
      </fieldset>
      <fieldset className={s.fieldset}>
        <legend>{t('organiser')}</legend>
        <div className={s.fields}>
          <Field name="organiser" label={t('login')} autoComplete="off" required />
          <Field name="organiserName" label={t('organiserName')} />
        </div>
      </fieldset>
    </ActionForm>
  );
}
