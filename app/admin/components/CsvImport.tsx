'use client';
// CSV import in two steps: preview (what would be added, updated, removed, or every bad line),
// then apply the same file. The server checks the whole file again when applying: all or nothing.
import { useId, useRef, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import ui from '@/app/components/ui.module.css';
import s from './admin.module.css';
import { translateKnown } from '@/i18n/known';

type LineError = { line: number; code: string; params?: Record<string, string | number> };
type Item = { line?: number; englishTitle?: string; originalTitle?: string; director?: string; code?: string; film?: string; person?: string; fields?: string[]; name?: string; login?: string; role?: string };
type Preview = { errors: LineError[]; added: Item[]; updated: Item[]; removed: Item[]; unchanged: number };
type Result<T> = { ok: true; data: T } | { ok: false; message: string };
type Summary = { added: number; updated: number; removed: number; unchanged: number };

export function CsvImport({
  kind, preview, apply, nominationNames,
}: {
  kind: 'films' | 'performances' | 'jurors';
  preview: (fd: FormData) => Promise<Result<Preview>>;
  apply: (fd: FormData) => Promise<Result<Summary>>;
  nominationNames?: Record<string, string>;
}) {
  const t = useTranslations('admin.import');
  const id = useId();
  const router = useRouter();
  const fileRef = useRef<HTMLInputElement>(null);
  const [data, setData] = useState<FormData | null>(null);
  const [result, setResult] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Summary | null>(null);
  const [pending, start] = useTransition();

  const describe = (i: Item) =>
    kind === 'jurors'
      ? `${i.name} — ${i.login}${i.role === 'chair' ? ` (${t('chair')})` : ''}`
      : kind === 'films'
      ? `${i.originalTitle && i.originalTitle !== i.englishTitle ? `${i.originalTitle} / ` : ''}${i.englishTitle} — ${i.director}`
      : `${nominationNames?.[i.code ?? ''] ?? i.code}: ${i.person} (${i.film})`;
  const reason = (e: LineError) => {
    return translateKnown(t, `reason.${e.code.replace(/[:.]/g, '_')}`, () => e.code, e.params);
  };

  return (
    <div className={ui.card}>
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          const fd = new FormData(e.currentTarget);
          setDone(null);
          setError(null);
          start(async () => {
            const r = await preview(fd);
            if (r.ok) { setResult(r.data); setData(fd); } else { setResult(null); setData(null); setError(r.message); }
          });
        }}
      >
        <div className={ui.field}>
          <label htmlFor={id}>{t(`file.${kind}`)}</label>
          <input id={id} ref={fileRef} name="csv" type="file" accept=".csv,text/csv" className={ui.input} required
            onChange={() => { setResult(null); setData(null); setDone(null); setError(null); }} aria-describedby={`${id}-hint`} />
          <p id={`${id}-hint`} className={ui.muted}>{t(`hint.${kind}`)}</p>
        </div>
        <button type="submit" className={`${ui.button} ${ui.secondary}`} disabled={pending}>{t('preview')}</button>
      </form>
      {error && <p role="alert" className={ui.alert}>{error}</p>}
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
              <button
                type="button"
                className={ui.button}
                disabled={pending || !data}
                onClick={() => {
                  if (!data) return;
                  start(async () => {
                    const r = await apply(data);
                    if (r.ok) {
                      setDone(r.data);
                      setResult(null);
                      setData(null);
                      if (fileRef.current) fileRef.current.value = '';
                      router.refresh();
                    } else setError(r.message);
                  });
                }}
              >
                {t('apply')}
              </button>
            </>
          )}
        </div>
      )}
    </div>
  );
}
