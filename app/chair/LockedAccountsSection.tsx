// The chair's view of accounts locked by the ceiling on failed sign-ins (lib/auth/throttle.ts):
// whoever's guesses locked a juror out, the chair sees it, with how many failures from how many
// addresses since when, and when the lock ends. Never the addresses themselves.
import { getLocale, getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/lib/database';
import { lockedAccounts } from '@/lib/auth/throttle';
import { personName } from '@/lib/festival/names';
import ui from '@/app/components/ui.module.css';

export async function LockedAccountsSection() {
  const locked = lockedAccounts(getDb(), Date.now());
  if (locked.length === 0) return null;
  const t = await getTranslations('account.locked');
  const locale = await getLocale();
  const { at: when } = await whenFormatter();
  return (
    <section aria-labelledby="locked-accounts-heading" className={ui.notice} data-testid="locked-accounts" role="region">
      <h2 id="locked-accounts-heading">{t('heading')}</h2>
      <p>{t('explain')}</p>
      <ul>
        {locked.map((a) => (
          <li key={a.id} data-login={a.login}>
            {t('item', { name: personName(a, locale), login: a.login, failures: a.failures, addresses: a.addresses, since: when(a.since), minutes: Math.ceil(a.retryAfterMs / 60000) })}
          </li>
        ))}
      </ul>
    </section>
  );
}
