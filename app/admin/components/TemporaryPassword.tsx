'use client';
// A temporary password an action answered with (a new juror or organiser, an approved or direct
// reset), shown once below its form; nothing before the action succeeded with one.
import type { ActionState } from '@/app/components/action-form/ActionForm';
import ui from '@/app/components/ui.module.css';
import s from './admin.module.css';

/** `title`: the words before the password, for the account's login; `note`: what to do with it. */
export function TemporaryPassword({ state, title, note }: { state: ActionState; title: (login: string) => string; note: string }) {
  if (!state?.ok) return null;
  const d = state.data as { login: string; password: string } | undefined;
  if (!d?.password) return null;
  return (
    <div role="status" className={ui.success} data-testid="temporary-password">
      <p>{title(d.login)}</p>
      <p className={s.secret} data-testid="temporary-password-value">{d.password}</p>
      <p>{note}</p>
    </div>
  );
}
