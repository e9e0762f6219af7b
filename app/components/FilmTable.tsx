// The festival's films, competition first.
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { listFilms } from '@/lib/festival/queries';
import { countryName } from '@/lib/film/countries';
import { FilmTitle } from './FilmTitle';
import { ScrollTable } from './ScrollTable';

export async function FilmTable() {
  const t = await getTranslations('common');
  const films = listFilms(getDb());
  const locale = await getLocale();
  const competition = films.filter((f) => f.competition);
  return (
    <section aria-labelledby="films-heading">
      <h2 id="films-heading">{t('filmsHeading', { count: competition.length })}</h2>
      <ScrollTable label={t('tableOf', { name: t('filmsHeading', { count: competition.length }) })}>
        <table data-testid="films">
          <thead>
            <tr>
              <th scope="col">{t('film.title')}</th>
              <th scope="col">{t('film.director')}</th>
              <th scope="col">{t('film.country')}</th>
              <th scope="col">{t('film.programme')}</th>
            </tr>
          </thead>
          <tbody>
            {films.map((f) => (
              <tr key={f.id} data-competition={f.competition ? 'yes' : 'no'}>
                <td>
                  <FilmTitle film={f} badge={f.placeholder ? t('placeholder') : undefined} />
                </td>
                <td>{f.director}</td>
                <td>{countryName(f.country, locale) ?? '—'}</td>
                <td>{f.competition ? t('film.competition') : t('film.outOfCompetition')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
