// What an approver reads beside a request, besides a display name (issue 20, route 2): the login
// (which cannot be relabelled), the login and name the request was filed about, a rename's new
// name, every name the account had and the account's history (lib/juror/approvals.ts).
import { getLocale, getTranslations } from 'next-intl/server';
import { whenFormatter } from '@/app/components/when';
import type { Approval } from '@/lib/juror/approvals';
import { personName } from '@/lib/festival/names';
import ui from './ui.module.css';

export async function ApprovalDetails({ approval }: { approval: Approval }) {
  const t = await getTranslations('account.approval');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const { at } = await whenFormatter();
  const when = (iso: string | null) => (iso ? at(iso) : t('unknownTime'));
  const shown = (n: { displayName: string | null; latinName: string | null }) => personName({ displayName: n.displayName ?? '', latinName: n.latinName }, locale);
  const who = (p: { name: string; latinName: string | null; role: 'juror' | 'chair' | 'organiser' } | null, self: boolean) =>
    self ? t('bySelf') : p ? t('by', { name: personName(p, locale), role: tc(`role.${p.role}`) }) : t('byNobody');
  const h = approval.history;
  return (
    <div data-testid={`approval-details-${approval.source}-${approval.id}`}>
      {h && <p>{t('login', { login: h.login })}</p>}
      {approval.filed && <p className={ui.muted}>{t('filed', { login: approval.filed.login, name: shown(approval.filed) })}</p>}
      {approval.proposed && (
        <p>{approval.kind === 'rename' ? t('newName', { name: shown(approval.proposed) }) : t('newOrganiser', { login: approval.proposed.login ?? '', name: shown(approval.proposed) })}</p>
      )}
      {h && (
        <details>
          <summary>{t('namesHeading', { count: h.names.length })}</summary>
          <ol data-testid="approval-names">
            {h.names.map((n, i) => <li key={i}>{t('name', { name: shown(n), at: when(n.at), by: who(n.by, n.self) })}</li>)}
          </ol>
        </details>
      )}
      {h && (
        <details>
          <summary>{t('historyHeading', { count: h.events.length })}</summary>
          {h.events.length === 0 ? <p className={ui.muted}>{t('noHistory')}</p> : (
            <ol data-testid="approval-history">
              {h.events.map((e, i) => <li key={i}>{t('event', { what: t(`what.${e.kind}`), at: when(e.at), by: who(e.by, e.self) })}</li>)}
            </ol>
          )}
        </details>
      )}
    </div>
  );
}
