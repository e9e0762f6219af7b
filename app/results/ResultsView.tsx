// One jury's published results (or the chair's preview once finalised): awards, runoffs, rules, the jury,
// the receipts and their check, the exports, the audit heads. Shown for the served jury at /results and for
// any published jury at its own address (/results/<edition>/<jury>): `fest` is the jury, `base` the address
// its exports and protocol hang from.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { DB } from '@/db';
import type { Festival, PublicationLevel } from '@/db/schema';
import { festivalCity, festivalName } from '@/lib/festival/names';
import { nestQuotes } from '@/lib/locale/quotes';
import { listNominations } from '@/lib/festival/queries';
import { awardsDecidedBy, awardsList, juryList, receiptList, shownLevel } from '@/lib/round/results';
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
import { nominationName } from '@/i18n/names';

export async function ResultsView({ db, fest, base, heading, children }: { db: DB; fest: Festival; base: string; heading?: React.ReactNode; children?: React.ReactNode }) {
  const t = await getTranslations('results');
  const ta = await getTranslations('account');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const receipts = receiptList(db, fest);
  const awards = awardsList(db, fest);
  const jury = juryList(db, fest);
  const award = (code: string) => nominationName(tc, code);
  return (
    <main className={ui.main}>
      <h1>{nestQuotes(locale, t('heading', { festival: festivalName(fest, locale), city: festivalCity(fest, locale) }))}</h1>
      {heading}
      {fest.phase !== 'published' && <p className={ui.notice}>{t('preview')}</p>}
      <section aria-labelledby="awards-heading">
        <h2 id="awards-heading">{t('awards')}</h2>
        <AwardList awards={awards} decidedBy={awardsDecidedBy(db, awards, fest)} />
        <NotAwarded items={notAwardedList(db, fest.id)} />
      </section>
      <RunoffResults db={db} fest={fest} />
      <section aria-labelledby="rules-heading" className={ui.card}>
        <h2 id="rules-heading">{t('rulesHeading')}</h2>
        <RulesSummary fest={fest} nominations={listNominations(db, fest.id)} />
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
        <RunoffReceiptList db={db} juryId={fest.id} />
      </section>
      {/* Ballot and runoff receipts alike: a juror checks either file here. */}
      <CheckReceipt published={[...receipts, ...runoffReceiptList(db, fest.id)].map((r) => ({ nomination: award(r.nomination), receipt: r.receipt }))} />
      <section aria-labelledby="exports-heading" className="no-print">
        <h2 id="exports-heading">{t('exports')}</h2>
        <Exports level={shownLevel(fest)} base={base} />
        <p>{t('hash')} <code style={{ wordBreak: 'break-all' }}>{fest.finalHash}</code></p>
      </section>
      <AuditHead fest={fest} />
      {children}
    </main>
  );
}

export async function Exports({ level, base }: { level: PublicationLevel; base: string }) {
  const t = await getTranslations('results');
  return (
    <ul>
      <li><a href={`${base}/export/awards.csv`}>{t('exportCsv')}</a></li>
      <li><a href={`${base}/export/festival.json`}>{level === 'awards' ? t('exportJsonAwards') : t('exportJson')}</a></li>
      <li><Link href={`${base}/protocol`}>{t('protocol')}</Link></li>
    </ul>
  );
}
