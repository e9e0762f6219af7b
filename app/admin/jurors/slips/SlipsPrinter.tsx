'use client';
// Generates the slips (after a confirmation: every juror's current password stops working) and
// lays them out one per card for printing.
import { useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import ui from '@/app/components/ui.module.css';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import { issueSignInSlips } from '@/app/admin/actions/jurors';
import { ISSUE_SLIPS } from '@/lib/juror/slips-confirm';
import s from './slips.module.css';

type Data = { address: string; qrSvg: string; slips: { login: string; displayName: string; latinName: string | null; role: 'juror' | 'chair'; password: string }[] };

export function SlipsPrinter() {
  const t = useTranslations('admin.slips');
  const tc = useTranslations('common');
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
          {data.slips.map((slip) => (
            <li key={slip.login} className={s.slip} data-testid="slip">
              <div className={s.qr} aria-hidden="true" dangerouslySetInnerHTML={{ __html: data.qrSvg }} />
              <div>
                <p className={s.name}>{slip.displayName}{slip.latinName && slip.latinName !== slip.displayName ? <span className={s.latin}> ({slip.latinName})</span> : null}</p>
                <p className={s.role}>{tc(`role.${slip.role}`)}</p>
                <dl className={s.details}>
                  <dt>{t('address')}</dt><dd className={s.mono}>{data.address}</dd>
                  <dt>{t('login')}</dt><dd className={s.mono} data-testid="slip-login">{slip.login}</dd>
                  <dt>{t('password')}</dt><dd className={s.mono} data-testid="slip-password">{slip.password}</dd>
                </dl>
                <p className={s.note}>{t('note')}</p>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
