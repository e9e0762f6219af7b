'use client';
// Adding a juror and resetting a password both end with a temporary password, shown here once.
import { useTranslations } from 'next-intl';
import { addJuror, resetPassword, updateJuror } from '@/app/admin/actions/jurors';
import { ActionForm, type ActionState } from '@/app/components/action-form/ActionForm';
import { Field } from '@/app/components/action-form/fields';
import { TemporaryPassword } from './TemporaryPassword';
import ui from '@/app/components/ui.module.css';
import s from './admin.module.css';

type Opt = { value: string; label: string };

/** The temporary password shown once after the form, in this area's words. */
function Secret({ state }: { state: ActionState }) {
  const t = useTranslations('admin.jurors');
  return <TemporaryPassword state={state} title={(login) => t('temporaryFor', { login })} note={t('temporaryNote')} />;
}

/** An existing account (another competition's member) seated here: no password to show, its own kept. */
function Seated({ state }: { state: ActionState }) {
  const t = useTranslations('admin.jurors');
  const d = state?.ok ? (state.data as { login: string; seated?: boolean } | undefined) : undefined;
  return d?.seated ? <p role="status" className={ui.success} data-testid="juror-seated">{t('seated', { login: d.login })}</p> : null;
}

export function JurorAddForm({ countries, locales }: { countries: Opt[]; locales: Opt[] }) {
  const t = useTranslations('admin.jurors');
  return (
    <ActionForm action={addJuror} submit={t('add')} pending={t('saving')} reset testId="juror-add" after={(st) => <><Secret state={st} /><Seated state={st} /></>}>
      <div className={s.fields}>
        <Field name="displayName" label={t('displayName')} required />
        <Field name="login" label={t('login')} required autoComplete="off" hint={t('loginHint')} />
        <Field name="country" label={t('country')} options={countries} defaultValue="" />
        <Field name="locale" label={t('locale')} options={locales} defaultValue="" />
      </div>
    </ActionForm>
  );
}

export function JurorEditForm({ juror, countries, locales }: { juror: { id: number; displayName: string; country: string | null; locale: string | null }; countries: Opt[]; locales: Opt[] }) {
  const t = useTranslations('admin.jurors');
  return (
    <ActionForm action={updateJuror} submit={t('save')} pending={t('saving')} success={t('saved')} testId={`juror-edit-${juror.id}`}>
      <input type="hidden" name="id" value={juror.id} />
      <Field name="displayName" label={t('displayName')} defaultValue={juror.displayName} required />
      <Field name="country" label={t('country')} options={countries} defaultValue={juror.country ?? ''} />
      <Field name="locale" label={t('locale')} options={locales} defaultValue={juror.locale ?? ''} />
    </ActionForm>
  );
}

export function ResetPassword({ id, name }: { id: number; name: string }) {
  const t = useTranslations('admin.jurors');
  return (
    <ActionForm action={resetPassword} submit={t('issuePassword')} pending={t('saving')} variant="secondary"
      confirm={t('confirmReset', { name })} testId={`reset-${id}`} after={(st) => <Secret state={st} />}>
      <input type="hidden" name="id" value={id} />
    </ActionForm>
  );
}
