'use client';
// The receipt of a submitted ballot (or, while the chair has it reopened, of the one that still
// counts): the code published with the results, the scores it stands for in the reader's words, and
// the file to keep, which the "check my receipt" box on /results reads (lib/runoff/receipt-check.ts):
// downloading that file is the main action, copying the code a secondary one. After a submit, the way
// on to the next nomination.
import { useState } from 'react';
import Link from 'next/link';
import { useFormatter, useLocale, useTranslations } from 'next-intl';
import type { CanonicalBallot } from '@/lib/ballot/receipt';
import type { ReceiptLine } from '@/lib/ballot/queries';
import { receiptFileText } from '@/lib/runoff/receipt-check';
import { candidateName, localTitle } from '@/lib/festival/names';
import ui from '@/app/components/ui.module.css';
import s from './ballot.module.css';

type Props = {
  receipt: string; submittedAt: string; canonical: CanonicalBallot; lines: ReceiptLine[]; reopened?: boolean; nominationLabel: string;
  /** Just submitted: the next nomination open to the juror, or null when none is left; undefined shows no way on. */
  next?: { code: string; label: string } | null;
};

export function Receipt({ receipt, submittedAt, canonical, lines, reopened = false, nominationLabel, next }: Props) {
  const t = useTranslations('jury');
  const format = useFormatter();
  const locale = useLocale();
  const [copied, setCopied] = useState(false);
  const named = lines.map((l) => ({ candidate: l.candidateId, title: candidateName({ person: l.person, title: localTitle(l, locale) }), score: l.value }));
  const file = receiptFileText({ about: t('receiptFileAbout', { nomination: nominationLabel }), receipt, submittedAt, ballot: canonical, lines: named });
  return (
    <section className={reopened ? ui.card : ui.success} aria-labelledby="receipt-heading" data-testid="receipt" data-reopened={reopened || undefined}>
      <h2 id="receipt-heading" tabIndex={-1}>{t(reopened ? 'receiptTitleReopened' : 'receiptTitle')}</h2>
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
      <div className={s.row}>
        <a className={ui.button} download={`${t('receiptFileName', { nomination: nominationLabel })}.json`} href={`data:application/json;charset=utf-8,${encodeURIComponent(file)}`} data-testid="receipt-download" aria-describedby="receipt-keep">
          {t('download')}
        </a>
        <button
          type="button"
          className={`${ui.button} ${ui.secondary}`}
          data-testid="receipt-copy"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(receipt);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {copied ? t('copied') : t('copy')}
        </button>
      </div>
      <p id="receipt-keep">{t('receiptKeep')}</p>
      <p className={ui.muted}>{t('receiptHowToCheck')}</p>
      {next !== undefined && (
        <p data-testid="next-nomination">
          {next ? <Link prefetch={false} href={`/jury/${next.code}`} className={ui.button}>{t('nextNomination', { nomination: next.label })}</Link> : <>{t('allSubmitted')} <Link prefetch={false} href="/jury">{t('backToNominations')}</Link></>}
        </p>
      )}
    </section>
  );
}
