// A film's title in the reader's language with the original beneath it where it reads differently
// (lib/festival/names.ts picks both), and a badge when the film is still one of the demo's placeholders.
// Server and client components alike render every title through this one component.
import { useLocale } from 'next-intl';
import ui from './ui.module.css';
import { Badge } from './Badge';
import { shownTitle, type Titles } from '@/lib/festival/names';

export function FilmTitle({ film, badge, className }: { film: Titles; badge?: string; className?: string }) {
  const locale = useLocale();
  const t = shownTitle(film, locale);
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
