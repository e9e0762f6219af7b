'use client';
// The receipt of a submitted ballot (or, while the chair has it reopened, of the one that still
// counts): the code published with the results, the scores it stands for in the reader's words, and
// the file to keep, which the "check my receipt" box on /results reads (lib/ballot/receipt-check.ts).
import { useState } from 'react';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { CanonicalBallot } from '@/lib/ballot/receipt';
import type { ReceiptLine } from '@/lib/ballot/queries';
import { receiptFileText } from '@/lib/ballot/receipt-check';
import { localTitle } from '@/lib/festival/names';
import ui from '@/app/components/ui.module.css';
import s from './ballot.module.css';

type Props = { receipt: string; submittedAt: string; canonical: CanonicalBallot; lines: ReceiptLine[]; reopened?: boolean; nominationLabel: string };

export function Receipt({ receipt, submittedAt, canonical, lines, reopened = false, nominationLabel }: Props) {
  const t = useTranslations('jury');
  const format = useFormatter();
  const locale = useLocale();
  const [copied, setCopied] = useState(false);
  const named = lines.map((l) => ({ candidate: l.candidateId, title: l.person ? `${l.person}, ${localTitle(l, locale)}` : localTitle(l, locale), score: l.value }));
  const file = receiptFileText({ about: t('receiptFileAbout', { nomination: nominationLabel }), receipt, submittedAt, ballot: canonical, lines: named });
  return (
    <section className={reopened ? ui.card : ui.success} aria-labelledby="receipt-heading" data-testid="receipt" data-reopened={reopened || undefined}>
      <h2 id="receipt-heading">{t(reopened ? 'receiptTitleReopened' : 'receiptTitle')}</h2>
      <p>{t(reopened ? 'receiptExplainReopened' : 'receiptExplain', { nomination: nominationLabel })}</p>
      <p data-testid="receipt-proves">{t('receiptProves', { nomination: nominationLabel })}</p>
      <p><strong>{t('receipt')}</strong> <code className={s.receipt} data-testid="receipt-hash">{receipt}</code></p>
      <details>
        <summary>{t('receiptScores', { count: named.length })}</summary>
        <table className={s.receiptTable} data-testid="receipt-lines">
          <thead><tr><th scope="col">{t('receiptCandidate')}</th><th scope="col">{t('receiptScore')}</th></tr></thead>
          <tbody>
            {named.map((l) => <tr key={l.candidate}><td>{l.title}</td><td>{format.number(l.score)}</td></tr>)}
          </tbody>
        </table>
      </details>
      <p className={ui.muted}>{t('receiptHowToCheck')}</p>
      <div className={s.row}>
        <button
          type="button"
          className={ui.button}
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(file);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
        <a className={`${ui.button} ${ui.secondary}`} download={`${t('receiptFileName', { nomination: nominationLabel })}.json`} href={`data:application/json;charset=utf-8,${encodeURIComponent(file)}`} data-testid="receipt-download">
          {t('download')}
        </a>
      </div>
    </section>
  );
}
