'use client';
// The ballot of one nomination, in the juror's chosen layout: the cards (every candidate with its
// film's details, a full score row, a note and the recusal switch) or the compact list (one row per
// candidate, details behind it). Both share the values, the autosave, the keys and the submit.
// The jury's links do not prefetch: every page behind them is dynamic (the session) and has no
// loading.tsx, so a prefetch fetched only the route's outline and head (about 1.6 KB a link on a
// phone's slow link) and a click fetches the page either way (docs/PERFORMANCE.md, section 4).
import { useEffect, useMemo, useRef, useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import type { BallotView } from '@/db/schema';
import type { BallotCandidate, NominationState, ReceiptLine } from '@/lib/ballot/queries';
import type { CanonicalBallot } from '@/lib/ballot/receipt';
import { scaleValues, type Scale } from '@/lib/ballot/scale';
import { localTitle, titleLine } from '@/lib/festival/names';
import { nestQuotes } from '@/lib/locale/quotes';
import { FilmTitle } from '@/app/components/FilmTitle';
import { NATIONALITY_REASON } from '@/lib/tally/recused';
import { declareRecusal, setBallotView, submitBallot, withdrawRecusal } from '../actions';
import { ScoreControl } from './ScoreControl';
import { CompactRow } from './CompactRow';
import { RecusalForm } from './RecusalForm';
import { Receipt } from './Receipt';
import { ConfirmDialog } from '@/app/components/ConfirmDialog';
import { focusNextStep, focusScore, moveFocus, nextUnscoredId, NEXT_STEP_ID, useBallotScores } from './useBallotScores';
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
  view: BallotView;
  /** Where the juror goes after submitting: the next nomination still open to them, or none left. */
  next: { code: string; label: string } | null;
};

type Sort = 'list' | 'score';

export function Ballot(props: Props) {
  const t = useTranslations('jury');
  const tc = useTranslations('common');
  const locale = useLocale();
  const router = useRouter();
  const open = props.state === 'open';
  const { values, notes, setValue, setNote, autosave } = useBallotScores(props.candidates, props.storageKey, (id) => open && !props.candidates.find((c) => c.id === id)?.recusal);
  const [view, setView] = useState<BallotView>(props.view);
  // The order is taken when the juror picks a sort, not recomputed on every score: a row never
  // jumps away from under the juror's cursor while they score it.
  const [sort, setSort] = useState<Sort>('list');
  const [order, setOrder] = useState<number[]>(() => props.candidates.map((c) => c.id));
  const [missing, setMissing] = useState<number[]>([]);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [recusing, setRecusing] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [pending, start] = useTransition();
  const scaleVals = useMemo(() => scaleValues(props.scale), [props.scale]);
  // Where the focus goes once an action's new page has arrived (the element it names exists only then):
  // tried on every new render of the data until it lands, so the keyboard never drops to the page body.
  const focusAfter = useRef<(() => boolean) | null>(null);
  useEffect(() => {
    if (focusAfter.current?.()) focusAfter.current = null;
  }, [props.candidates, props.receipt, props.state]);

  const byId = useMemo(() => new Map(props.candidates.map((c) => [c.id, c])), [props.candidates]);
  // A candidate added or gone since the order was taken (a refresh after a recusal) still shows.
  const shown = [...order.filter((id) => byId.has(id)), ...props.candidates.filter((c) => !order.includes(c.id)).map((c) => c.id)].map((id) => byId.get(id)!);
  const active = props.candidates.filter((c) => !c.recusal);
  const scored = active.filter((c) => values[c.id] !== null && values[c.id] !== undefined).length;
  const rowOrder = shown.map((c) => c.id);

  function title(c: BallotCandidate) {
    return titleLine(c, locale);
  }
  function labelFor(c: BallotCandidate) {
    return t('scoreFor', { candidate: c.person ? `${c.person}, ${title(c)}` : title(c), nomination: props.nominationLabel });
  }

  function chooseSort(next: Sort) {
    setSort(next);
    const base = props.candidates.map((c) => c.id);
    if (next === 'list') return setOrder(base);
    const rank = (id: number) => (byId.get(id)?.recusal ? -2 : values[id] ?? -1);
    // Highest score first, unscored and then recused at the end; equal scores keep the list order.
    setOrder([...base].sort((a, b) => rank(b) - rank(a) || base.indexOf(a) - base.indexOf(b)));
  }

  function chooseView(next: BallotView) {
    if (next === view) return;
    setView(next);
    start(async () => {
      const r = await setBallotView({ view: next });
      if (!r.ok) setMessage({ kind: 'error', text: r.message });
    });
  }

  function nextUnscored() {
    const id = nextUnscoredId(rowOrder, (i) => !byId.get(i)?.recusal && values[i] == null);
    if (id === undefined) {
      // Nothing left to score: the next step is submitting, so that is where the focus goes.
      setMessage({ kind: 'ok', text: t('allScored') });
      focusNextStep();
      return;
    }
    setMessage(null);
    focusScore(id, 'center');
  }

  function onSubmit() {
    const gaps = active.filter((c) => values[c.id] === null || values[c.id] === undefined).map((c) => c.id);
    setMissing(gaps);
    if (gaps.length) {
      setMessage({ kind: 'error', text: t('missing', { count: gaps.length }) });
      focusScore(gaps[0], 'center');
      return;
    }
    if (autosave.summary === 'saving' || autosave.summary === 'error') {
      setMessage({ kind: 'error', text: t('waitForSave') });
      return;
    }
    // Submitting locks the ballot: say what will be locked and let the juror confirm first.
    setConfirming(true);
  }

  /**
   * Submit, recuse, withdraw: the page reloads its data on success, says what happened in the status
   * region and moves the focus to where the juror goes on from (`focus`); shows the refusal otherwise.
   */
  function perform(call: () => Promise<{ ok: true } | { ok: false; message: string }>, done: { say: string; focus: () => boolean }, onOk?: () => void) {
    start(async () => {
      const r = await call();
      if (!r.ok) return setMessage({ kind: 'error', text: r.message });
      onOk?.();
      setMessage({ kind: 'ok', text: done.say });
      focusAfter.current = done.focus;
      router.refresh();
    });
  }
  const focusId = (id: string) => () => {
    const el = document.getElementById(id);
    el?.focus();
    return !!el;
  };
  const onRecuse = (c: BallotCandidate, reason: string) =>
    perform(() => declareRecusal({ filmId: c.filmId, reason }), { say: nestQuotes(locale, t('announce.recused', { title: localTitle(c, locale) })), focus: focusId(`recused-${c.id}`) }, () => setRecusing(null));
  const onWithdraw = (c: BallotCandidate) =>
    perform(() => withdrawRecusal({ filmId: c.filmId }), { say: nestQuotes(locale, t('announce.withdrawn', { title: localTitle(c, locale) })), focus: () => focusScore(c.id, 'center') });

  const statusText =
    autosave.summary === 'saving' ? t('saving')
    : autosave.summary === 'error' ? t('notSaved')
    : autosave.summary === 'refused' ? t('refused')
    : autosave.summary === 'saved' ? t('saved')
    : '';

  /** The recusal state and switch of a candidate's film, in either layout. */
  function recusalPart(c: BallotCandidate) {
    if (c.recusal) {
      return (
        <div className={s.recused} id={`recused-${c.id}`} tabIndex={-1} data-testid="recused">
          {c.recusal === NATIONALITY_REASON ? t('recusedNationality') : t('recusedBecause', { reason: c.recusal })}
          {c.recusal !== NATIONALITY_REASON && (open || props.state === 'upcoming') && (
            <> <button type="button" className={s.small} disabled={pending} onClick={() => onWithdraw(c)}>{t('withdrawRecusal')}</button></>
          )}
        </div>
      );
    }
    if (!(open || props.state === 'upcoming')) return null;
    return recusing === c.id ? (
      <RecusalForm onCancel={() => setRecusing(null)} onConfirm={(reason) => onRecuse(c, reason)} pending={pending} id={c.id} />
    ) : (
      <div className={s.row}>
        <button type="button" className={s.small} onClick={() => setRecusing(c.id)}>{t('declareRecusal')}</button>
      </div>
    );
  }

  const showScores = open || props.state === 'submitted' || props.state === 'closed';

  return (
    <>
      {props.receipt?.reopened && props.reopened.length > 0 && (
        <p className={ui.notice} role="status">
          {t('reopenedBy', { reason: props.reopened[props.reopened.length - 1].reason })} {t('reopenedCounts')}
        </p>
      )}
      {props.state === 'upcoming' && <p className={ui.notice}>{t('notOpenYet')}</p>}
      {props.state === 'closed' && <p className={ui.notice}>{t('closed')}</p>}
      {props.receipt && <Receipt {...props.receipt} nominationLabel={props.nominationLabel} next={props.state === 'submitted' ? props.next : undefined} />}

      <div className={s.toolbar}>
        <div role="group" aria-label={t('view.label')} className={s.segmented}>
          {(['cards', 'compact'] as const).map((v) => (
            <button key={v} type="button" aria-pressed={view === v} className={s.segment} onClick={() => chooseView(v)} data-testid={`view-${v}`}>{t(`view.${v}`)}</button>
          ))}
        </div>
        <label className={s.sortLabel}>
          {t('sort.label')}{' '}
          <select className={s.select} value={sort} onChange={(e) => chooseSort(e.target.value as Sort)}>
            <option value="list">{t('sort.list')}</option>
            <option value="score">{t('sort.score')}</option>
          </select>
        </label>
        {showScores && <button type="button" className={s.small} onClick={nextUnscored}>{t('nextUnscored')}</button>}
      </div>
      <p className={s.keysHint}>{t('keysHint')}</p>

      <div className={s.status}>
        <span>{t('progress', { scored, total: active.length })}</span>
        <span aria-live="polite" data-testid="save-state" data-state={autosave.summary} className={autosave.summary === 'error' || autosave.summary === 'refused' ? s.saveError : s.saveState}>
          {statusText}
          {autosave.summary === 'error' && (
            <> <button type="button" className={s.small} onClick={autosave.retryAll}>{t('retry')}</button></>
          )}
        </span>
      </div>
      {/* Always in the page, so that a screen reader announces what an action did when its text arrives. */}
      <p role="status" data-testid="ballot-status" className={message?.kind === 'ok' ? ui.success : undefined}>{message?.kind === 'ok' ? message.text : ''}</p>
      {message?.kind === 'error' && <p role="alert" className={ui.alert}>{message.text}</p>}
      {missing.length > 0 && (
        <nav aria-label={t('missingNav')} className={ui.card}>
          <ul className={ui.list}>
            {active.filter((c) => missing.includes(c.id) && values[c.id] == null).map((c) => (
              <li key={c.id}>
                <button type="button" className={s.small} onClick={() => focusScore(c.id, 'center')}>{c.person ? `${c.person} — ` : ''}{title(c)}</button>
              </li>
            ))}
          </ul>
        </nav>
      )}

      {view === 'compact' ? (
        <ol className={s.compact} data-testid="compact-ballot">
          {shown.map((c) => (
            <CompactRow
              key={c.id}
              c={c}
              scaleValues={scaleVals}
              value={values[c.id] ?? null}
              note={notes[c.id] ?? ''}
              label={labelFor(c)}
              readOnly={!open || !showScores}
              missing={missing.includes(c.id) && values[c.id] == null && !c.recusal}
              item={autosave.states[`${c.id}:value`]}
              noteItem={autosave.states[`${c.id}:note`]}
              link={{ href: `/jury/by-film/${c.filmId}`, text: nestQuotes(locale, t('byFilmLink', { title: localTitle(c, locale) })) }}
              onValue={(v) => setValue(c.id, v)}
              onNote={(v) => setNote(c.id, v)}
              onMove={(d) => moveFocus(rowOrder, c.id, d)}
              recusal={recusalPart(c)}
            />
          ))}
        </ol>
      ) : (
        <ol className={s.candidates}>
          {shown.map((c) => {
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
                    <Link prefetch={false} href={`/jury/films/${c.filmId}`} className={ui.title} tabIndex={-1} data-testid="candidate-film-link">
                      <FilmTitle film={c} className="" />
                    </Link>
                    <p className={s.details}>
                      {[c.director, c.countryName, c.year, c.runtimeMinutes ? tc('film.minutes', { count: c.runtimeMinutes }) : null].filter(Boolean).join(' · ')}
                      {' · '}<Link prefetch={false} href={`/jury/by-film/${c.filmId}`} aria-label={nestQuotes(locale, t('byFilmLink', { title: localTitle(c, locale) }))}>{t('films.heading')}</Link>
                    </p>
                  </div>
                  {item && <span className={s.itemState}>{item.status === 'refused' ? item.message : t(`item.${item.status}`)}</span>}
                </div>
                {c.recusal ? recusalPart(c) : (
                  <>
                    {showScores && (
                      <ScoreControl
                        id={`score-${c.id}`}
                        values={scaleVals}
                        value={values[c.id] ?? null}
                        label={labelFor(c)}
                        disabled={!open}
                        onChange={(v) => setValue(c.id, v)}
                        onMove={(d) => moveFocus(rowOrder, c.id, d)}
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
                      onChange={(e) => setNote(c.id, e.target.value)}
                    />
                    {noteItem?.status === 'refused' && <p id={`note-state-${c.id}`} className={ui.error}>{noteItem.message}</p>}
                    {recusalPart(c)}
                  </>
                )}
              </li>
            );
          })}
        </ol>
      )}

      {open && (
        <div className={`${s.submitBar} ${ui.card}`}>
          <p>{t('submitExplain')}</p>
          <button type="button" id={NEXT_STEP_ID} className={ui.button} onClick={onSubmit} disabled={pending}>{t('submit')}</button>
          <ConfirmDialog
            open={confirming}
            title={t('submitConfirmTitle', { nomination: props.nominationLabel })}
            message={<p>{t('submitConfirmText', { count: active.length, nomination: props.nominationLabel })}</p>}
            confirmLabel={t('submitConfirm')}
            pending={pending}
            testId="submit-confirm"
            onCancel={() => setConfirming(false)}
            onConfirm={() => {
              setConfirming(false);
              perform(() => submitBallot({ nominationId: props.nomination.id }), { say: t('announce.submitted', { nomination: props.nominationLabel }), focus: focusId('receipt-heading') });
            }}
          />
        </div>
      )}
    </>
  );
}
