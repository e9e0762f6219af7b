// Films: the list with edit and remove, a form to add one, and the CSV import of the whole list.
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { getFestival } from '@/lib/festival/phase';
import { listFilms } from '@/lib/festival/queries';
import { countryName } from '@/lib/film/countries';
import { FilmTitle } from '@/app/components/FilmTitle';
import { ScrollTable } from '@/app/components/ScrollTable';
import ui from '@/app/components/ui.module.css';
import { importFilms, previewFilmImport, removeFilm } from '../actions/films';
import { CsvImport } from '../components/CsvImport';
import { FilmForm } from '../components/FilmForm';
import { RowAction } from '../components/RemoveButton';
import { countryOptions } from '../countries';
import s from '../components/admin.module.css';
import { EditDetails } from '../components/EditDetails';
import { AddAndImport } from '../components/AddAndImport';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('films.title') };
}

export default async function FilmsPage() {
  await requireRole('organiser');
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  const db = getDb();
  const setup = getFestival(db).phase === 'setup';
  const films = listFilms(db);
  const locale = await getLocale();
  const countries = countryOptions(locale, t('films.noCountry'));
  const competition = films.filter((f) => f.competition).length;
  return (
    <main>
      <h1>{t('films.title')}</h1>
      {!setup && <p className={ui.notice}>{t('frozen')}</p>}
      <section aria-labelledby="film-list-heading">
        <h2 id="film-list-heading">{tc('filmsHeading', { count: competition })}</h2>
        <p className={ui.muted}>{t('films.candidatesNote')}</p>
        <p><a href="/admin/films/export" download>{t('films.export')}</a></p>
        <ScrollTable label={t('films.title')}>
          <table className={s.table} data-testid="admin-films">
            <thead>
              <tr>
                <th scope="col">{tc('film.title')}</th>
                <th scope="col">{tc('film.director')}</th>
                <th scope="col">{tc('film.country')}</th>
                <th scope="col">{tc('film.year')}</th>
                <th scope="col">{tc('film.runtime')}</th>
                <th scope="col">{tc('film.programme')}</th>
                {setup && <th scope="col">{t('actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {films.map((f) => (
                <tr key={f.id} data-competition={f.competition ? 'yes' : 'no'}>
                  <td>
                    <FilmTitle film={f} badge={f.placeholder ? tc('placeholder') : undefined} />
                  </td>
                  <td>{f.director}</td>
                  <td>{countryName(f.country, locale) ?? '—'}</td>
                  <td>{f.year ?? '—'}</td>
                  <td>{f.runtimeMinutes ? tc('film.minutes', { count: f.runtimeMinutes }) : '—'}</td>
                  <td>{f.competition ? tc('film.competition') : tc('film.outOfCompetition')}</td>
                  {setup && (
                    <td>
                      <div className={s.rowActions}>
                        <EditDetails label={t('edit')} name={f.englishTitle}>
                          <FilmForm film={f} countries={countries} />
                        </EditDetails>
                        <RowAction action={removeFilm} id={f.id} label={t('remove')} variant="danger" confirm={t('films.confirmRemove', { title: f.englishTitle })} />
                      </div>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
      {setup && (
        <AddAndImport id="film" addHeading={t('films.addHeading')} addForm={<FilmForm countries={countries} />}
          importHeading={t('films.importHeading')} importIntro={t('films.importIntro')}
          importer={<CsvImport kind="films" preview={previewFilmImport} apply={importFilms} />} />
      )}
    </main>
  );
}
