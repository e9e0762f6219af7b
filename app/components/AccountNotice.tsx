// The notice a juror (or the chair) sees after an approved change to their account, until they
// acknowledge it: every change approved on the account during voting, and every write made with or
// on it since the first (lib/juror/notice.ts), with who made it and when, in their language.
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { accountNotice } from '@/lib/juror/notice';
import { acknowledgeAccountNotice } from '@/app/jury/account-actions';
import { ActionButton } from './ActionButton';
import ui from './ui.module.css';

export async function AccountNotice({ userId }: { userId: number }) {
  const notice = accountNotice(getDb(), userId, await getLocale());
  if (!notice) return null;
  const t = await getTranslations('account');
  const tc = await getTranslations('common');
  const format = await getFormatter();
  const when = (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'medium' });
  const role = (r: string) => (tc.has(`role.${r}` as never) ? tc(`role.${r}` as never) : r);
  const what = (action: string) => (t.has(`write.${action}` as never) ? t(`write.${action}` as never) : t('write.other'));
  const subject = (s: { nomination?: string; film?: string } | null) =>
    s?.nomination ? ` — ${tc.has(`nomination.${s.nomination}` as never) ? tc(`nomination.${s.nomination}` as never) : s.nomination}` : s?.film ? ` — ${s.film}` : '';
  return (
    <section aria-labelledby="account-notice-heading" className={ui.notice} data-testid="account-notice" role="region">
      <h2 id="account-notice-heading">{t('notice.heading')}</h2>
      <p>{t('notice.intro')}</p>
      <ul>
        {notice.changes.map((c, i) => (
          <li key={i}><strong>{t('notice.change', { kind: t(`kind.${c.kind}`), at: when(c.at), role: c.decidedByRole ? role(c.decidedByRole) : '—' })}</strong></li>
        ))}
      </ul>
      <h3>{t('notice.writesHeading')}</h3>
      {notice.writes.length === 0 ? <p>{t('notice.noWrites')}</p> : (
        <ol data-testid="account-notice-writes">
          {notice.writes.map((w, i) => {
            const actor = w.actor === 'self' ? t('notice.self') : w.actor === 'unknown' ? t('notice.unknown') : t('notice.by', { role: role(w.actor) });
            return (
              <li key={i}>
                {w.count === 1
                  ? t('notice.write', { at: when(w.from), what: what(w.action), subject: subject(w.subject), actor })
                  : t('notice.writeRun', { from: when(w.from), to: when(w.to), what: what(w.action), subject: subject(w.subject), count: w.count, actor })}
              </li>
            );
          })}
        </ol>
      )}
      <ActionButton action={acknowledgeAccountNotice} label={t('notice.acknowledge')} testId="acknowledge-notice" />
    </section>
  );
}
