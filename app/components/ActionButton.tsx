'use client';
// A button that runs a server action with fixed arguments, shows its refusal in words, and
// refreshes the page on success. Optional confirmation (asked in the app's own dialog: what will
// happen, titled with the button's label unless given its own title and confirming button), a reason
// field and a checkbox. The one confirm-then-act button of the jury's and the chair's pages.
import { useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { ConfirmDialog } from './ConfirmDialog';
import ui from './ui.module.css';

type Result = { ok: true } | { ok: false; message: string };

type Props = {
  action: (args: Record<string, unknown>) => Promise<Result>;
  args?: Record<string, unknown>;
  label: string;
  /** What the action will do, asked before it runs. */
  confirm?: string;
  /** The dialog's title and its confirming button's label (both the button's label by default). */
  confirmTitle?: string;
  confirmLabel?: string;
  reasonLabel?: string;
  checkboxLabel?: string;
  checkboxField?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  testId?: string;
};

export function ActionButton({ action, args = {}, label, confirm, confirmTitle, confirmLabel, reasonLabel, checkboxLabel, checkboxField, variant = 'primary', testId }: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [checked, setChecked] = useState(false);
  const [asking, setAsking] = useState(false);
  const id = `${testId ?? label}`.replace(/\W+/g, '-');
  const run = () =>
    start(async () => {
      const payload: Record<string, unknown> = { ...args };
      if (reasonLabel) payload.reason = reason;
      if (checkboxField) payload[checkboxField] = checked;
      const r = await action(payload);
      if (r.ok) { setError(null); setReason(''); router.refresh(); } else setError(r.message);
    });
  return (
    <form
      data-testid={testId}
      onSubmit={(e) => {
        e.preventDefault();
        setError(null);
        if (confirm) return setAsking(true);
        run();
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
      <button type="submit" disabled={pending} className={variant === 'secondary' ? `${ui.button} ${ui.secondary}` : variant === 'danger' ? `${ui.button} ${ui.danger}` : ui.button}>
        {label}
      </button>
      {error && <p role="alert" className={ui.error}>{error}</p>}
      {confirm && (
        <ConfirmDialog
          open={asking}
          title={confirmTitle ?? label}
          message={<p>{confirm}</p>}
          confirmLabel={confirmLabel ?? label}
          pending={pending}
          variant={variant === 'danger' ? 'danger' : 'primary'}
          testId={testId ? `${testId}-confirm` : undefined}
          // Dismissed: nothing is sent, and the dialog gives the focus back to the button.
          onCancel={() => setAsking(false)}
          onConfirm={() => { setAsking(false); run(); }}
        />
      )}
    </form>
  );
}
