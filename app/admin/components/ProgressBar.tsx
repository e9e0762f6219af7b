// A small, honest progress bar: a CSS bar with the progressbar role and its values.
import s from './admin.module.css';

export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <span role="progressbar" aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-label={label} className={s.bar}>
      <span className={`${s.barFill} ${max > 0 && value >= max ? s.barDone : ''}`} style={{ width: `${pct}%` }} />
    </span>
  );
}
