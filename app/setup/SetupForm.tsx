'use client';
// The festival in the four interface languages, its dates and time zone, and the first organiser; beside
// an earlier edition, the new edition's address and its competition's name (the organiser's login may
// be an existing organiser's, reused as it is).
// On success the form gives way to the next step: the organiser's one-time password, shown once,
// and the way to sign in (the form, whose link is used up, is gone). The one form (ActionForm), so it
// also works before JavaScript: the page rendered after that post finds the link used up and passes
// its refusal, but the answer of the post is this component's state, and it comes first.
import { useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { ActionFormOf, useActionForm } from '@/app/components/action-form/ActionForm';
import { Field } from '@/app/components/action-form/fields';
import s from '@/app/admin/components/admin.module.css';
import ui from '@/app/components/ui.module.css';
import { setupFestival } from './actions';

const LANGS = [['En', 'en'], ['Zh', 'zh'], ['Ru', 'ru'], ['Kk', 'kk']] as const;

type Done = { organiser: string; password: string | null; edition: string; earlier: number };

function NextStep({ done }: { done: Done }) {
  const t = useTranslations('auth.setup');
  // The form the keyboard was on is gone: the focus goes to what replaced it.
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => { ref.current?.focus(); }, []);
  return (
    <div role="status" className={ui.success} data-testid="setup-done" tabIndex={-1} ref={ref}>
      <p>{done.earlier > 0 ? t('editionDone', { edition: done.edition, earlier: done.earlier, login: done.organiser }) : t('done', { login: done.organiser })}</p>
      {done.password === null
        ? <p data-testid="setup-reused">{t('reused')}</p>
        : <><p>{t('password')} <strong data-testid="setup-password"><code>{done.password}</code></strong></p><p>{t('next')}</p></>}
      <p><a href="/login" className={ui.button}>{t('signIn')}</a></p>
    </div>
  );
}

/**
 * `refused`: why the page's link cannot set up a festival (null when it can). Rendered here, not by
 * the page, so that the page has the same shape whether the link is usable or not: the answer to a
 * post made before JavaScript finds this component's state only at the place the form was.
 */
export function SetupForm({ token, refused, edition }: { token: string; refused: string | null; edition: boolean }) {
  const t = useTranslations('auth.setup');
  const control = useActionForm(setupFestival);
  if (control.state?.ok && control.state.data) return <NextStep done={control.state.data as Done} />;
  // No link at all is not a used link: the page's words say what is needed and where it comes from.
  if (refused !== null) return <p className={ui.notice} role="alert" data-testid="setup-refused">{refused}</p>;
  return (
    <>
      <p>{edition ? t('editionIntro') : t('intro')}</p>
      <ActionFormOf control={control} submit={edition ? t('editionSubmit') : t('submit')} pending={t('pending')} testId="setup-form" refresh={false}>
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
        <legend>{t('edition')}</legend>
        <div className={s.fields}>
          <Field name="slug" label={t('slug')} hint={t('slugHint')} autoComplete="off" />
          {LANGS.map(([suffix, lang]) => (
            <Field key={`competition${suffix}`} name={`competition${suffix}`} label={t(`competition.${lang}`)} hint={suffix === 'En' ? t('competitionHint') : undefined} lang={lang} />
          ))}
        </div>
      </fieldset>
      <fieldset className={s.fieldset}>
        <legend>{t('organiser')}</legend>
        <div className={s.fields}>
          <Field name="organiser" label={t('login')} hint={edition ? t('loginHint') : undefined} autoComplete="off" required />
          <Field name="organiserName" label={t('organiserName')} />
        </div>
      </fieldset>
      </ActionFormOf>
    </>
  );
}
