// The public list of every published jury of every edition, newest edition first: the edition's name and
// city, the competition, the date it published and the address of its results (issue 23). A jury that has
// not published is not listed: nothing of it shows before its own publication.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { DB } from '@/db';
import { publishedJuries } from '@/lib/festival/archive';
import { competitionName, festivalCity, festivalName } from '@/lib/festival/names';
import { whenFormatter } from '@/app/components/when';

export async function PublishedList({ db }: { db: DB }) {
  const juries = publishedJuries(db);
  if (juries.length === 0) return null;
  // The 'results' area, not 'results.archive': the compiler's union of namespaces is at its limit.
  const t = await getTranslations('results');
  const locale = await getLocale();
  const when = await whenFormatter();
  return (
    <section aria-labelledby="archive-heading" className="no-print">
      <h2 id="archive-heading">{t('archive.heading')}</h2>
      <ul data-testid="published-juries">
        {juries.map((j) => (
          <li key={j.juryId} data-jury-path={j.path}>
            <Link href={j.path}>
              {t('archive.item', { festival: festivalName(j.edition, locale), city: festivalCity(j.edition, locale), competition: competitionName(j.competition, locale) ?? t('archive.mainCompetition') })}
            </Link>
            {j.publishedAt && <> — {t('archive.published', { date: when.day(j.publishedAt.slice(0, 10)) })}</>}
          </li>
        ))}
      </ul>
    </section>
  );
}
