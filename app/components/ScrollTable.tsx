// A table that may scroll sideways on a phone: the scrolling region is focusable and named, so
// keyboard users can scroll it too.
import ui from './ui.module.css';

export function ScrollTable({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className={ui.tableWrap} tabIndex={0} role="region" aria-label={label}>
      {children}
    </div>
  );
}
