// A row's edit form, folded away under "Edit" until opened; the hidden suffix names the row for
// screen readers, where several "Edit" buttons would otherwise sound alike. The form inside draws the
// fold (app/components/action-form/fold.tsx), so that a refusal comes back with it open.
import type { ReactNode } from 'react';
import { Fold } from '@/app/components/action-form/fold';
import s from './admin.module.css';

export function EditDetails({ label, name, children }: { label: string; name: string; children: ReactNode }) {
  return (
    <Fold className={s.inline} summary={<>{label}<span className="visually-hidden">: {name}</span></>}>
      {children}
    </Fold>
  );
}
