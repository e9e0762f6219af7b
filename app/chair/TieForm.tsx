'use client';
// The chair's decision on a tie that blocks an award: a casting vote for one of the tied
// candidates or, where the nomination allows ex aequo, the award shared among them. A dialog says
// what the decision does before it is recorded; a recorded decision can be changed (the later one
// supersedes) until finalisation.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { listOf } from '@/lib/locale/lists';
import { decideTie } from './actions';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import ui from '@/app/components/ui.module.css';

type Props = { nomination: string; nominationName: string; tied: { id: string; name: string }[]; sharedAllowed: boolean; maxWinners: number; changing?: boolean };

export function TieForm({ nomination, nominationName, tied, sharedAllowed, maxWinners, changing = false }: Props) {
  const t = useTranslations('chair');
  const locale = useLocale();
  const router = useRouter();
  const [choice, setChoice] = useState<string>('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const canShare = sharedAllowed && tied.length <= maxWinners;
  const shared = choice === '__shared';
  const chosenName = tied.find((c) => c.id === choice)?.name ?? '';
  return (
    <form
      data-testid={`tie-${nomination}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (!choice) { setError(t('tie.chooseFirst')); return; }
        setError(null);
        setConfirming(true);
      }}
    >
      <fieldset>
        <legend>{t(changing ? 'tie.legendChange' : 'tie.legend', { count: tied.length })}</legend>
        {tied.map((c) => (
          <div key={c.id} className={ui.row}>
            <input type="radio" id={`tie-${nomination}-${c.id}`} name={`tie-${nomination}`} value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} />
            <label htmlFor={`tie-${nomination}-${c.id}`}>{t('tie.castFor', { name: c.name })}</label>
          </div>
        ))}
        {canShare && (
          <div className={ui.row}>
            <input type="radio" id={`tie-${nomination}-shared`} name={`tie-${nomination}`} value="__shared" checked={shared} onChange={() => setChoice('__shared')} />
            <label htmlFor={`tie-${nomination}-shared`}>{t('tie.shared', { count: tied.length })}</label>
          </div>
        )}
      </fieldset>
      <div className={ui.field}>
        <label htmlFor={`tie-${nomination}-reason`}>{t('tie.reason')}</label>
        <input id={`tie-${nomination}-reason`} className={ui.input} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
      </div>
      <button type="submit" className={ui.button} disabled={pending}>{t(changing ? 'tie.change' : 'tie.record')}</button>
      {error && <p role="alert" className={ui.error}>{error}</p>}
      <ConfirmDialog
        open={confirming}
        title={t('tie.confirmTitle', { nomination: nominationName })}
        message={<p>{shared ? t('tie.confirmShared', { names: listOf(locale, tied.map((c) => c.name)), nomination: nominationName }) : t('tie.confirmCasting', { name: chosenName, nomination: nominationName })} {t('tie.confirmChangeable')}</p>}
        confirmLabel={t('tie.confirm')}
        pending={pending}
        testId={`tie-${nomination}-confirm`}
        onCancel={() => setConfirming(false)}
        onConfirm={() =>
          start(async () => {
            const r = await decideTie({ nomination, kind: shared ? 'shared' : 'casting_vote', tied: tied.map((c) => c.id), chosen: shared ? tied.map((c) => c.id) : [choice], reason });
            setConfirming(false);
            if (r.ok) { setError(null); setChoice(''); setReason(''); router.refresh(); } else setError(r.message);
          })
        }
      />
    </form>
  );
}
