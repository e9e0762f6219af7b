'use client';
// A chair's action that changes the outcome (close, reopen, open the special round, waive it,
// withdraw a decision, finalise): the button opens a dialog that says what will happen, and only
// "Confirm" there runs the action. A refusal is shown in words under the button.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import ui from '@/app/components/ui.module.css';

type Result = { ok: true } | { ok: false; message: string };

type Props = {
  action: (args: Record<string, unknown>) => Promise<Result>;
  args?: Record<string, unknown>;
  label: string;
  /** The dialog: its title, what the action will do, and the confirming button's label. */
  title: string;
  message: string;
  confirmLabel: string;
  reasonLabel?: string;
  checkboxField?: string;
  checkboxLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  testId?: string;
};

export function ConfirmAction({ action, args = {}, label, title, message, confirmLabel, reasonLabel, checkboxField, checkboxLabel, variant = 'primary', testId }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const id = `${testId ?? label}`.replace(/\W+/g, '-');
  const buttonClass = variant === 'secondary' ? `${ui.button} ${ui.secondary}` : variant === 'danger' ? `${ui.button} ${ui.danger}` : ui.button;
  return (
    <form
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        setOpen(true);
      }}
    >
      {reasonLabel && (
        <div className={ui.field}>
          <label htmlFor={`${id}-reason`}>{reasonLabel}</label>
          <input id={`${id}-reason`} className={ui.input} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </div>
      )}
      {checkboxLabel && checkboxField && (
        <div className={ui.row}>
          <input id={`${id}-check`} type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} />
          <label htmlFor={`${id}-check`}>{checkboxLabel}</label>
        </div>
      )}
      <button type="submit" disabled={pending} className={buttonClass}>{label}</button>
      {error && <p role="alert" className={ui.error}>{error}</p>}
      <ConfirmDialog
        open={open}
        title={title}
        message={<p>{message}</p>}
        confirmLabel={confirmLabel}
        pending={pending}
        variant={variant === 'danger' ? 'danger' : 'primary'}
        testId={testId ? `${testId}-confirm` : undefined}
        onCancel={() => setOpen(false)}
        onConfirm={() =>
          start(async () => {
            const payload: Record<string, unknown> = { ...args };
            if (reasonLabel) payload.reason = reason;
            if (checkboxField) payload[checkboxField] = checked;
            const r = await action(payload);
            setOpen(false);
            if (r.ok) { setError(null); setReason(''); router.refresh(); } else setError(r.message);
          })
        }
      />
    </form>
  );
}
