'use client';
// The one form that runs a server action (issue 22). It is a real <form action>: the server action is
// given straight to useActionState, so the form posts before this script has loaded too (React posts
// it with the action's id, Next runs the action and renders the page with its answer as the state),
// and once hydrated the same action runs in place. Fields are named inputs (fixed arguments are hidden
// inputs); a refusal is said in words above the button, each field's errors next to its field.
//
// An optional confirmation never lets one press do the act: before JavaScript the first button opens
// a disclosure that says what will happen and holds the real submit button; once hydrated the app's
// own dialog (ConfirmDialog) asks instead, and its confirming button submits the form.
import { useActionState, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useFormStatus } from 'react-dom';
import { useRouter } from 'next/navigation';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import ui from '@/app/components/ui.module.css';
import { FormContext, type ActionState } from './context';
import { Checkbox, Field } from './fields';
import { InFold } from './fold';
import { FORM_JURY_FIELD } from '@/lib/http/form-jury-field';
import { useRenderedJury } from './rendered-jury';
import s from './action-form.module.css';

export type { ActionState } from './context';
/** A server action as serverAction exports it: useActionState calls it with (previous state, form). */
export type FormAction = (previous: ActionState, form: FormData) => Promise<ActionState>;
/** A fixed argument, sent as a hidden input; a list is sent comma-joined (the specs read it so). */
export type FixedValue = string | number | boolean | readonly (string | number)[];

const never = () => () => {};
/** False on the server and while hydrating, true once this script runs the page. */
export function useHydrated() {
  return useSyncExternalStore(never, () => true, () => false);
}

/**
 * The state of one form's action, for a component that composes two forms around their answers
 * (CsvImport). Kept in the component that is always rendered, so that the answer to a post made
 * before JavaScript finds its form again.
 */
export function useActionForm(action: FormAction) {
  const [state, dispatch, pending] = useActionState<ActionState, FormData>(action, null);
  const [sent, setSent] = useState<FormData | null>(null);
  const first = useRef(state);
  return { state, dispatch, pending, sent, setSent, first };
}
export type ActionFormControl = ReturnType<typeof useActionForm>;

type Props = {
  submit: string;
  /** The button's label while the action runs. */
  pending?: string;
  success?: string;
  children?: React.ReactNode;
  className?: string;
  /** Clears the fields after a success (otherwise they keep what was sent, refused or not). */
  reset?: boolean;
  disabled?: boolean;
  fields?: Record<string, FixedValue | undefined>;
  /** A free-text reason, sent as `reason`. */
  reasonLabel?: string;
  /** A checkbox, sent as `checkboxField` ('on' when ticked). */
  checkboxLabel?: string;
  checkboxField?: string;
  /** What the action will do, asked before it runs; given the fields once hydrated (null before). */
  confirm?: React.ReactNode | ((form: FormData | null) => React.ReactNode);
  /** The question's title and its confirming button (both the button's label by default). */
  confirmTitle?: string;
  confirmLabel?: string;
  variant?: 'primary' | 'secondary' | 'danger';
  testId?: string;
  after?: (state: ActionState) => React.ReactNode;
  /** Re-renders the page after a success made in place; off where the page would then drop what `after` shows once. */
  refresh?: boolean;
  /** Lets the browser check required fields before sending (and before asking). */
  validate?: boolean;
  /** Once hydrated, what is missing before the question can be asked, in words (null when nothing is). */
  incomplete?: (form: FormData) => string | null;
  onSent?: (form: FormData) => void;
};

export function ActionForm({ action, ...props }: Props & { action: FormAction }) {
  return <ActionFormOf control={useActionForm(action)} {...props} />;
}

export function ActionFormOf({
  control, submit, pending: pendingLabel, success, children, className, reset = false, disabled = false, fields, reasonLabel,
  checkboxLabel, checkboxField, confirm, confirmTitle, confirmLabel, variant = 'primary', testId, after, refresh = true, validate = false, incomplete, onSent,
}: Props & { control: ActionFormControl }) {
  const { state, dispatch, pending, sent, setSent, first } = control;
  const hydrated = useHydrated();
  const renderedJury = useRenderedJury();
  const ref = useRef<HTMLFormElement>(null);
  // The fields as they were when the button was pressed, held while the dialog asks.
  const [asking, setAsking] = useState<FormData | null>(null);
  const [missing, setMissing] = useState<string | null>(null);
  const router = useRouter();
  useEffect(() => {
    // The page rendered after a post made before JavaScript is fresh already: only an answer given in place refreshes it.
    if (refresh && state?.ok && state !== first.current) router.refresh();
  }, [state, refresh, router, first]);
  // The browser's copy of what was sent once hydrated; on the page rendered after a refused post made
  // before JavaScript, what the server gave back of it.
  const kept = sent ? (reset && state?.ok ? null : sent) : state && !state.ok ? (state.sent ?? null) : null;
  const buttonClass = `${ui.button} ${variant === 'primary' ? '' : ui[variant]}`;
  const question = (form: FormData | null) => (typeof confirm === 'function' ? confirm(form) : confirm);
  const asks = confirm !== undefined && confirm !== null && !disabled;
  // An answer to show opens the fold around the form (fold.tsx): a refusal, also on the page rendered after a
  // post made before JavaScript, and any answer given in place.
  const answered = (state !== null && state !== first.current) || (state !== null && !state.ok);
  return (
    <InFold open={answered}>
      <form
        ref={ref}
        action={dispatch}
        className={className ?? s.form}
        data-testid={testId}
        noValidate={!validate}
        // Records what was sent (to keep it in the fields); the form still posts its action.
        onSubmit={(e) => {
          const form = new FormData(e.currentTarget);
          setSent(form);
          onSent?.(form);
        }}
      >
        {/* Enter in a field must not skip the question: the form's first submit button is this disabled one. */}
        {asks && <button type="submit" disabled hidden aria-hidden="true" tabIndex={-1} />}
        <FormContext.Provider value={{ state, pending, kept }}>
          {renderedJury !== null && <input type="hidden" name={FORM_JURY_FIELD} value={renderedJury} />}
          {Object.entries(fields ?? {}).map(([name, value]) =>
            value === undefined ? null : <input key={name} type="hidden" name={name} value={Array.isArray(value) ? value.join(',') : String(value)} />,
          )}
          {children}
          {reasonLabel && <Field name="reason" label={reasonLabel} maxLength={500} />}
          {checkboxLabel && checkboxField && <Checkbox name={checkboxField} label={checkboxLabel} />}
          {missing && <p role="alert" className={ui.error}>{missing}</p>}
          {state && !state.ok && <p role="alert" className={ui.alert}>{state.message}</p>}
          {state?.ok && success && <p role="status" className={ui.success}>{success}</p>}
          {after?.(state)}
          <div className={s.actions}>
            {!asks ? (
              <SubmitButton label={submit} pendingLabel={pendingLabel} className={buttonClass} disabled={disabled} />
            ) : hydrated ? (
              <>
                <button
                  type="button"
                  className={buttonClass}
                  disabled={pending}
                  onClick={() => {
                    const form = ref.current;
                    if (!form) return;
                    const lacking = incomplete?.(new FormData(form)) ?? null;
                    setMissing(lacking);
                    if (lacking || (validate && !form.reportValidity())) return;
                    setAsking(new FormData(form));
                  }}
                >
                  {pending && pendingLabel ? pendingLabel : submit}
                </button>
                <ConfirmDialog
                  open={asking !== null}
                  title={confirmTitle ?? submit}
                  message={<p>{question(asking)}</p>}
                  confirmLabel={confirmLabel ?? submit}
                  pending={pending}
                  variant={variant === 'danger' ? 'danger' : 'primary'}
                  testId={testId ? `${testId}-confirm` : undefined}
                  // Dismissed: nothing is sent, and the dialog gives the focus back to the button.
                  onCancel={() => setAsking(null)}
                  onConfirm={() => {
                    setAsking(null);
                    ref.current?.requestSubmit();
                  }}
                />
              </>
            ) : (
              <details className={s.ask}>
                <summary className={buttonClass}>{submit}</summary>
                <div className={s.asking} data-testid={testId ? `${testId}-confirm` : undefined}>
                  <p>{question(null)}</p>
                  <SubmitButton label={confirmLabel ?? submit} pendingLabel={pendingLabel} className={variant === 'danger' ? `${ui.button} ${ui.danger}` : ui.button} />
                </div>
              </details>
            )}
          </div>
        </FormContext.Provider>
      </form>
    </InFold>
  );
}

function SubmitButton({ label, pendingLabel, className, disabled = false }: { label: string; pendingLabel?: string; className: string; disabled?: boolean }) {
  const { pending } = useFormStatus();
  return (
    <button type="submit" className={className} disabled={pending || disabled} aria-disabled={pending || disabled}>
      {pending && pendingLabel ? pendingLabel : label}
    </button>
  );
}
