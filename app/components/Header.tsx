// The shared header: the festival and its phase, who is signed in, the role's pages, the language
// switch and logout. Its links do not prefetch: every page behind them is dynamic (the session) and
// has no loading.tsx, so Next's prefetch of a link in view fetched only the route's outline (about
// 0.5 KB a link, again after each refresh), never the page: a click costs the same one request either
// way, and a phone on a slow link spent the bytes (docs/PERFORMANCE.md, section 4).
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { getCurrentUser } from '@/lib/auth';
import { findFestival } from '@/lib/festival/phase';
import { festivalCity, festivalName } from '@/lib/festival/names';
import { LanguageSwitch } from './LanguageSwitch';
import { LogoutButton } from './LogoutButton';
import { RunoffBanner } from '@/app/jury/runoff/RunoffBanner';
import { AppChrome } from './AppChrome';
import { JurySwitch } from './JurySwitch';
import s from './header.module.css';

export async function Header() {
  const [user, t, locale] = await Promise.all([getCurrentUser(), getTranslations('common'), getLocale()]);
  // An empty database (JURY_DEMO=0, before the set-up) has no festival yet: the header still shows.
  const fest = findFestival(getDb());
  return (
    <>
    {fest?.demo && (
      // Printed too (no no-print): a demo's paper must not pass for a real vote.
      <p className={s.demo} role="note" data-testid="demo-banner">{t('demo.banner')}</p>
    )}
    <AppChrome>
    <RunoffBanner user={user} />
    <header className={`${s.header} no-print`}>
      <div className={s.inner}>
        <div className={s.title}>
          <Link href="/" prefetch={false} className={s.brand}>Jury</Link>{' '}
          {fest && (
            <span className={s.festival}>
              <span className={s.festivalName}>{festivalName(fest, locale)}, {festivalCity(fest, locale)}</span> · <span data-testid="phase">{t(`phase.${fest.phase}`)}</span>
            </span>
          )}
        </div>
        {user && fest && <JurySwitch who={{ id: user.id, organiser: user.role === 'organiser' }} current={fest} locale={locale} />}
        {user && (
          <nav className={s.nav} aria-label={t('navigation')}>
            {(user.role === 'juror' || user.role === 'chair') && <Link href="/jury" prefetch={false}>{t('nav.ballots')}</Link>}
            {user.role === 'chair' && <Link href="/chair" prefetch={false}>{t('nav.chair')}</Link>}
            {user.role === 'organiser' && <Link href="/admin" prefetch={false}>{t('nav.admin')}</Link>}
            <Link href="/results" prefetch={false}>{t('nav.results')}</Link>
          </nav>
        )}
        <div className={s.controls}>
          {user && (
            <span className={s.who} data-testid="who">
              {t('signedInAs', { name: user.displayName, role: t(`role.${user.role ?? 'none'}`) })}
            </span>
          )}
          <LanguageSwitch current={locale} />
          {user && <LogoutButton />}
        </div>
      </div>
    </header>
    </AppChrome>
    </>
  );
}
