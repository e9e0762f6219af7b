'use client';
import { signOut } from 'next-auth/react';
import { useTranslations } from 'next-intl';
import s from './header.module.css';

export function LogoutButton() {
  const t = useTranslations('common');
  return (
    <button type="button" className={s.link} onClick={() => signOut({ callbackUrl: '/login' })}>
      {t('logout')}
    </button>
  );
}
