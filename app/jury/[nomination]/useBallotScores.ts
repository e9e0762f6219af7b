'use client';
// The juror's values and notes on a page of the ballot (a nomination, or a film across its
// nominations), saved through the one saveScore / saveNote action with the autosave of useAutosave.
import { useCallback, useEffect, useState } from 'react';
import { saveNote, saveScore } from '../actions';
import { useAutosave, type Field } from './useAutosave';
import { useRenderedJury } from '@/app/components/action-form/rendered-jury';
import { FORM_JURY_FIELD } from '@/lib/http/form-jury-field';

type Scored = { id: number; value: number | null; note: string };

export function useBallotScores(candidates: Scored[], storageKey: string, editable: (id: number) => boolean) {
  const [values, setValues] = useState(() => Object.fromEntries(candidates.map((c) => [c.id, c.value])) as Record<number, number | null>);
  const [notes, setNotes] = useState(() => Object.fromEntries(candidates.map((c) => [c.id, c.note])) as Record<number, string>);
  // Each save states the jury the ballot was rendered for (lib/server/form-jury.ts): after a switch to
  // another jury in another tab it is refused with words saying so, not as a missing candidate.
  const jury = useRenderedJury();
  const saver = useCallback(async (candidateId: number, field: Field, v: number | null | string) => {
    const stated = jury === null ? {} : { [FORM_JURY_FIELD]: String(jury) };
    const r = field === 'value' ? await saveScore({ candidateId, value: v, ...stated }) : await saveNote({ candidateId, note: v, ...stated });
    return r.ok ? { ok: true as const } : { ok: false as const, message: r.message };
  }, [jury]);
  const autosave = useAutosave(storageKey, saver, true);

  // Values entered on this device but never acknowledged (offline, closed tab) come back and are
  // sent; the key is the juror's, so a value typed in one view is recovered in the other.
  useEffect(() => {
    const ids = new Set(candidates.filter((c) => editable(c.id)).map((c) => c.id));
    for (const u of autosave.unsent()) {
      if (!ids.has(u.candidateId)) continue;
      if (u.field === 'value') setValues((prev) => ({ ...prev, [u.candidateId]: u.v as number | null }));
      else setNotes((prev) => ({ ...prev, [u.candidateId]: String(u.v) }));
      autosave.change(u.candidateId, u.field, u.v);
    }
    // Once per page load, on purpose: `candidates` and `editable` are new on every render, and each
    // pass re-queues every unsent value (autosave.change sets state), so listing them would re-send
    // the same saves on every render without end. What was unsent when the page opened is what to recover.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const setValue = (id: number, v: number | null) => {
    setValues((prev) => ({ ...prev, [id]: v }));
    autosave.change(id, 'value', v);
  };
  const setNote = (id: number, v: string) => {
    setNotes((prev) => ({ ...prev, [id]: v }));
    autosave.change(id, 'note', v);
  };
  return { values, notes, setValue, setNote, autosave };
}

/** Focuses a candidate's score control (its roving tab stop); false when it has none (recused). */
export function focusScore(id: number, block: ScrollLogicalPosition = 'nearest'): boolean {
  const el = document.getElementById(`score-${id}`);
  const stop = el?.querySelector('[tabindex="0"]') as HTMLElement | null;
  if (!stop) return false;
  el!.scrollIntoView({ block });
  stop.focus();
  return true;
}

/**
 * The next step after the last candidate: Submit on a nomination's ballot, "next film" on a film's.
 * J after the last row goes there, so a keyboard juror never tabs through the page to find it.
 */
export const NEXT_STEP_ID = 'ballot-next-step';

/** J / K: from candidate `id`, the next or previous one in `order` that has a score control; J after the last goes to the next step. */
export function moveFocus(order: number[], id: number, direction: 1 | -1) {
  for (let i = order.indexOf(id) + direction; i >= 0 && i < order.length; i += direction) {
    if (focusScore(order[i])) return;
  }
  if (direction === 1) focusNextStep();
}

export function focusNextStep(): boolean {
  const el = document.getElementById(NEXT_STEP_ID);
  if (!el) return false;
  el.scrollIntoView({ block: 'center' });
  el.focus();
  return true;
}

/** "Next unscored": the first candidate after the focused one (wrapping round) still to score. */
export function nextUnscoredId(order: number[], toScore: (id: number) => boolean): number | undefined {
  const from = (document.activeElement?.closest('[data-candidate]') as HTMLElement | null)?.dataset.candidate;
  const at = from ? order.indexOf(Number(from)) : -1;
  return [...order.slice(at + 1), ...order.slice(0, at + 1)].find(toScore);
}
