// A film's original title with its English title beneath (when they differ), and a badge when the
// film is still one of the demo's placeholders.
import ui from './ui.module.css';
import { Badge } from './Badge';

export function FilmTitle({ originalTitle, englishTitle, badge, local }: {
  originalTitle: string;
  englishTitle: string;
  badge?: string;
  /** The title in the reader's language, where the film list gives one (import columns title_zh/ru/kk). */
  local?: { title: string; lang: string } | null;
}) {
  const second = local && local.title !== originalTitle ? local : englishTitle !== originalTitle ? { title: englishTitle, lang: 'en' } : null;
  return (
    <>
      <span className={ui.title}>
        <span className={ui.original}>{originalTitle}</span>
        {second && <span className={ui.english} lang={second.lang}>{second.title}</span>}
      </span>
      {badge && <Badge>{badge}</Badge>}
    </>
  );
}
