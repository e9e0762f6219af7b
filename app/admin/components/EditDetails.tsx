// A row's edit form, folded away under "Edit" until opened; the hidden suffix names the row for
// screen readers, where several "Edit" buttons would otherwise sound alike.
import type { ReactNode } from 'react';
import s from './admin.module.css';

export function EditDetails({ label, name, children }: { label: string; name: string; children: ReactNode }) {
  return (
    <details className={s.inline}>
      <summary>{label}<span className="visually-hidden">: {name}</span></summary>
      {children}
    </details>
  );
}
