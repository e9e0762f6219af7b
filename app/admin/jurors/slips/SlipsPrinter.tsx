'use client';
// Generates the slips (after a confirmation: every juror's current password stops working) and
// lays them out one per card for printing.
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import ui from '@/app/components/ui.module.css';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import { issueSignInSlips } from '@/app/admin/actions/jurors';
import { ISSUE_SLIPS } from '@/lib/juror/slips-confirm';
import { SlipCard } from './SlipCard';
import s from './slips.module.css';

type Data = Extract<Awaited<ReturnType<typeof issueSignInSlips>>, { ok: true }>['data'];

export function SlipsPrinter() {
  const t = useTranslations('admin.slips');
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const [asking, setAsking] = useState(false);
  return (
    <>
      <div className="no-print">
        <button type="button" className={ui.button} disabled={pending} data-testid="issue-slips"
          onClick={() => setAsking(true)}>
          {pending ? t('pending') : t('issue')}
        </button>
        <ConfirmDialog
          open={asking}
          title={t('issue')}
          message={<p>{t('confirm')}</p>}
          confirmLabel={t('issue')}
          variant="danger"
          testId="issue-slips-confirm"
          onCancel={() => setAsking(false)}
          onConfirm={() => {
            setAsking(false);
            setError(null);
            start(async () => {
              const r = await issueSignInSlips(ISSUE_SLIPS);
              if (r.ok) setData(r.data); else setError(r.message);
            });
          }}
        />
        {error && <p role="alert" className={ui.alert}>{error}</p>}
        {data && (
          <p role="status" className={ui.success}>
            {t('issued', { count: data.slips.length })}{' '}
            <button type="button" className={`${ui.button} ${ui.secondary}`} onClick={() => window.print()}>{t('print')}</button>
          </p>
        )}
      </div>
      {data && (
        <ul className={s.slips} data-testid="slips">
          {data.slips.map((slip) => <SlipCard key={slip.login} slip={slip} address={data.address} qrSvg={data.qrSvg} />)}
        </ul>
      )}
    </>
  );
}
