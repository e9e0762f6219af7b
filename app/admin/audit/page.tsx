// The audit log: every write, newest first, filtered by actor and action, with the state of the
// hash chain. Score values, notes and receipts arrive redacted from the query, before and after publication.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { personName } from '@/lib/festival/names';
import { whenFormatter } from '@/app/components/when';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { verifyChain } from '@/lib/audit';
import { auditFilters, auditPage } from '@/lib/admin/audit-log';
import { ScrollTable } from '@/app/components/ScrollTable';
import ui from '@/app/components/ui.module.css';
import s from '../components/admin.module.css';
import { translateKnown } from '@/i18n/known';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('audit.title') };
}

type Search = Promise<Record<string, string | string[] | undefined>>;
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

export default async function AuditPage({ searchParams }: { searchParams: Search }) {
  await requireRole('organiser');
  const t = await getTranslations('admin');
  const when = await whenFormatter();
  const locale = await getLocale();
  // Actions by their name in the reader's language; the code stays in the filter's value and the URL.
  const actionName = (a: string) => translateKnown(t, `audit.actions.${a.replace('.', '_')}`, () => t('audit.actionOther'));
  const sp = await searchParams;
  const db = getDb();
  const actor = Number(one(sp.actor)) || null;
  const action = one(sp.action).slice(0, 100) || null;
  const { rows, page, pages, total, countable, oneOfSeveral } = auditPage(db, { page: Number(one(sp.page)) || 1, actorId: actor, action });
  const { actors, actions } = auditFilters(db);
  const chain = verifyChain(db);
  const link = (p: number) => `/admin/audit?${new URLSearchParams({ ...(actor ? { actor: String(actor) } : {}), ...(action ? { action } : {}), page: String(p) })}`;
  return (
    <main>
      <h1>{t('audit.title')}</h1>
      <p role="status" className={chain.ok ? ui.success : ui.alert} data-testid="chain-status">
        {chain.ok ? (countable ? t('audit.chainOk', { count: chain.entries }) : t('audit.chainOkAll')) : t('audit.chainBroken', { id: chain.brokenAt })}
      </p>
      <p className={ui.muted}>{t('audit.redacted')}</p>
      {oneOfSeveral && <p className={ui.muted} data-testid="audit-one-jury">{t('audit.oneJury')}</p>}
      <form method="get" action="/admin/audit" className={`${ui.card} ${s.fields}`} aria-label={t('audit.filter')}>
        <div className={ui.field}>
          <label htmlFor="audit-actor">{t('audit.actor')}</label>
          <select id="audit-actor" name="actor" defaultValue={actor ? String(actor) : ''} className={ui.input}>
            <option value="">{t('audit.all')}</option>
            {actors.map((a) => <option key={a.id} value={String(a.id)}>{personName(a, locale)} ({a.login})</option>)}
          </select>
        </div>
        <div className={ui.field}>
          <label htmlFor="audit-action">{t('audit.action')}</label>
          <select id="audit-action" name="action" defaultValue={action ?? ''} className={ui.input}>
            <option value="">{t('audit.all')}</option>
            {actions.map((a) => <option key={a} value={a}>{actionName(a)}</option>)}
          </select>
        </div>
        <div className={s.actions}><button type="submit" className={ui.button}>{t('audit.apply')}</button></div>
      </form>
      <p className={ui.muted}>{t('audit.count', { count: total, page, pages })}</p>
      <ScrollTable label={t('audit.title')}>
        <table className={s.table} data-testid="audit">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('audit.at')}</th>
              <th scope="col">{t('audit.actor')}</th>
              <th scope="col">{t('audit.action')}</th>
              <th scope="col">{t('audit.payload')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{r.id}</td>
                <td><time dateTime={r.at}>{when.atExact(r.at)}</time></td>
                <td>{r.actor ? `${personName({ name: r.actor, latinName: r.actorLatinName }, locale)} (${r.actorLogin})` : t('audit.system')}</td>
                <td data-action={r.action}>{actionName(r.action)}</td>
                {/* The stored record itself (what `npm run audit:verify` replays), behind a disclosure: the row reads in words. */}
                <td><details><summary>{t('audit.payloadShow')}</summary><pre className={s.payload} data-testid="audit-payload">{r.payload}</pre></details></td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      <nav className={s.pager} aria-label={t('audit.pages')}>
        {page > 1 && <Link href={link(page - 1)}>{t('audit.newer')}</Link>}
        <span>{t('audit.pageOf', { page, pages })}</span>
        {page < pages && <Link href={link(page + 1)}>{t('audit.older')}</Link>}
      </nav>
    </main>
  );
}
