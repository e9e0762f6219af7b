'use client';
// next-auth's client module is loaded when the button is pressed, not with every page that shows it.
import { useTranslations } from 'next-intl';
import s from './header.module.css';

export function LogoutButton() {
  const t = useTranslations('common');
  return (
    <button type="button" className={s.link} onClick={async () => (await import('next-auth/react')).signOut({ callbackUrl: '/login' })}>
      {t('logout')}
    </button>
  );
}
