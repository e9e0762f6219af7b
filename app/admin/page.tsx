import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requireRole } from '@/lib/auth';
import { getFestival, listJurors, listNominations } from '@/lib/festival/queries';
import { FilmTable } from '@/app/components/FilmTable';
import { ScrollTable } from '@/app/components/ScrollTable';
import ui from '@/app/components/ui.module.css';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminHome() {
  await requireRole('organiser');
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  const db = getDb();
  const fest = getFestival(db);
  const nominations = listNominations(db);
  const jurors = listJurors(db);
  return (
    <main className={ui.main}>
      <h1>{t('title')}</h1>
      <section className={ui.card} aria-labelledby="festival-heading">
        <h2 id="festival-heading">{fest.name}</h2>
        <p>
          {fest.city}{fest.endsOn ? ` · ${t('endsOn', { date: fest.endsOn })}` : ''} · {tc('currentPhase')}:{' '}
          <strong>{tc(`phase.${fest.phase}`)}</strong>
        </p>
        <p className={ui.muted}>
          {t('scale', { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep })} · {t('method')}: {tc(`method.${fest.method}`)}
        </p>
      </section>
      <section aria-labelledby="nominations-heading">
        <h2 id="nominations-heading">{tc('nominations')}</h2>
        <ol data-testid="admin-nominations">
          {nominations.map((n) => (
            <li key={n.id}>
              {tc(`nomination.${n.code}`)} <span className={ui.muted}>({tc(`round.${n.round}`)})</span>
            </li>
          ))}
        </ol>
      </section>
      <FilmTable />
      <section aria-labelledby="jurors-heading">
        <h2 id="jurors-heading">{t('jurorsHeading', { count: jurors.length })}</h2>
        <ScrollTable label={t('jurorsHeading', { count: jurors.length })}>
          <table data-testid="jurors">
            <thead>
              <tr>
                <th scope="col">{t('juror.name')}</th>
                <th scope="col">{t('juror.login')}</th>
                <th scope="col">{t('juror.country')}</th>
                <th scope="col">{t('juror.role')}</th>
              </tr>
            </thead>
            <tbody>
              {jurors.map((j) => (
                <tr key={j.id}>
                  <td>{j.displayName}{j.placeholder && <> <span className={ui.badge}>{tc('placeholder')}</span></>}</td>
                  <td>{j.login}</td>
                  <td>{j.country ?? '—'}</td>
                  <td>{tc(`role.${j.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
      </section>
    </main>
  );
}
