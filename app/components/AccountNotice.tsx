// The notice a juror (or the chair) sees at sign-in: their account's history not yet answered
// (lib/account/history.ts: every credential set and who set it, every sign-in with its device and
// address), and every change approved on the account during voting with every write made with or on
// it since the first (lib/juror/notice.ts), with who made it and when, in their language. They answer
// "this was all me" or "something here was not me"; the chair sees the latter.
import { getLocale, getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/lib/database';
import { getCurrentUser } from '@/lib/auth';
import { currentDeviceId } from '@/lib/auth/from';
import { deviceWords } from '@/lib/account/device';
import { ownHistory, type HistoryEvent } from '@/lib/account/history';
import { accountNotice } from '@/lib/juror/notice';
import { acknowledgeAccountNotice, answerHistory } from '@/app/jury/account-actions';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import ui from './ui.module.css';
import { nominationName } from '@/i18n/names';
import { translateKnown } from '@/i18n/known';

export async function AccountNotice({ userId }: { userId: number }) {
  const db = getDb();
  const me = await getCurrentUser();
  const notice = accountNotice(db, userId, await getLocale());
  const history = ownHistory(db, me?.id === userId ? me : null, await currentDeviceId());
  const asking = !!history?.needsAnswer;
  if (!notice && !asking) return null;
  const t = await getTranslations('account');
  const tc = await getTranslations('common');
  const when = (await whenFormatter()).atExact;
  const role = (r: string) => translateKnown(tc, `role.${r}`, () => r);
  const what = (action: string) => translateKnown(t, `write.${action}`, () => t('write.other'));
  const subject = (s: { nomination?: string; film?: string } | null) =>
    s?.nomination ? ` — ${nominationName(tc, s.nomination)}` : s?.film ? ` — ${s.film}` : '';
  const device = (d: string | null) => deviceWords(d, tc);
  const address = (a: string | null) => (!a || a === 'unknown' ? t('history.unknownAddress') : a);
  const line = (e: HistoryEvent) => {
    const here = e.thisDevice ? t('history.here') : '';
    if (e.type === 'signIn') return t(`history.signIn.${e.via}`, { at: when(e.at), device: device(e.device), address: address(e.address), here });
    // Always chosen in the account's own session: whoever sat at it, the device and address tell.
    if (e.kind === 'chosen') return t('history.credential.chosen', { at: when(e.at), device: device(e.device), address: address(e.address), here });
    return t(`history.credential.${e.kind}`, { at: when(e.at), by: role(e.by === 'self' ? 'juror' : e.by) });
  };
  return (
    <section aria-labelledby="account-notice-heading" className={ui.notice} data-testid="account-notice" role="region">
      <h2 id="account-notice-heading">{asking ? t('history.heading') : t('notice.heading')}</h2>
      {asking && history && (
        <>
          <p>{t('history.intro')}</p>
          <ol data-testid="account-history">
            {history.events.map((e) => (
              <li key={`${e.type}-${e.id}`} data-testid={e.type === 'credential' ? `history-credential-${e.kind}` : 'history-sign-in'}>
                {e.type === 'credential' && e.by !== 'self' ? <strong>{line(e)}</strong> : line(e)}
              </li>
            ))}
          </ol>
        </>
      )}
      {notice && (
        <>
          {asking && <h3>{t('notice.heading')}</h3>}
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
        </>
      )}
      {asking ? (
        <>
          <ActionForm action={answerHistory} fields={{ verdict: 'mine' }} submit={t('history.mine')} testId="acknowledge-notice" />
          <ActionForm action={answerHistory} fields={{ verdict: 'not_me' }} submit={t('history.notMe')} variant="danger" testId="report-not-me" />
        </>
      ) : (
        <ActionForm action={acknowledgeAccountNotice} submit={t('notice.acknowledge')} testId="acknowledge-notice" />
      )}
    </section>
  );
}
