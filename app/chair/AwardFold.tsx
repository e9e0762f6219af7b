'use client';
// One award's details on the chair's desk (its ranking, reasons and the form to change a decision).
// Open on a laptop; on a phone an award with nothing to decide folds once the page is shown, so that
// the desk reads as what is left to decide, one line per award, instead of thirty screens of tables.
import { useEffect, useRef } from 'react';
import tv from './tally.module.css';

/** The width below which the desk folds its decided awards (the phone layout of tally.module.css). */
const PHONE = '(max-width: 40rem)';

export function AwardFold({ summary, needsDecision, children }: { summary: string; needsDecision: boolean; children: React.ReactNode }) {
  const ref = useRef<HTMLDetailsElement>(null);
  useEffect(() => {
    if (!needsDecision && ref.current && window.matchMedia(PHONE).matches) ref.current.open = false;
  }, [needsDecision]);
  return (
    <details ref={ref} open className={tv.fold} data-testid="award-fold">
      <summary>{summary}</summary>
      {children}
    </details>
  );
}
