'use client';
// The one form (ActionForm) on the password change action, so it also works before JavaScript.
// Storing the new password ends every session of the user (the version is bumped): before JavaScript
// the page rendered after the post finds the session gone and sends the browser to /login, where the
// new password signs in; once hydrated, the form signs in again itself with the password it sent
// (the browser's own copy) and goes home, failing that to /login.
import { useEffect, useRef } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import { changePassword } from '@/app/account/actions';
import { ActionFormOf, useActionForm } from '@/app/components/action-form/ActionForm';
import { Field } from '@/app/components/action-form/fields';

export function PasswordForm({ login }: { login: string }) {
  const t = useTranslations('admin.account');
  const control = useActionForm(changePassword);
  const sentPassword = useRef('');
  const { state, first } = control;
  useEffect(() => {
    if (!state?.ok || state === first.current) return;
    let gone = false;
    void signIn('credentials', { login, password: sentPassword.current, redirect: false }).then((res) => {
      if (!gone) window.location.assign(res?.ok && !res.error ? '/' : '/login');
    });
    return () => { gone = true; };
  }, [state, first, login]);
  return (
    <ActionFormOf
      control={control}
      submit={t('save')}
      pending={t('saving')}
      success={t('saved')}
      testId="password-form"
      // The page would find the session ended: the sign-in above goes on from here.
      refresh={false}
      onSent={(form) => { sentPassword.current = String(form.get('password') ?? ''); }}
    >
      <input type="text" name="username" value={login} autoComplete="username" readOnly hidden />
      <Field name="current" label={t('current')} type="password" autoComplete="current-password" required />
      <Field name="password" label={t('new')} type="password" autoComplete="new-password" required hint={t('hint', { min: 10 })} />
      <Field name="confirm" label={t('confirm')} type="password" autoComplete="new-password" required />
    </ActionFormOf>
  );
}
