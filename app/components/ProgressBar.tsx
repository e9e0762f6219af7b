// A small, honest progress bar: the numbers are in the accessible name and value.
import s from './progress.module.css';

export function ProgressBar({ value, max, label }: { value: number; max: number; label: string }) {
  const pct = max > 0 ? Math.round((value / max) * 100) : 0;
  return (
    <div className={s.track} role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={max} aria-valuenow={value} aria-valuetext={`${value} / ${max}`}>
      <div className={value >= max && max > 0 ? `${s.bar} ${s.done}` : s.bar} style={{ width: `${pct}%` }} />
    </div>
  );
}
