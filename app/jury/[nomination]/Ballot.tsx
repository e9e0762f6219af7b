'use client';
// The ballot: every candidate with its film, a score control, a private note and the recusal
// switch; autosave state; submit with a receipt.
import { useCallback, useEffect, useMemo, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import type { BallotCandidate, NominationState, ReceiptLine } from '@/lib/ballot/queries';
import type { CanonicalBallot } from '@/lib/ballot/receipt';
import { scaleValues, type Scale } from '@/lib/ballot/scale';
import { shownCountry } from '@/lib/film/countries';
import { NATIONALITY_REASON } from '@/lib/recusal';
import { declareRecusal, saveNote, saveScore, submitBallot, withdrawRecusal } from '../actions';
import { ScoreControl } from './ScoreControl';
import { Receipt } from './Receipt';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import { useAutosave, type Field } from './useAutosave';
import ui from '@/app/components/ui.module.css';
import s from './ballot.module.css';

type Props = {
  nomination: { id: number; code: string; round: 'main' | 'special'; kind: 'film' | 'performance' };
  nominationLabel: string;
  scale: Scale;
  state: NominationState;
  candidates: BallotCandidate[];
  receipt: { receipt: string; salt: string; submittedAt: string; canonical: CanonicalBallot; reopened: boolean; lines: ReceiptLine[] } | null;
  reopened: { at: string; reason: string }[];
  storageKey: string;
};


export function Ballot(props: Props) {
  const t = useTranslations('jury');
  const tc = useTranslations('common');
  const router = useRouter();
  const [values, setValues] = useState(() => Object.fromEntries(props.candidates.map((c) => [c.id, c.value])) as Record<number, number | null>);
  const [notes, setNotes] = useState(() => Object.fromEntries(props.candidates.map((c) => [c.id, c.note])) as Record<number, string>);
  const [missing, setMissing] = useState<number[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [recusing, setRecusing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const open = props.state === 'open';
  const scaleVals = useMemo(() => scaleValues(props.scale), [props.scale]);

  const saver = useCallback(async (candidateId: number, field: Field, v: number | null | string) => {
    const r = field === 'value' ? await saveScore({ candidateId, value: v }) : await saveNote({ candidateId, note: v });
    return r.ok ? { ok: true as const } : { ok: false as const, message: r.message };
  }, []);
  const autosave = useAutosave(props.storageKey, saver, open);

  // Values entered on this device but never acknowledged (offline, closed tab) come back and are sent.
  useEffect(() => {
    if (!open) return;
    const ids = new Set(props.candidates.filter((c) => !c.recusal).map((c) => c.id));
    for (const u of autosave.unsent()) {
      if (!ids.has(u.candidateId)) continue;
      if (u.field === 'value') setValues((prev) => ({ ...prev, [u.candidateId]: u.v as number | null }));
      else setNotes((prev) => ({ ...prev, [u.candidateId]: String(u.v) }));
      autosave.change(u.candidateId, u.field, u.v);
    }
    // Run once per page load.
  }, []);

  const active = props.candidates.filter((c) => !c.recusal);
  const scored = active.filter((c) => values[c.id] !== null && values[c.id] !== undefined).length;

  function title(c: BallotCandidate) {
    return c.originalTitle === c.englishTitle ? c.englishTitle : `${c.englishTitle} (${c.originalTitle})`;
  }
  function labelFor(c: BallotCandidate) {
    return t('scoreFor', { candidate: c.person ? `${c.person}, ${title(c)}` : title(c), nomination: props.nominationLabel });
  }

  function focusCandidate(id: number) {
    const el = document.getElementById(`score-${id}`);
    el?.scrollIntoView({ block: 'center' });
    (el?.querySelector('[tabindex="0"]') as HTMLElement | null)?.focus();
  }

  function onSubmit() {
    const gaps = active.filter((c) => values[c.id] === null || values[c.id] === undefined).map((c) => c.id);
    setMissing(gaps);
    if (gaps.length) {
      setMessage({ kind: 'error', text: t('missing', { count: gaps.length }) });
      focusCandidate(gaps[0]);
      return;
    }
    if (autosave.summary === 'saving' || autosave.summary === 'error') {
      setMessage({ kind: 'error', text: t('waitForSave') });
      return;
    }
    // Submitting locks the ballot: say what will be locked and let the juror confirm first.
    setConfirming(true);
  }

  /** Submit, recuse, withdraw: the page reloads its data on success, shows the refusal otherwise. */
  function perform(call: () => Promise<{ ok: true } | { ok: false; message: string }>, onOk?: () => void) {
    start(async () => {
      const r = await call();
      if (!r.ok) return setMessage({ kind: 'error', text: r.message });
      onOk?.();
      setMessage(null);
      router.refresh();
    });
  }
  const onRecuse = (filmId: number, reason: string) => perform(() => declareRecusal({ filmId, reason }), () => setRecusing(null));
  const onWithdraw = (filmId: number) => perform(() => withdrawRecusal({ filmId }));

  const statusText =
    autosave.summary === 'saving' ? t('saving')
    : autosave.summary === 'error' ? t('notSaved')
    : autosave.summary === 'refused' ? t('refused')
    : autosave.summary === 'saved' ? t('saved')
    : '';

  return (
    <>
      {props.receipt?.reopened && props.reopened.length > 0 && (
        <p className={ui.notice} role="status">
          {t('reopenedBy', { reason: props.reopened[props.reopened.length - 1].reason })} {t('reopenedCounts')}
        </p>
      )}
      {props.state === 'upcoming' && <p className={ui.notice}>{t('notOpenYet')}</p>}
      {props.state === 'closed' && <p className={ui.notice}>{t('closed')}</p>}
      {props.receipt && <Receipt {...props.receipt} nominationLabel={props.nominationLabel} />}

      <div className={s.status}>
        <span>{t('progress', { scored, total: active.length })}</span>
        <span aria-live="polite" data-testid="save-state" data-state={autosave.summary} className={autosave.summary === 'error' || autosave.summary === 'refused' ? s.saveError : s.saveState}>
          {statusText}
          {autosave.summary === 'error' && (
            <> <button type="button" className={s.small} onClick={autosave.retryAll}>{t('retry')}</button></>
          )}
        </span>
      </div>
      {message && <p role="alert" className={message.kind === 'error' ? ui.alert : ui.success}>{message.text}</p>}
      {missing.length > 0 && (
        <nav aria-label={t('missingNav')} className={ui.card}>
          <ul className={ui.list}>
            {active.filter((c) => missing.includes(c.id) && values[c.id] == null).map((c) => (
              <li key={c.id}>
                <button type="button" className={s.small} onClick={() => focusCandidate(c.id)}>{c.person ? `${c.person} — ` : ''}{title(c)}</button>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <ol className={s.candidates}>
        {props.candidates.map((c) => {
          const item = autosave.states[`${c.id}:value`];
          const noteItem = autosave.states[`${c.id}:note`];
          const isMissing = missing.includes(c.id) && values[c.id] == null && !c.recusal;
          return (
            <li key={c.id} className={s.candidate} data-testid="candidate" data-candidate={c.id} data-missing={isMissing}>
              <div className={s.filmHead}>
                <div>
                  {c.person && <p className={s.person}>{c.person}</p>}
                  {/* The film's page, for the mouse; out of the Tab order so that scoring by keyboard takes no
                      more key presses per card; by keyboard the jury home lists every film's page. */}
                  <Link href={`/jury/films/${c.filmId}`} className={ui.title} tabIndex={-1} data-testid="candidate-film-link">
                    <span className={ui.original}>{c.originalTitle}</span>
                    {c.englishTitle !== c.originalTitle && <span className={ui.english} lang="en">{c.englishTitle}</span>}
                  </Link>
                  <p className={s.details}>
                    {[c.director, shownCountry(c.country), c.year, c.runtimeMinutes ? tc('film.minutes', { count: c.runtimeMinutes }) : null].filter(Boolean).join(' · ')}
                  </p>
                </div>
                {item && <span className={s.itemState}>{item.status === 'refused' ? item.message : t(`item.${item.status}`)}</span>}
              </div>
              {c.recusal ? (
                <div className={s.recused}>
                  {c.recusal === NATIONALITY_REASON ? t('recusedNationality') : t('recusedBecause', { reason: c.recusal })}
                  {c.recusal !== NATIONALITY_REASON && (open || props.state === 'upcoming') && (
                    <> <button type="button" className={s.small} disabled={pending} onClick={() => onWithdraw(c.filmId)}>{t('withdrawRecusal')}</button></>
                  )}
                </div>
              ) : (
                <>
                  {(open || props.state === 'submitted' || props.state === 'closed') && (
                    <ScoreControl
                      id={`score-${c.id}`}
                      values={scaleVals}
                      value={values[c.id] ?? null}
                      label={labelFor(c)}
                      disabled={!open}
                      onChange={(v) => {
                        setValues((prev) => ({ ...prev, [c.id]: v }));
                        autosave.change(c.id, 'value', v);
                      }}
                    />
                  )}
                  {isMissing && <p className={ui.error}>{t('missingOne')}</p>}
                  <label className={s.noteLabel} htmlFor={`note-${c.id}`}>{t('noteLabel')}</label>
                  <textarea
                    id={`note-${c.id}`}
                    className={s.note}
                    value={notes[c.id] ?? ''}
                    maxLength={4000}
                    readOnly={!open}
                    aria-describedby={noteItem?.status === 'refused' ? `note-state-${c.id}` : undefined}
                    onChange={(e) => {
                      const v = e.target.value;
                      setNotes((prev) => ({ ...prev, [c.id]: v }));
                      autosave.change(c.id, 'note', v);
                    }}
                  />
                  {noteItem?.status === 'refused' && <p id={`note-state-${c.id}`} className={ui.error}>{noteItem.message}</p>}
                  {(open || props.state === 'upcoming') && (
                    recusing === c.id ? (
                      <RecusalForm onCancel={() => setRecusing(null)} onConfirm={(reason) => onRecuse(c.filmId, reason)} pending={pending} id={c.id} />
                    ) : (
                      <div className={s.row}>
                        <button type="button" className={s.small} onClick={() => setRecusing(c.id)}>{t('declareRecusal')}</button>
                      </div>
                    )
                  )}
                </>
              )}
            </li>
          );
        })}
      </ol>

      {open && (
        <div className={`${s.submitBar} ${ui.card}`}>
          <p>{t('submitExplain')}</p>
          <button type="button" className={ui.button} onClick={onSubmit} disabled={pending}>{t('submit')}</button>
          <ConfirmDialog
            open={confirming}
            title={t('submitConfirmTitle', { nomination: props.nominationLabel })}
            message={<p>{t('submitConfirmText', { count: active.length, nomination: props.nominationLabel })}</p>}
            confirmLabel={t('submitConfirm')}
            pending={pending}
            testId="submit-confirm"
            onCancel={() => setConfirming(false)}
            onConfirm={() => { setConfirming(false); perform(() => submitBallot({ nominationId: props.nomination.id })); }}
          />
        </div>
      )}
    </>
  );
}

function RecusalForm({ onCancel, onConfirm, pending, id }: { onCancel: () => void; onConfirm: (reason: string) => void; pending: boolean; id: number }) {
  const t = useTranslations('jury');
  const [reason, setReason] = useState('');
  return (
    <div className={s.row}>
      <label htmlFor={`recusal-${id}`} className={s.noteLabel}>{t('recusalReason')}</label>
      <input id={`recusal-${id}`} className={ui.input} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} autoFocus />
      <button type="button" className={ui.button} disabled={pending || reason.trim().length < 3} onClick={() => onConfirm(reason)}>{t('confirmRecusal')}</button>
      <button type="button" className={s.small} onClick={onCancel}>{t('cancel')}</button>
    </div>
  );
}
