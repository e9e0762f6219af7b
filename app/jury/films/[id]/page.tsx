// A film's page for the jury: synopsis in the reader's language, still or poster, screener link and
// screening times in the festival's time zone. Jurors and the chair only; each part is optional.
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole, JUROR_ROLES } from '@/lib/auth';
import { filmPage, localSynopsis } from '@/lib/film/page';
import { countryName } from '@/lib/film/countries';
import { festivalCity, localTitle } from '@/lib/festival/names';
import { findFestival } from '@/lib/festival/phase';
import { nestQuotes } from '@/lib/locale/quotes';
import { FilmTitle } from '@/app/components/FilmTitle';
import { whenFormatter } from '@/app/components/when';
import ui from '@/app/components/ui.module.css';
import s from './film.module.css';

type Props = { params: Promise<{ id: string }> };

async function load(params: Props['params']) {
  const { id } = await params;
  if (!/^[1-9]\d{0,8}$/.test(id)) notFound();
  return filmPage(getDb(), Number(id)) ?? notFound();
}

export async function generateMetadata({ params }: Props) {
  await requireRole(...JUROR_ROLES);
  return { title: localTitle(await load(params), await getLocale()) };
}

export default async function FilmPage({ params }: Props) {
  await requireRole(...JUROR_ROLES);
  const f = await load(params);
  const locale = await getLocale();
  const t = await getTranslations('jury.film');
  const tc = await getTranslations('common');
  const when = await whenFormatter();
  // Said as the festival's city ("Qingdao time"), never as the zone's technical name.
  const fest = findFestival(getDb());
  const city = fest ? festivalCity(fest, locale) : '';
  const synopsis = localSynopsis(f, locale);
  const title = localTitle(f, locale);
  const nothing = !synopsis && !f.stillUrl && !f.screenerUrl && f.screenings.length === 0;
  return (
    <main className={ui.main}>
      <p className="no-print"><Link prefetch={false} href="/jury">← {t('back')}</Link></p>
      <h1 data-testid="film-title"><FilmTitle film={f} /></h1>
      <p className={ui.muted}>
        {[f.director, countryName(f.country, locale), f.year, f.runtimeMinutes ? tc('film.minutes', { count: f.runtimeMinutes }) : null].filter(Boolean).join(' · ')}
      </p>
      <div className={f.stillUrl ? s.layout : undefined}>
        {f.stillUrl && (
          // Stills are served by the festival's own host (https only, checked at import); no referrer
          // goes with the request, so that host does not learn which jury page asked for it.
          <img className={s.still} src={f.stillUrl} alt={nestQuotes(locale, t('stillAlt', { title }))} referrerPolicy="no-referrer" loading="lazy" data-testid="film-still" />
        )}
        <div>
          {synopsis && (
            <section aria-labelledby="synopsis-heading">
              <h2 id="synopsis-heading">{t('synopsis')}</h2>
              <p lang={synopsis.lang} className={s.synopsis} data-testid="film-synopsis">{synopsis.text}</p>
              {synopsis.lang !== locale && <p className={ui.muted}>{t('synopsisInEnglish')}</p>}
            </section>
          )}
          {f.screenerUrl && (
            <section aria-labelledby="screener-heading">
              <h2 id="screener-heading">{t('screener')}</h2>
              <p>
                <a href={f.screenerUrl} rel="noopener noreferrer" target="_blank" data-testid="film-screener">{nestQuotes(locale, t('watch', { title }))}</a>
                {' '}<span className={ui.muted}>{t('screenerNote')}</span>
              </p>
            </section>
          )}
          {f.screenings.length > 0 && (
            <section aria-labelledby="screenings-heading">
              <h2 id="screenings-heading">{t('screenings')}</h2>
              {city && <p className={ui.muted}>{t('timesIn', { city })}</p>}
              <ul className={ui.list} data-testid="film-screenings">
                {f.screenings.map((sc, i) => (
                  <li key={i}><time dateTime={sc.startsAt}>{when.at(sc.startsAt)}</time>{sc.venue ? ` · ${sc.venue}` : ''}</li>
                ))}
              </ul>
            </section>
          )}
          {nothing && <p className={ui.muted} data-testid="film-nothing">{t('nothingYet')}</p>}
        </div>
      </div>
    </main>
  );
}
