'use client';
// The chair reopens one juror's submitted ballot, with a stated reason the juror will see.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { reopenBallot } from '@/app/jury/actions';
import ui from '@/app/components/ui.module.css';

type Option = { jurorId: number; nominationId: number; label: string };

export function ReopenBallotForm({ options }: { options: Option[] }) {
  const t = useTranslations('chair');
  const router = useRouter();
  const [sel, setSel] = useState('');
  const [reason, setReason] = useState('');
  const [msg, setMsg] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, start] = useTransition();
  if (options.length === 0) return <p className={ui.muted}>{t('reopenBallot.none')}</p>;
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        const o = options[Number(sel)];
        if (!o) return;
        start(async () => {
          const r = await reopenBallot({ jurorId: o.jurorId, nominationId: o.nominationId, reason });
          if (r.ok) { setMsg({ ok: true, text: t('reopenBallot.done') }); setReason(''); setSel(''); router.refresh(); } else setMsg({ ok: false, text: r.message });
        });
      }}
    >
      <div className={ui.field}>
        <label htmlFor="reopen-ballot">{t('reopenBallot.which')}</label>
        <select id="reopen-ballot" className={ui.input} value={sel} onChange={(e) => setSel(e.target.value)}>
          <option value="">—</option>
          {options.map((o, i) => <option key={`${o.jurorId}-${o.nominationId}`} value={i}>{o.label}</option>)}
        </select>
      </div>
      <div className={ui.field}>
        <label htmlFor="reopen-ballot-reason">{t('reopenBallot.reason')}</label>
        <input id="reopen-ballot-reason" className={ui.input} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </div>
      <button type="submit" className={`${ui.button} ${ui.secondary}`} disabled={pending || !sel}>{t('reopenBallot.submit')}</button>
      {msg && <p role={msg.ok ? 'status' : 'alert'} className={msg.ok ? ui.muted : ui.error}>{msg.text}</p>}
    </form>
  );
}
