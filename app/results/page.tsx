// Public results once published: awards, method and rules, the jury, and the receipts of every
// counted ballot. Before publication nobody but the chair sees anything here; the organisers
// get the publish button and the exports once the awards are finalised.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { festivalCity, festivalName } from '@/lib/festival/names';
import { nestQuotes } from '@/lib/locale/quotes';
import { getDb } from '@/lib/database';
import { getCurrentUser } from '@/lib/auth';
import { listNominations } from '@/lib/festival/queries';
import { awardsDecidedBy, awardsList, juryList, receiptList, shownLevel } from '@/lib/round/results';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { publish } from '@/app/chair/actions';
import { juryMemberText } from '@/app/results/jury-member';
import { Hash } from '@/app/components/Hash';
import { AwardList } from './AwardList';
import { NotAwarded } from './NotAwarded';
import { notAwardedList } from '@/lib/round/not-awarded';
import { RulesSummary } from './RulesSummary';
import { RunoffReceiptList, RunoffResults } from './RunoffResults';
import { runoffReceiptList } from '@/lib/count/runoffs';
import { AuditHead } from './AuditHead';
import { CheckReceipt } from './CheckReceipt';
import ui from '@/app/components/ui.module.css';
import { getFestival } from '@/lib/festival/phase';
import type { PublicationLevel } from '@/db/enums';
import { nominationName } from '@/i18n/names';

export async function generateMetadata() {
  return { title: (await getTranslations('results'))('title') };
}

export default async function ResultsPage() {
  const t = await getTranslations('results');
  const ta = await getTranslations('account');
  const tc = await getTranslations('common');
  const db = getDb();
  const fest = getFestival(db);
  const user = await getCurrentUser();
  const visible = fest.phase === 'published' || (fest.phase === 'finalised' && user?.role === 'chair');
  const organiserAfterFinal = fest.phase === 'finalised' && user?.role === 'organiser';
  if (!visible) {
    return (
      <main className={ui.main}>
        <h1>{t('title')}</h1>
        <p className={ui.notice} data-testid="not-published">{t('notYetPublished')}</p>
        {organiserAfterFinal && (
          <section className={ui.card}>
            <p>{t('readyToPublish')}</p>
            <ActionForm action={publish} submit={t('publish')} confirm={t('publishConfirm')} testId="publish" />
            <Exports level={shownLevel(fest)} />
          </section>
        )}
      </main>
    );
  }
  const locale = await getLocale();
  const receipts = receiptList(db);
  const awards = awardsList(db);
  const jury = juryList(db);
  const award = (code: string) => nominationName(tc, code);
  return (
    <main className={ui.main}>
      <h1>{nestQuotes(locale, t('heading', { festival: festivalName(fest, locale), city: festivalCity(fest, locale) }))}</h1>
      {fest.phase !== 'published' && <p className={ui.notice}>{t('preview')}</p>}
      <section aria-labelledby="awards-heading">
        <h2 id="awards-heading">{t('awards')}</h2>
        <AwardList awards={awards} decidedBy={awardsDecidedBy(db, awards)} />
        <NotAwarded items={notAwardedList(db)} />
      </section>
      <RunoffResults db={db} />
      <section aria-labelledby="rules-heading" className={ui.card}>
        <h2 id="rules-heading">{t('rulesHeading')}</h2>
        <RulesSummary fest={fest} nominations={listNominations(db)} />
      </section>
      <section aria-labelledby="publication-heading">
        <h2 id="publication-heading">{t('publicationHeading')}</h2>
        <p data-testid="publication-level" data-level={fest.publicationLevel}>{t(`publicationLevel.${fest.publicationLevel}`)}</p>
      </section>
      {/* The jury list with countries is public at every festival; nothing in the exports links a
          score, a ballot or a recusal to a name or a country (README, "What each role can learn"). */}
      <section aria-labelledby="jury-heading">
        <h2 id="jury-heading">{t('jury')}</h2>
        <ul data-testid="jury">
          {jury.map((j) => <li key={j.id}>{juryMemberText(j, locale, { chair: t('chairOfJury'), left: ta('leftJury') })}</li>)}
        </ul>
      </section>
      <section aria-labelledby="receipts-heading">
        <h2 id="receipts-heading">{t('receipts')}</h2>
        <p className={ui.muted}>{t('receiptsExplain', { count: receipts.length })}</p>
        <details>
          <summary>{t('showReceipts', { count: receipts.length })}</summary>
          <ul data-testid="receipts" style={{ fontSize: 'var(--text-xs)' }}>
            {receipts.map((r) => <li key={r.receipt} data-receipt-of={r.nomination}>{award(r.nomination)}: <Hash value={r.receipt} /></li>)}
          </ul>
        </details>
        <RunoffReceiptList db={db} />
      </section>
      {/* Ballot and runoff receipts alike: a juror checks either file here. */}
      <CheckReceipt published={[...receipts, ...runoffReceiptList(db)].map((r) => ({ nomination: award(r.nomination), receipt: r.receipt }))} />
      <section aria-labelledby="exports-heading" className="no-print">
        <h2 id="exports-heading">{t('exports')}</h2>
        <Exports level={shownLevel(fest)} />
        <p>{t('hash')} <code style={{ wordBreak: 'break-all' }}>{fest.finalHash}</code></p>
      </section>
      <AuditHead fest={fest} />
    </main>
  );
}

async function Exports({ level }: { level: PublicationLevel }) {
  const t = await getTranslations('results');
  return (
    <ul>
      <li><a href="/results/export/awards.csv">{t('exportCsv')}</a></li>
      <li><a href="/results/export/festival.json">{level === 'awards' ? t('exportJsonAwards') : t('exportJson')}</a></li>
      <li><Link href="/results/protocol">{t('protocol')}</Link></li>
    </ul>
  );
}
