// The two setup sections under an admin list: a form to add one entry, and the CSV import of the
// whole list.
import type { ReactNode } from 'react';
import ui from '@/app/components/ui.module.css';

export function AddAndImport({ id, addHeading, addForm, importHeading, importIntro, importer }: {
  id: string;
  addHeading: string;
  addForm: ReactNode;
  importHeading: string;
  importIntro: string;
  importer: ReactNode;
}) {
  return (
    <>
      <section aria-labelledby={`${id}-add-heading`} className={ui.card}>
        <h2 id={`${id}-add-heading`}>{addHeading}</h2>
        {addForm}
      </section>
      <section aria-labelledby={`${id}-import-heading`}>
        <h2 id={`${id}-import-heading`}>{importHeading}</h2>
        <p>{importIntro}</p>
        {importer}
      </section>
    </>
  );
}
