'use client';
// The receipt of a submitted ballot (or, while the chair has it reopened, of the one that still counts): the hash published with the results, and the salt and
// canonical ballot only this juror holds, to copy or download and recompute it.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import type { CanonicalBallot } from '@/lib/ballot/receipt';
import ui from '@/app/components/ui.module.css';
import s from './ballot.module.css';

type Props = { receipt: string; salt: string; submittedAt: string; canonical: CanonicalBallot; reopened?: boolean; nominationLabel: string };

export function Receipt({ receipt, salt, submittedAt, canonical, reopened = false, nominationLabel }: Props) {
  const t = useTranslations('jury');
  const [copied, setCopied] = useState(false);
  const file = JSON.stringify({ receipt, submittedAt, ballot: canonical, howToCheck: 'sha256 of the canonical JSON (keys sorted, no spaces) of "ballot" equals "receipt"' }, null, 2);
  return (
    <section className={reopened ? ui.card : ui.success} aria-labelledby="receipt-heading" data-testid="receipt" data-reopened={reopened || undefined}>
      <h2 id="receipt-heading">{t(reopened ? 'receiptTitleReopened' : 'receiptTitle')}</h2>
      <p>{t(reopened ? 'receiptExplainReopened' : 'receiptExplain', { nomination: nominationLabel })}</p>
      <p><strong>{t('receipt')}</strong> <code className={s.receipt} data-testid="receipt-hash">{receipt}</code></p>
      <p><strong>{t('salt')}</strong> <code className={s.receipt}>{salt}</code></p>
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
        <a className={`${ui.button} ${ui.secondary}`} download={`receipt-${canonical.nomination}.json`} href={`data:application/json;charset=utf-8,${encodeURIComponent(file)}`}>
          {t('download')}
        </a>
      </div>
    </section>
  );
}
