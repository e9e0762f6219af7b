'use client';
// One film across the ballot: every nomination it or one of its performances is a candidate in,
// scored in one list with the same autosave (saveScore / saveNote) as the nomination's ballot. A
// submitted, closed or not yet open nomination is read-only; a recused film is scored nowhere.
// Submitting stays on each nomination's own page, where the whole ballot is in view.
import { useEffect, useMemo, useState, useTransition } from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { FilmSection } from '@/lib/ballot/film-view';
import { scaleValues, type Scale } from '@/lib/ballot/scale';
import { NATIONALITY_REASON } from '@/lib/tally/recused';
import { declareRecusal, withdrawRecusal } from '@/app/jury/actions';
import { CompactRow } from '@/app/jury/[nomination]/CompactRow';
import { RecusalForm } from '@/app/jury/[nomination]/RecusalForm';
import { focusScore, moveFocus, NEXT_STEP_ID, nextUnscoredId, useBallotScores } from '@/app/jury/[nomination]/useBallotScores';
import ui from '@/app/components/ui.module.css';
import s from '@/app/jury/[nomination]/ballot.module.css';

type Props = {
  filmId: number;
  title: string;
  recusal: string | null;
  scale: Scale;
  sections: (FilmSection & { label: string })[];
  storageKey: string;
  previous: { href: string; title: string } | null;
  next: { href: string; title: string } | null;
};

export function FilmBallot(props: Props) {
  const t = useTranslations('jury');
  const router = useRouter();
  const rows = props.sections.flatMap((sec) => sec.candidates.map((c) => ({ c, sec })));
  const open = (sec: FilmSection) => sec.state === 'open' && !props.recusal;
  const editable = new Set(rows.filter((r) => open(r.sec)).map((r) => r.c.id));
  const { values, notes, setValue, setNote, autosave } = useBallotScores(rows.map((r) => r.c), props.storageKey, (id) => editable.has(id));
  const [recusing, setRecusing] = useState(false);
  const [message, setMessage] = useState<{ kind: 'error' | 'ok'; text: string } | null>(null);
  const [pending, start] = useTransition();
  const scaleVals = useMemo(() => scaleValues(props.scale), [props.scale]);
  const order = rows.map((r) => r.c.id);
  const toScore = rows.filter((r) => open(r.sec));
  const scored = toScore.filter((r) => values[r.c.id] != null).length;
  // Recusal is possible while any round can still be scored (the server checks the phase and the ballots).
  const canChangeRecusal = props.sections.some((sec) => sec.state === 'open' || sec.state === 'upcoming');

  // Arriving by "next film" (?start), the focus is on the first score still to give: film after
  // film, a keyboard juror types a digit and J per row, and J then Enter to go on.
  useEffect(() => {
    if (!new URLSearchParams(window.location.search).has('start')) return;
    const id = order.find((i) => editable.has(i) && values[i] == null) ?? order.find((i) => editable.has(i));
    if (id !== undefined) focusScore(id);
    // Once, when the film's page opens, on purpose: with `values` listed, every score given would move
    // the focus on to the next unscored row by itself, under the juror's hands.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function perform(call: () => Promise<{ ok: true } | { ok: false; message: string }>, onOk?: () => void) {
    start(async () => {
      const r = await call();
      if (!r.ok) return setMessage({ kind: 'error', text: r.message });
      onOk?.();
      setMessage(null);
      router.refresh();
    });
  }

  function nextUnscored() {
    const id = nextUnscoredId(order, (i) => editable.has(i) && values[i] == null);
    if (id === undefined) return setMessage({ kind: 'ok', text: t('allScored') });
    setMessage(null);
    focusScore(id, 'center');
  }

  const statusText =
    autosave.summary === 'saving' ? t('saving')
    : autosave.summary === 'error' ? t('notSaved')
    : autosave.summary === 'refused' ? t('refused')
    : autosave.summary === 'saved' ? t('saved')
    : '';

  return (
    <>

      <div className={s.toolbar}>
        <button type="button" className={s.small} onClick={nextUnscored}>{t('nextUnscored')}</button>
      </div>
      <p className={s.keysHint}>{t('keysHintFilm')}</p>
      <div className={s.status}>
        <span>{t('progress', { scored, total: toScore.length })}</span>
        <span aria-live="polite" data-testid="save-state" data-state={autosave.summary} className={autosave.summary === 'error' || autosave.summary === 'refused' ? s.saveError : s.saveState}>
          {statusText}
          {autosave.summary === 'error' && <> <button type="button" className={s.small} onClick={autosave.retryAll}>{t('retry')}</button></>}
        </span>
      </div>
      {message && <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? ui.alert : ui.success}>{message.text}</p>}

      <ol className={s.compact} data-testid="film-ballot">
        {rows.map(({ c, sec }) => (
          <CompactRow
            key={c.id}
            c={c}
            name={sec.label}
            tag={sec.state === 'open' ? undefined : t(`state.${sec.state}`)}
            scaleValues={scaleVals}
            value={values[c.id] ?? null}
            note={notes[c.id] ?? ''}
            label={t('scoreFor', { candidate: c.person ? `${c.person}, ${props.title}` : props.title, nomination: sec.label })}
            readOnly={!open(sec)}
            missing={false}
            item={autosave.states[`${c.id}:value`]}
            noteItem={autosave.states[`${c.id}:note`]}
            link={{ href: `/jury/${sec.nomination.code}`, text: t('openNomination', { nomination: sec.label }) }}
            onValue={(v) => setValue(c.id, v)}
            onNote={(v) => setNote(c.id, v)}
            onMove={(d) => moveFocus(order, c.id, d)}
            recusal={null}
          />
        ))}
      </ol>
      <p className={s.keysHint}>{t('byFilmSubmitHint')}</p>
      {(props.previous || props.next) && (
        <nav aria-label={t('filmNav')} className={s.filmNav}>
          {props.previous && <Link prefetch={false} href={props.previous.href} rel="prev">← {t('previousFilm', { title: props.previous.title })}</Link>}
          {props.next && <Link prefetch={false} href={props.next.href} rel="next" id={NEXT_STEP_ID} data-testid="next-film">{t('nextFilm', { title: props.next.title })} →</Link>}
        </nav>
      )}
      <section className={ui.card} aria-labelledby="recusal-heading" data-testid="film-recusal">
        <h2 id="recusal-heading" className={s.filmRecusalHeading}>{t('recusalHeading')}</h2>
        {props.recusal ? (
          <div className={s.recused}>
            {props.recusal === NATIONALITY_REASON ? t('recusedNationality') : t('recusedBecause', { reason: props.recusal })}
            {props.recusal !== NATIONALITY_REASON && canChangeRecusal && (
              <> <button type="button" className={s.small} disabled={pending} onClick={() => perform(() => withdrawRecusal({ filmId: props.filmId }))}>{t('withdrawRecusal')}</button></>
            )}
          </div>
        ) : recusing ? (
          <RecusalForm id="film" pending={pending} onCancel={() => setRecusing(false)} onConfirm={(reason) => perform(() => declareRecusal({ filmId: props.filmId, reason }), () => setRecusing(false))} />
        ) : (
          <>
            <p className={s.keysHint}>{t('recusalCovers')}</p>
            {canChangeRecusal && <div className={s.row}><button type="button" className={s.small} onClick={() => setRecusing(true)}>{t('declareRecusal')}</button></div>}
          </>
        )}
      </section>

    </>
  );
}
