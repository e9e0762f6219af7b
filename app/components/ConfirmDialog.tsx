'use client';
// The confirmation step before anything that changes an outcome: a modal <dialog> that says what
// will happen, with "Cancel" focused first so that a stray Enter or a second click does not confirm.
// The native dialog traps focus, closes on Escape and is announced with its title and text; when it
// closes, the focus goes back to what had it before (the button that asked), so a dismissed dialog
// leaves the keyboard where it was.
import { useEffect, useId, useRef } from 'react';
import { useTranslations } from 'next-intl';
import ui from './ui.module.css';
import s from './confirm.module.css';

type Props = {
  open: boolean;
  title: string;
  message: React.ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  pending?: boolean;
  variant?: 'primary' | 'danger';
  testId?: string;
};

export function ConfirmDialog({ open, title, message, confirmLabel, onConfirm, onCancel, pending = false, variant = 'primary', testId }: Props) {
  const t = useTranslations('common.confirmDialog');
  const ref = useRef<HTMLDialogElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const id = useId();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      opener.current = document.activeElement as HTMLElement | null;
      d.showModal();
      cancelRef.current?.focus();
    } else if (!open && d.open) {
      d.close();
      if (opener.current?.isConnected) opener.current.focus();
      opener.current = null;
    }
  }, [open]);
  return (
    <dialog
      ref={ref}
      className={s.dialog}
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid={testId}
      onCancel={(e) => { e.preventDefault(); onCancel(); }}
    >
      <h2 id={`${id}-title`} className={s.title}>{title}</h2>
      <div id={`${id}-text`}>{message}</div>
      <div className={s.actions}>
        <button ref={cancelRef} type="button" className={`${ui.button} ${ui.secondary}`} onClick={onCancel} disabled={pending}>{t('cancel')}</button>
        <button type="button" className={variant === 'danger' ? `${ui.button} ${ui.danger}` : ui.button} onClick={onConfirm} disabled={pending} aria-disabled={pending}>{confirmLabel}</button>
      </div>
    </dialog>
  );
}
