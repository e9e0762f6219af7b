'use client';
// The score control, the most used element of the app: one large button per value of the scale,
// a radio group with a roving tab stop. Arrows move, digits jump (0 = 10), Delete clears.
import { useRef } from 'react';
import s from './ballot.module.css';

type Props = {
  values: number[];
  value: number | null;
  label: string;
  disabled: boolean;
  onChange: (v: number | null) => void;
  id: string;
};

export function ScoreControl({ values, value, label, disabled, onChange, id }: Props) {
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const current = value === null ? -1 : values.indexOf(value);
  const tabStop = current >= 0 ? current : 0;

  function choose(i: number) {
    const next = Math.max(0, Math.min(values.length - 1, i));
    onChange(values[next]);
    refs.current[next]?.focus();
  }

  function onKeyDown(e: React.KeyboardEvent) {
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
    <div role="radiogroup" aria-label={label} aria-disabled={disabled || undefined} className={s.scale} onKeyDown={onKeyDown} id={id}>
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
          className={value === v ? `${s.value} ${s.chosen}` : s.value}
          onClick={() => { if (!disabled) choose(i); }}
        >
          {v}
        </button>
      ))}
    </div>
  );
}
