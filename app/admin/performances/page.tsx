// Performances: the candidates of the acting awards, entered one by one or imported from CSV.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { getFestival } from '@/lib/festival/phase';
import { listFilms } from '@/lib/festival/queries';
import { listPerformanceNominations, listPerformances } from '@/lib/admin/queries';
import { FilmTitle } from '@/app/components/FilmTitle';
import { ScrollTable } from '@/app/components/ScrollTable';
import ui from '@/app/components/ui.module.css';
import { importPerformances, previewPerformanceImport, removePerformance } from '../actions/performances';
import { CsvImport } from '../components/CsvImport';
import { PerformanceForm } from '../components/PerformanceForm';
import { RowAction } from '../components/RemoveButton';
import s from '../components/admin.module.css';
import { Badge } from '@/app/components/Badge';
import { EditDetails } from '../components/EditDetails';
import { AddAndImport } from '../components/AddAndImport';
import { nominationName } from '@/i18n/names';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('performances.title') };
}

export default async function PerformancesPage() {
  await requireRole('organiser');
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  const db = getDb();
  const setup = getFestival(db).phase === 'setup';
  const noms = listPerformanceNominations(db);
  const films = listFilms(db).filter((f) => f.competition);
  const nomOptions = noms.map((n) => ({ value: String(n.id), label: nominationName(tc, n.code) }));
  const filmOptions = films.map((f) => ({ value: String(f.id), label: f.originalTitle === f.englishTitle ? f.englishTitle : `${f.englishTitle} / ${f.originalTitle}` }));
  return (
    <main>
      <h1>{t('performances.title')}</h1>
      {!setup && <p className={ui.notice}>{t('frozen')}</p>}
      {noms.map((n) => {
        const rows = listPerformances(db, n.id);
        return (
          <section key={n.id} aria-labelledby={`perf-${n.code}`}>
            <h2 id={`perf-${n.code}`}>{nominationName(tc, n.code)} <span className={ui.muted}>({tc('candidateCount', { count: rows.length })})</span></h2>
            <ScrollTable label={nominationName(tc, n.code)}>
              <table className={s.table} data-testid={`performances-${n.code}`}>
                <thead>
                  <tr>
                    <th scope="col">{t('performances.person')}</th>
                    <th scope="col">{tc('film.title')}</th>
                    {setup && <th scope="col">{t('actions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id}>
                      <td>{r.person}{r.placeholder && <> <Badge>{tc('placeholder')}</Badge></>}</td>
                      <td><FilmTitle film={r} /></td>
                      {setup && (
                        <td>
                          <div className={s.rowActions}>
                            <EditDetails label={t('edit')} name={r.person ?? ''}>
                              <PerformanceForm performance={{ id: r.id, nominationId: n.id, filmId: r.filmId, person: r.person ?? '' }} nominations={nomOptions} films={filmOptions} />
                            </EditDetails>
                            <RowAction action={removePerformance} id={r.id} label={t('remove')} variant="danger" confirm={t('performances.confirmRemove', { person: r.person ?? '' })} />
                          </div>
                        </td>
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </section>
        );
      })}
      {setup && (
        <AddAndImport id="perf" addHeading={t('performances.addHeading')} addForm={<PerformanceForm nominations={nomOptions} films={filmOptions} />}
          importHeading={t('performances.importHeading')} importIntro={t('performances.importIntro')}
          importer={<CsvImport kind="performances" preview={previewPerformanceImport} apply={importPerformances}
            nominationNames={Object.fromEntries(noms.map((n) => [n.code, nominationName(tc, n.code)]))} />} />
      )}
    </main>
  );
}
