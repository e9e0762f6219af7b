// The shared header: the festival and its phase, who is signed in, the role's pages, the language
// switch and logout.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { getCurrentUser } from '@/lib/auth';
import { getFestival } from '@/lib/festival/phase';
import { LanguageSwitch } from './LanguageSwitch';
import { LogoutButton } from './LogoutButton';
import s from './header.module.css';

export async function Header() {
  const [user, t, locale] = await Promise.all([getCurrentUser(), getTranslations('common'), getLocale()]);
  const fest = getFestival(getDb());
  return (
    <header className={`${s.header} no-print`}>
      <div className={s.inner}>
        <div>
          <Link href="/" className={s.brand}>Jury</Link>{' '}
          <span className={s.festival}>
            {fest.name}, {fest.city} · <span data-testid="phase">{t(`phase.${fest.phase}`)}</span>
          </span>
        </div>
        {user && (
          <nav className={s.nav} aria-label={t('navigation')}>
            {(user.role === 'juror' || user.role === 'chair') && <Link href="/jury">{t('nav.ballots')}</Link>}
            {user.role === 'chair' && <Link href="/chair">{t('nav.chair')}</Link>}
            {user.role === 'organiser' && <Link href="/admin">{t('nav.admin')}</Link>}
            <Link href="/results">{t('nav.results')}</Link>
          </nav>
        )}
        <div className={s.controls}>
          {user && (
            <span className={s.who} data-testid="who">
              {t('signedInAs', { name: user.displayName, role: t(`role.${user.role}`) })}
            </span>
          )}
          <LanguageSwitch current={locale} />
          {user && <LogoutButton />}
        </div>
      </div>
    </header>
  );
}
