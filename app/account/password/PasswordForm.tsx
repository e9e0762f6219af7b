'use client';
// After the new password is stored, every session of the user has ended (the version was bumped),
// so the form signs in again with the new password and goes home; failing that, to /login.
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { changePassword } from '@/app/account/actions';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { Field } from '@/app/components/action-form/fields';

export function PasswordForm({ login }: { login: string }) {
  const t = useTranslations('admin.account');
  return (
    <ActionForm
      submit={t('save')}
      pending={t('saving')}
      success={t('saved')}
      testId="password-form"
      action={async (_previous, fd) => {
        const r = await changePassword(fd);
        if (r.ok) {
          const res = await signIn('credentials', { login, password: String(fd.get('password') ?? ''), redirect: false });
          window.location.assign(res?.ok && !res.error ? '/' : '/login');
        }
        return r;
      }}
    >
      <input type="text" name="username" value={login} autoComplete="username" readOnly hidden />
      <Field name="current" label={t('current')} type="password" autoComplete="current-password" required />
      <Field name="password" label={t('new')} type="password" autoComplete="new-password" required hint={t('hint', { min: 10 })} />
      <Field name="confirm" label={t('confirm')} type="password" autoComplete="new-password" required />
    </ActionForm>
  );
}
