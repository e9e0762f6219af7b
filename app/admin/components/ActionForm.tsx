'use client';
// A form that calls one server action: the button is disabled while pending, a refusal is shown
// above the button and each field's errors next to the field (through FormState). Submitting
// does not reset the form, so a refused input can be corrected.
import { createContext, startTransition, useActionState, useContext, useEffect, useId, useRef, useState } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import ui from '@/app/components/ui.module.css';
import s from './admin.module.css';
import { translateKnown } from '@/i18n/known';

export type ActionState = { ok: true; data?: unknown } | { ok: false; message: string; fieldErrors?: Record<string, string[]> } | null;
type Action = (fd: FormData) => Promise<ActionState>;

const FormState = createContext<{ state: ActionState; pending: boolean }>({ state: null, pending: false });
export const useFormState = () => useContext(FormState);

export function ActionForm({
  action, submit, pending: pendingLabel, success, children, className, reset = false, disabled = false, confirm, variant, testId, after, refresh = true,
}: {
  action: Action;
  submit: string;
  pending?: string;
  success?: string;
  children?: React.ReactNode;
  className?: string;
  reset?: boolean;
  disabled?: boolean;
  /** What the action will do, asked in the app's own dialog (titled with the button's label) before it runs. */
  confirm?: string;
  variant?: 'secondary' | 'danger';
  testId?: string;
  after?: (state: ActionState) => React.ReactNode;
  /** Re-renders the page after a success; off where the page would then drop what `after` shows once. */
  refresh?: boolean;
}) {
  const [state, dispatch, pending] = useActionState(async (_prev: ActionState, fd: FormData) => action(fd), null);
  const ref = useRef<HTMLFormElement>(null);
  // The fields as they were when the button was pressed, held while the dialog asks.
  const [asking, setAsking] = useState<FormData | null>(null);
  const router = useRouter();
  useEffect(() => {
    if (state?.ok) {
      if (reset) ref.current?.reset();
      if (refresh) router.refresh();
    }
  }, [state, reset, router, refresh]);
  return (
    <form
      ref={ref}
      className={className ?? s.form}
      data-testid={testId}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        if (confirm) return setAsking(fd);
        startTransition(() => dispatch(fd));
      }}
    >
      <FormState.Provider value={{ state, pending }}>
        {children}
        {state && !state.ok && <p role="alert" className={ui.alert}>{state.message}</p>}
        {state?.ok && success && <p role="status" className={ui.success}>{success}</p>}
        {after?.(state)}
        <div className={s.actions}>
          <button type="submit" className={`${ui.button} ${variant ? ui[variant] : ''}`} disabled={pending || disabled} aria-disabled={pending || disabled}>
            {pending && pendingLabel ? pendingLabel : submit}
          </button>
        </div>
        {confirm && (
          <ConfirmDialog
            open={asking !== null}
            title={submit}
            message={<p>{confirm}</p>}
            confirmLabel={submit}
            variant={variant === 'danger' ? 'danger' : 'primary'}
            testId={testId ? `${testId}-confirm` : undefined}
            // Dismissed: nothing is sent, and the dialog gives the focus back to the button.
            onCancel={() => setAsking(null)}
            onConfirm={() => {
              const fd = asking;
              setAsking(null);
              if (fd) startTransition(() => dispatch(fd));
            }}
          />
        )}
      </FormState.Provider>
    </form>
  );
}

/** The errors of one field, translated: admin.field.<code>, else a general sentence. */
export function FieldError({ name, id }: { name: string; id: string }) {
  const { state } = useFormState();
  const t = useTranslations('admin.field');
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  const text = [...new Set(errors.map((c) => translateKnown(t, c, () => t('invalid'))))].join(' ');
  return <p id={id} className={ui.error}>{text}</p>;
}

type Option = { value: string; label: string };

export function Field({
  name, label, type = 'text', defaultValue, options, required, hint, autoComplete, step, min, max, lang,
}: {
  name: string;
  label: string;
  type?: string;
  defaultValue?: string | number | null;
  options?: Option[];
  required?: boolean;
  hint?: string;
  autoComplete?: string;
  step?: string;
  min?: string;
  max?: string;
  lang?: string;
}) {
  const id = useId();
  const { state } = useFormState();
  const invalid = !!(state && !state.ok && state.fieldErrors?.[name]?.length);
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name, required, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, className: ui.input };
  return (
    <div className={ui.field}>
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select {...common} defaultValue={defaultValue ?? ''}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ) : (
        <input {...common} type={type} defaultValue={defaultValue ?? ''} autoComplete={autoComplete} step={step} min={min} max={max} lang={lang} />
      )}
      {hint && <p id={`${id}-hint`} className={ui.muted}>{hint}</p>}
      <FieldError name={name} id={`${id}-error`} />
    </div>
  );
}

export function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  const id = useId();
  return (
    <div className={s.check}>
      <input id={id} type="checkbox" name={name} defaultChecked={defaultChecked} />
      <label htmlFor={id}>{label}</label>
      <FieldError name={name} id={`${id}-error`} />
    </div>
  );
}
