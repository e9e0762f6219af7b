'use client';
// CSV import in two steps: preview (what would be added, updated, removed, or every bad line),
// then apply the same file. The server checks the whole file again when applying: all or nothing.
// Two real forms (ActionForm), both posting the file as multipart form data, so the import works
// before JavaScript too: then the preview asks for the file again beside "Apply" (a page rendered
// after a post cannot hold the chosen file); once hydrated it sends the file chosen for the preview.
import { useId, useState } from 'react';
import { useTranslations } from 'next-intl';
import ui from '@/app/components/ui.module.css';
import { ActionFormOf, useActionForm, useHydrated, type FormAction } from '@/app/components/action-form/ActionForm';
import s from './admin.module.css';
import { translateKnown } from '@/i18n/known';

type LineError = { line: number; code: string; params?: Record<string, string | number> };
type Item = { line?: number; englishTitle?: string; originalTitle?: string; director?: string; code?: string; film?: string; person?: string; fields?: string[]; name?: string; login?: string; role?: string };
type Preview = { errors: LineError[]; added: Item[]; updated: Item[]; removed: Item[]; unchanged: number };
type Summary = { added: number; updated: number; removed: number; unchanged: number };

export function CsvImport({
  kind, preview, apply, nominationNames,
}: {
  kind: 'films' | 'performances' | 'jurors';
  preview: FormAction;
  apply: FormAction;
  nominationNames?: Record<string, string>;
}) {
  const t = useTranslations('admin.import');
  const id = useId();
  const hydrated = useHydrated();
  const previewing = useActionForm(preview);
  const applying = useActionForm(apply);
  // Which form was sent last (once hydrated both answers stay in their hooks); null after a post made before JavaScript.
  const [last, setLast] = useState<'preview' | 'apply' | null>(null);
  // The file sent for the preview, sent again by "Apply" once hydrated.
  const [file, setFile] = useState<File | null>(null);
  const result = previewing.state?.ok && !(last === 'apply' && applying.state?.ok) ? (previewing.state.data as Preview) : null;
  const done = applying.state?.ok && last !== 'preview' ? (applying.state.data as Summary) : null;

  const describe = (i: Item) =>
    kind === 'jurors'
      ? `${i.name} — ${i.login}${i.role === 'chair' ? ` (${t('chair')})` : ''}`
      : kind === 'films'
      ? `${i.originalTitle && i.originalTitle !== i.englishTitle ? `${i.originalTitle} / ` : ''}${i.englishTitle} — ${i.director}`
      : `${nominationNames?.[i.code ?? ''] ?? i.code}: ${i.person} (${i.film})`;
  const reason = (e: LineError) => {
    return translateKnown(t, `reason.${e.code.replace(/[:.]/g, '_')}`, () => e.code, e.params);
  };
  const sendsFile = hydrated && file !== null;

  return (
    <div className={ui.card}>
      <ActionFormOf control={previewing} submit={t('preview')} variant="secondary" refresh={false} validate
        onSent={(form) => { setLast('preview'); const f = form.get('csv'); setFile(f instanceof File && f.size > 0 ? f : null); }}>
        <div className={ui.field}>
          <label htmlFor={id}>{t(`file.${kind}`)}</label>
          <input id={id} name="csv" type="file" accept=".csv,text/csv" className={ui.input} required aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className={ui.muted}>{t(`hint.${kind}`)}</p>
        </div>
      </ActionFormOf>
      {done && (
        <p role="status" className={ui.success} data-testid="import-done">
          {t(kind === 'jurors' ? 'doneJurors' : 'done', done)}
        </p>
      )}
      {result && (
        <div data-testid="import-preview" aria-live="polite">
          {result.errors.length > 0 ? (
            <>
              <p role="alert" className={ui.alert}>{t('rejected', { count: result.errors.length })}</p>
              <table className={s.table} data-testid="import-errors">
                <caption className="visually-hidden">{t('errorsCaption')}</caption>
                <thead><tr><th scope="col">{t('line')}</th><th scope="col">{t('problem')}</th></tr></thead>
                <tbody>
                  {result.errors.map((e, i) => (
                    <tr key={i}><td>{e.line}</td><td>{reason(e)}</td></tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <>
              <h3>{t(kind === 'jurors' ? 'changesJurors' : 'changes', { added: result.added.length, updated: result.updated.length, removed: result.removed.length, unchanged: result.unchanged })}</h3>
              {(['added', 'updated', 'removed'] as const).map((k) =>
                result[k].length > 0 ? (
                  <details key={k} open={k !== 'removed' || result[k].length < 10}>
                    <summary>{t(kind === 'jurors' && k === 'removed' ? 'deactivatedHeading' : `${k}Heading`, { count: result[k].length })}</summary>
                    <ul className={s.changes} data-testid={`import-${k}`}>
                      {result[k].map((i, n) => <li key={n}>{describe(i)}</li>)}
                    </ul>
                  </details>
                ) : null,
              )}
            </>
          )}
        </div>
      )}
      {/* Rendered while the preview shows no problem, and after a post of its own (its answer, or a refusal). */}
      {((result && result.errors.length === 0) || (applying.state && last !== 'preview' && !done)) && (
        <ActionFormOf control={applying} submit={t('apply')} validate testId="import-apply"
          onSent={() => setLast('apply')}>
          {sendsFile ? (
            <input type="file" name="csv" hidden aria-hidden="true" tabIndex={-1} ref={(input) => { if (input && file) input.files = filesOf(file); }} />
          ) : (
            <div className={ui.field}>
              <label htmlFor={`${id}-again`}>{t('fileAgain')}</label>
              <input id={`${id}-again`} name="csv" type="file" accept=".csv,text/csv" className={ui.input} required />
            </div>
          )}
        </ActionFormOf>
      )}
    </div>
  );
}

/** A FileList holding one file, to put the previewed file into the apply form's input. */
function filesOf(file: File): FileList {
  const transfer = new DataTransfer();
  transfer.items.add(file);
  return transfer.files;
}
