// A film's original title with its English title beneath (when they differ).
import ui from './ui.module.css';

export function FilmTitle({ originalTitle, englishTitle }: { originalTitle: string; englishTitle: string }) {
  return (
    <span className={ui.title}>
      <span className={ui.original}>{originalTitle}</span>
      {englishTitle !== originalTitle && <span className={ui.english} lang="en">{englishTitle}</span>}
    </span>
  );
}
