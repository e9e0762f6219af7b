'use client';
// The score control, the most used element of the app: one large button per value of the scale,
// a radio group with a roving tab stop. Arrows move, digits jump (0 = 10), Delete clears; J and K
// move to the next and previous candidate's control (the arrows already step through the values).
import { useRef } from 'react';
import s from './ballot.module.css';

type Props = {
  values: number[];
  value: number | null;
  label: string;
  disabled: boolean;
  onChange: (v: number | null) => void;
  id: string;
  /** Compact: one row of small buttons, for the compact and by-film views. */
  compact?: boolean;
  /** Moves the focus to the next (1) or previous (-1) candidate: J and K. */
  onMove?: (direction: 1 | -1) => void;
};

export function ScoreControl({ values, value, label, disabled, onChange, id, compact = false, onMove }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = value === null ? -1 : values.indexOf(value);
  const tabStop = current >= 0 ? current : 0;

  function choose(i: number) {
    const next = Math.max(0, Math.min(values.length - 1, i));
    onChange(values[next]);
    refs.current[next]?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent) {
    // Moving between candidates works on a read-only ballot too.
    const move = e.key === 'j' || e.key === 'J' ? 1 : e.key === 'k' || e.key === 'K' ? -1 : 0;
    if (move && onMove && !e.altKey && !e.ctrlKey && !e.metaKey) { e.preventDefault(); onMove(move); return; }
    if (disabled) return;
    const at = current >= 0 ? current : -1;
    if (e.key === 'ArrowRight' || e.key === 'ArrowUp') { e.preventDefault(); choose(at + 1); }
    else if (e.key === 'ArrowLeft' || e.key === 'ArrowDown') { e.preventDefault(); choose(at < 0 ? 0 : at - 1); }
    else if (e.key === 'Home') { e.preventDefault(); choose(0); }
    else if (e.key === 'End') { e.preventDefault(); choose(values.length - 1); }
    else if (e.key === 'Delete' || e.key === 'Backspace') { e.preventDefault(); onChange(null); }
    else if (/^[0-9]$/.test(e.key)) {
      const wanted = e.key === '0' ? 10 : Number(e.key);
      const i = values.indexOf(wanted);
      if (i >= 0) { e.preventDefault(); choose(i); }
    }
  }

  return (
    <div role="radiogroup" aria-label={label} aria-disabled={disabled || undefined} className={compact ? s.scaleCompact : s.scale} onKeyDown={onKeyDown} id={id}>
      {values.map((v, i) => (
        <button
          key={v}
          ref={(el) => { refs.current[i] = el; }}
          type="button"
          role="radio"
          aria-checked={value === v}
          tabIndex={i === tabStop ? 0 : -1}
          disabled={disabled && value !== v}
          aria-disabled={disabled || undefined}
          className={`${compact ? s.valueCompact : s.value}${value === v ? ` ${s.chosen}` : ''}`}
          onClick={() => { if (!disabled) choose(i); }}
        >
          {v}
        </button>
      ))}
    </div>
  );
}
