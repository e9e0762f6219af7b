'use client';
// Declaring a conflict of interest: a reason, and what it covers said before the juror confirms.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import ui from '@/app/components/ui.module.css';
import s from './ballot.module.css';

export function RecusalForm({ onCancel, onConfirm, pending, id }: { onCancel: () => void; onConfirm: (reason: string) => void; pending: boolean; id: string | number }) {
  const t = useTranslations('jury');
  const [reason, setReason] = useState('');
  return (
    <div className={s.row}>
      <p className={s.recusalCovers} id={`recusal-covers-${id}`}>{t('recusalCovers')}</p>
      <label htmlFor={`recusal-${id}`} className={s.noteLabel}>{t('recusalReason')}</label>
      <input id={`recusal-${id}`} className={ui.input} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} aria-describedby={`recusal-covers-${id}`} autoFocus />
      <button type="button" className={ui.button} disabled={pending || reason.trim().length < 3} onClick={() => onConfirm(reason)}>{t('confirmRecusal')}</button>
      <button type="button" className={s.small} onClick={onCancel}>{t('cancel')}</button>
    </div>
  );
}
