'use client';
// A real form: its action is a server action (./actions.ts), so it posts before this script has
// loaded too, and never sends the password in an address. With JavaScript it shows the pending
// state and the error in place.
import { useActionState } from 'react';
import { useFormatter, useTranslations } from 'next-intl';
import { signInWithPassword, type LoginState } from './actions';
import ui from '@/app/components/ui.module.css';

export function LoginForm() {
  const t = useTranslations('auth');
  const format = useFormatter();
  const [state, action, pending] = useActionState<LoginState, FormData>(signInWithPassword, { error: null, login: '' });
  const error = (() => {
    switch (state.error) {
      case null: return null;
      case 'throttled': return t('throttled', { minutes: state.minutes });
      case 'slip_used': return t('slipUsed', {
        at: format.dateTime(new Date(state.at), { dateStyle: 'medium', timeStyle: 'short' }),
        device: state.device === 'unknown' ? t('unknownDevice') : state.device,
      });
      case 'missing': return t('missing');
      case 'wrong': return t('wrong');
      default: return t('failed');
    }
  })();
  return (
    <form action={action} className={ui.card} noValidate>
      {error && <p role="alert" className={ui.alert} data-testid="login-error">{error}</p>}
      <div className={ui.field}>
        <label htmlFor="login">{t('login')}</label>
        <input id="login" name="login" className={ui.input} autoComplete="username" autoCapitalize="none" required defaultValue={state.login} key={state.login} />
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
