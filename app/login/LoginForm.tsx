'use client';
import { useState } from 'react';
import { signIn } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import ui from '@/app/components/ui.module.css';

export function LoginForm() {
  const t = useTranslations('auth');
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    try {
      const res = await signIn('credentials', {
        login: String(form.get('login') ?? ''),
        password: String(form.get('password') ?? ''),
        redirect: false,
      });
      if (res?.ok && !res.error) {
        // A full navigation, so that every server component sees the new session.
        window.location.assign('/');
        return;
      }
      const code = res?.error ?? '';
      if (code.startsWith('throttled:')) setError(t('throttled', { minutes: Number(code.split(':')[1]) || 15 }));
      else if (code === 'CredentialsSignin') setError(t('wrong'));
      else setError(t('failed'));
    } catch {
      setError(t('failed'));
    }
    setPending(false);
  }

  return (
    <form onSubmit={onSubmit} className={ui.card} noValidate>
      {error && <p role="alert" className={ui.alert}>{error}</p>}
      <div className={ui.field}>
        <label htmlFor="login">{t('login')}</label>
        <input id="login" name="login" className={ui.input} autoComplete="username" autoCapitalize="none" required />
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
