// A film's title in the reader's language with the original beneath it where it reads differently
// (lib/festival/names.ts picks both), and a badge when the film is still one of the demo's placeholders.
// Server and client components alike render every title through this one component.
import { useLocale } from 'next-intl';
import ui from './ui.module.css';
import { Badge } from './Badge';
import { shownTitle, type Titles } from '@/lib/festival/names';

/** `inline`: on one line inside a sentence or a list item, the original in brackets ("盛夏 (Лето)"). */
export function FilmTitle({ film, badge, className, inline = false }: { film: Titles; badge?: string; className?: string; inline?: boolean }) {
  const locale = useLocale();
  const t = shownTitle(film, locale);
  if (inline) {
    return (
      <span data-film-title>
        <span lang={t.lang}>{t.title}</span>
        {t.original && <span data-original-title> ({t.original})</span>}
      </span>
    );
  }
  return (
    <>
      <span className={className ?? ui.title} data-film-title>
        <span className={ui.original} lang={t.lang}>{t.title}</span>
        {t.original && <span className={ui.english} data-original-title>{t.original}</span>}
      </span>
      {badge && <Badge>{badge}</Badge>}
    </>
  );
}
