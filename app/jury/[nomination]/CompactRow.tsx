'use client';
// One candidate on one line: its title in the reader's language, a compact score control, a note
// toggle and a "details" toggle behind which are the film's details, the way to the film's page of
// the ballot and the recusal. Used by the compact ballot and by the ballot of one film.
import { useState } from 'react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { BallotCandidate } from '@/lib/ballot/queries';
import { shownTitle } from '@/lib/festival/names';
import { listOf } from '@/lib/locale/lists';
import { ScoreControl } from './ScoreControl';
import type { ItemState } from './useAutosave';
import ui from '@/app/components/ui.module.css';
import s from './ballot.module.css';

type Props = {
  c: BallotCandidate;
  /** Shown instead of the film's title: the nomination, on the page of one film. */
  name?: string;
  /** A tag after the name: the ballot's state where it is not open. */
  tag?: string;
  scaleValues: number[];
  value: number | null;
  note: string;
  label: string;
  readOnly: boolean;
  missing: boolean;
  item?: ItemState;
  noteItem?: ItemState;
  /** Behind "details": the film's page of the ballot, or this nomination's ballot. */
  link: { href: string; text: string } | null;
  onValue: (v: number | null) => void;
  onNote: (v: string) => void;
  onMove: (direction: 1 | -1) => void;
  /** The recusal state and controls, shown behind "details" (null where the page shows them elsewhere). */
  recusal: React.ReactNode;
};

export function CompactRow(p: Props) {
  const t = useTranslations('jury');
  const tc = useTranslations('common');
  const locale = useLocale();
  const [noteOpen, setNoteOpen] = useState(false);
  const [moreOpen, setMoreOpen] = useState(false);
  const { c } = p;
  const shown = shownTitle(c, locale);
  const title = shown.title;
  const recused = !!c.recusal;
  const hasNote = p.note.trim().length > 0;
  const rowName = listOf(locale, [p.name, c.person, p.name ? null : title].filter((x): x is string => !!x), 'plain');
  // Only what needs the juror's attention: "saving" flickers by on every click and the status bar has it.
  const showItem = p.item && (p.item.status === 'error' || p.item.status === 'refused');
  return (
    <li className={s.crow} data-testid="candidate" data-candidate={c.id} data-missing={p.missing}>
      <div className={s.crowLine}>
        <div className={s.crowTitle}>
          {p.name ? (
            <>
              <span className={s.crowName}>{p.name}</span>
              {c.person && <span className={s.crowOriginal}>{c.person}</span>}
            </>
          ) : (
            <>
              {c.person && <span className={s.crowPerson}>{c.person}</span>}
              <span className={s.crowName} lang={shown.lang}>{title}</span>
              {shown.original && <span className={s.crowOriginal}>{shown.original}</span>}
            </>
          )}
          {p.tag && <span className={s.crowTag}>{p.tag}</span>}
          {/* In the title's cell, which takes the free width: the score buttons never move under the pointer. */}
          {showItem && <span className={`${s.crowItem} ${p.item!.status === 'saving' ? s.itemState : s.saveError}`}>{p.item!.status === 'refused' ? p.item!.message : t(`item.${p.item!.status}`)}</span>}
        </div>
        {recused ? (
          <span className={s.crowRecused}>{t('recusedShort')}</span>
        ) : (
          <ScoreControl id={`score-${c.id}`} compact values={p.scaleValues} value={p.value} label={p.label} disabled={p.readOnly} onChange={p.onValue} onMove={p.onMove} />
        )}
        <div className={s.crowTools}>
          {!recused && (
            <button type="button" className={s.toggle} aria-expanded={noteOpen} aria-controls={`note-panel-${c.id}`} onClick={() => setNoteOpen((o) => !o)} data-has-note={hasNote || undefined}>
              {hasNote ? t('noteToggleWritten') : t('noteToggle')}<span className="visually-hidden">: {rowName}</span>
            </button>
          )}
          <button type="button" className={s.toggle} aria-expanded={moreOpen} aria-controls={`more-${c.id}`} onClick={() => setMoreOpen((o) => !o)}>
            {t('moreToggle')}<span className="visually-hidden">: {rowName}</span>
          </button>
        </div>
      </div>
      {p.missing && <p className={ui.error}>{t('missingOne')}</p>}
      {!recused && (
        <div id={`note-panel-${c.id}`} hidden={!noteOpen} className={s.crowPanel}>
          <label className={s.noteLabel} htmlFor={`note-${c.id}`}>{t('noteLabel')}</label>
          <textarea
            id={`note-${c.id}`}
            className={s.note}
            value={p.note}
            maxLength={4000}
            readOnly={p.readOnly}
            aria-describedby={p.noteItem?.status === 'refused' ? `note-state-${c.id}` : undefined}
            onChange={(e) => p.onNote(e.target.value)}
          />
          {p.noteItem?.status === 'refused' && <p id={`note-state-${c.id}`} className={ui.error}>{p.noteItem.message}</p>}
        </div>
      )}
      <div id={`more-${c.id}`} hidden={!moreOpen} className={s.crowPanel}>
        <p className={s.details}>
          {[c.director, c.countryName, c.year, c.runtimeMinutes ? tc('film.minutes', { count: c.runtimeMinutes }) : null].filter(Boolean).join(' · ')}
        </p>
        {p.link && <p><Link prefetch={false} href={p.link.href}>{p.link.text}</Link></p>}
        {p.recusal}
      </div>
    </li>
  );
}
