'use client';
// The language choice: stored in a cookie and, when signed in, as the user's preference.
import { useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { localeNames, locales } from '@/i18n/config';
import { setLocale } from '@/app/locale-actions';
import s from './header.module.css';

export function LanguageSwitch({ current }: { current: string }) {
  const t = useTranslations('common');
  const router = useRouter();
  const [pending, start] = useTransition();
  return (
    <label>
      <span className="visually-hidden">{t('language')}</span>
      <select
        className={s.select}
        value={current}
        disabled={pending}
        aria-label={t('language')}
        onChange={(e) => {
          const locale = e.target.value;
          start(async () => {
            await setLocale(locale);
            router.refresh();
          });
        }}
      >
        {locales.map((l) => (
          <option key={l} value={l} lang={l}>{localeNames[l]}</option>
        ))}
      </select>
    </label>
  );
}
