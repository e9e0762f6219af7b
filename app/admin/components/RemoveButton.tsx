'use client';
// One button that calls a remove/toggle action for one row, after a confirmation.
import { ActionForm, type FormAction } from '@/app/components/action-form/ActionForm';
import s from './admin.module.css';

export function RowAction({
  action, id, label, confirm, fields, variant = 'secondary', disabled, testId,
}: {
  action: FormAction;
  id: number;
  label: string;
  confirm?: string;
  fields?: Record<string, string>;
  variant?: 'secondary' | 'danger';
  disabled?: boolean;
  testId?: string;
}) {
  return (
    <ActionForm action={action} submit={label} confirm={confirm} variant={variant} disabled={disabled} className={s.form} testId={testId}>
      <input type="hidden" name="id" value={id} />
      {Object.entries(fields ?? {}).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
    </ActionForm>
  );
}
