'use client';
// A real form: its action is a server action (./actions.ts), so it posts before this script has
// loaded too, and never sends the password in an address. With JavaScript it shows the pending
// state and the refusal in place; without, the server renders the same refusal.
import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { signInWithPassword, type LoginState } from './actions';
import ui from '@/app/components/ui.module.css';

export function LoginForm() {
  const t = useTranslations('auth');
  const [state, action, pending] = useActionState<LoginState, FormData>(signInWithPassword, null);
  return (
    <form action={action} className={ui.card} noValidate>
      {state && <p role="alert" className={ui.alert} data-testid="login-error">{state.message}</p>}
      <div className={ui.field}>
        <label htmlFor="login">{t('login')}</label>
        <input id="login" name="login" className={ui.input} autoComplete="username" autoCapitalize="none" required defaultValue={state?.login ?? ''} key={state?.login ?? ''} />
      </div>
      <div className={ui.field}>
        <label htmlFor="password">{t('password')}</label>
        <input id="password" name="password" type="password" className={ui.input} autoComplete="current-password" required />
      </div>
      <button type="submit" className={ui.button} disabled={pending}>
        {pending ? t('signingIn') : t('signIn')}
      </button>
    </form>
  );
}
