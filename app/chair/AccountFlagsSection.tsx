// The chair's view of accounts set up or used by anyone but their owner (lib/account/flags.ts: what
// is flagged and why it is kept rare), from setup on. Names with their logins: a display name can be
// changed, a login cannot be relabelled.
import { getLocale, getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/lib/database';
import { accountFlagsFor, type FlaggedAccount } from '@/lib/account/flags';
import { personName } from '@/lib/festival/names';
import { listOf } from '@/lib/locale/lists';
import type { SessionUser } from '@/lib/auth/users';
import ui from '@/app/components/ui.module.css';

export async function AccountFlagsSection({ viewer }: { viewer: SessionUser }) {
  const flagged = accountFlagsFor(getDb(), viewer);
  const t = await getTranslations('account');
  const locale = await getLocale();
  const { at: when } = await whenFormatter();
  const strong = flagged.filter((a) => a.flags.some((f) => f.kind !== 'foreign_credential'));
  const waiting = flagged.filter((a) => a.flags.every((f) => f.kind === 'foreign_credential'));
  const who = (a: FlaggedAccount) => t('flags.who', { name: personName(a, locale), login: a.login });
  return (
    <section aria-labelledby="account-flags-heading" className={ui.card} data-testid="account-flags">
      <h2 id="account-flags-heading">{t('flags.heading')}</h2>
      <p className={ui.muted}>{t('flags.explain')}</p>
      {strong.length === 0 ? <p>{t('flags.none')}</p> : (
        <ul className={ui.list}>
          {strong.map((a) => (
            <li key={a.id} data-testid={`account-flag-${a.login}`}>
              <strong>{who(a)}</strong>
              <ul>
                {a.flags.map((f) => (
                  <li key={f.kind} data-flag={f.kind}>
                    {f.kind === 'unconfirmed' ? t('flags.unconfirmed') : t(`flags.${f.kind}`, { at: when(f.at), kind: f.kind === 'foreign_credential' ? t(`flags.credential.${f.credential}`) : '' })}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      {waiting.length > 0 && <p data-testid="account-flags-waiting">{t('flags.waiting', { count: waiting.length, names: listOf(locale, waiting.map(who), 'plain') })}</p>}
    </section>
  );
}
