'use client';
// "Check my receipt": the juror chooses the receipt file they downloaded, and this page recomputes its
// code with WebCrypto and looks it up among the receipts already shown here. The file never leaves
// the browser (no fetch, no server action), and the page learns nothing it did not already show.
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import { canCheckHere, checkReceiptFile, webSha256Hex, type PublishedReceipt, type ReceiptCheck } from '@/lib/runoff/receipt-check';
import ui from '@/app/components/ui.module.css';

type Outcome = ReceiptCheck | { kind: 'unsupported' } | null;

/** `published`: the receipts listed on the page, each with its award's name in the reader's language. */
export function CheckReceipt({ published }: { published: PublishedReceipt[] }) {
  const t = useTranslations('results.check');
  const inputId = useId();
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function onFile(file: File | undefined) {
    if (!file) return setOutcome(null);
    if (!canCheckHere()) return setOutcome({ kind: 'unsupported' });
    // A receipt file is a few kilobytes; anything far larger is not one, and is not read.
    if (file.size > 1_000_000) return setOutcome({ kind: 'unreadable' });
    setOutcome(await checkReceiptFile(await file.text(), published, webSha256Hex));
  }

  const tone = outcome?.kind === 'matches' ? ui.success : outcome?.kind === 'altered' || outcome?.kind === 'none' ? ui.alert : ui.notice;
  return (
    <section aria-labelledby="check-heading" className={`${ui.card} no-print`}>
      <h2 id="check-heading">{t('heading')}</h2>
      <p>{t('explain')}</p>
      <div className={ui.field}>
        <label htmlFor={inputId}>{t('file')}</label>
        <input id={inputId} type="file" accept=".json,application/json" data-testid="check-receipt-file" onChange={(e) => void onFile(e.currentTarget.files?.[0])} />
      </div>
      <div aria-live="polite" data-testid="check-receipt-result" data-outcome={outcome?.kind}>
        {outcome && (
          <p className={tone}>
            {outcome.kind === 'matches'
              ? t(outcome.runoff ? 'matchesRunoff' : 'matches', { award: outcome.nomination })
              : (outcome.kind === 'altered' || outcome.kind === 'none') && outcome.runoff ? t(`${outcome.kind}Runoff`) : t(outcome.kind)}
          </p>
        )}
      </div>
    </section>
  );
}
