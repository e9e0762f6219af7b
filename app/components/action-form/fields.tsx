'use client';
// The named inputs of an ActionForm: a labelled field or checkbox with its errors (translated from
// the action's field errors) next to it, keeping what was sent while the form keeps it.
import { useId } from 'react';
import { useTranslations } from 'next-intl';
import ui from '@/app/components/ui.module.css';
import { translateKnown } from '@/i18n/known';
import { keptHas, keptValue, useActionFormState } from './context';
import s from './action-form.module.css';

/** The errors of one field, translated: admin.field.<code>, else a general sentence. */
export function FieldError({ name, id }: { name: string; id: string }) {
  const { state } = useActionFormState();
  const t = useTranslations('admin.field');
  const errors = state && !state.ok ? state.fieldErrors?.[name] : undefined;
  if (!errors?.length) return null;
  const text = [...new Set(errors.map((c) => translateKnown(t, c, () => t('invalid'))))].join(' ');
  return <p id={id} className={ui.error}>{text}</p>;
}

type Option = { value: string; label: string };

export function Field({
  name, label, type = 'text', defaultValue, options, required, hint, autoComplete, step, min, max, lang, maxLength,
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
  maxLength?: number;
}) {
  const id = useId();
  const { state, kept } = useActionFormState();
  const invalid = !!(state && !state.ok && state.fieldErrors?.[name]?.length);
  const describedBy = [hint ? `${id}-hint` : '', invalid ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, name, required, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, className: ui.input };
  // What was sent comes back after the answer (React empties a form once its action has run). Once
  // hydrated, passwords too: `kept` is then the browser's own copy of the sent form, so a refused new
  // password does not make the juror type the current one again. Before JavaScript it is what the server
  // gave back with its refusal, which never holds a secret (lib/server/echo.ts).
  const shown = keptValue(kept, name) ?? defaultValue ?? '';
  return (
    <div className={ui.field}>
      <label htmlFor={id}>{label}</label>
      {options ? (
        <select {...common} defaultValue={shown}>
          {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
        </select>
      ) : (
        <input {...common} type={type} defaultValue={shown} autoComplete={autoComplete} step={step} min={min} max={max} lang={lang} maxLength={maxLength} />
      )}
      {hint && <p id={`${id}-hint`} className={ui.muted}>{hint}</p>}
      <FieldError name={name} id={`${id}-error`} />
    </div>
  );
}

export function Checkbox({ name, label, defaultChecked }: { name: string; label: string; defaultChecked?: boolean }) {
  const id = useId();
  const { kept } = useActionFormState();
  return (
    <div className={s.check}>
      <input id={id} type="checkbox" name={name} defaultChecked={kept ? keptHas(kept, name) : defaultChecked} />
      <label htmlFor={id}>{label}</label>
      <FieldError name={name} id={`${id}-error`} />
    </div>
  );
}

/** A radio button of a choice written by hand (a tie's candidates), checked again when it was the one sent. */
export function Radio({ id, name, value, required }: { id: string; name: string; value: string | number; required?: boolean }) {
  const { kept } = useActionFormState();
  return <input type="radio" id={id} name={name} value={value} required={required} defaultChecked={keptValue(kept, name) === String(value)} />;
}
