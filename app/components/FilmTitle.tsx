// A film's original title with its English title beneath (when they differ), and a badge when the
// film is still one of the demo's placeholders.
import ui from './ui.module.css';
import { Badge } from './Badge';

export function FilmTitle({ originalTitle, englishTitle, badge }: { originalTitle: string; englishTitle: string; badge?: string }) {
  return (
    <>
      <span className={ui.title}>
        <span className={ui.original}>{originalTitle}</span>
        {englishTitle !== originalTitle && <span className={ui.english} lang="en">{englishTitle}</span>}
      </span>
      {badge && <Badge>{badge}</Badge>}
    </>
  );
}
