// The organisers' desk: the festival's settings, opening the vote, and the jury and films at a glance.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { festivalCity, festivalName, personName } from '@/lib/festival/names';
import { countryName } from '@/lib/film/countries';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { getFestival } from '@/lib/festival/phase';
import { listJurors, listNominations } from '@/lib/festival/queries';
import { votingPreconditions } from '@/lib/admin/phase';
import { FilmTable } from '@/app/components/FilmTable';
import { ScrollTable } from '@/app/components/ScrollTable';
import ui from '@/app/components/ui.module.css';
import { SettingsForm } from './components/SettingsForm';
import { OpenVoting } from './components/OpenVoting';
import { unmetHref, unmetText } from './unmet';
import { Badge } from '@/app/components/Badge';
import { TallyProblems } from '@/app/components/TallyProblems';
import { checkedTally } from '@/lib/count/checked-tally';
import { whenFormatter } from '@/app/components/when';
import { nominationName } from '@/i18n/names';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('title') };
}

export default async function AdminHome() {
  await requireRole('organiser');
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  const db = getDb();
  const fest = getFestival(db);
  const locale = await getLocale();
  const when = await whenFormatter();
  const nominations = listNominations(db);
  const jurors = listJurors(db);
  const setup = fest.phase === 'setup';
  const unmet = setup ? votingPreconditions(db) : [];
  // The same problems the chair's desk shows when the stored data stops the tally (never a value).
  const checked = setup ? null : checkedTally(db);
  const tallyProblems = checked && !checked.ok ? checked.problems : [];
  return (
    <main>
      <h1>{t('title')}</h1>
      <section className={ui.card} aria-labelledby="festival-heading">
        <h2 id="festival-heading">{festivalName(fest, locale)}</h2>
        <p>
          {festivalCity(fest, locale)}{fest.endsOn ? ` · ${t('endsOn', { date: when.day(fest.endsOn) })}` : ''} · {tc('currentPhase')}:{' '}
          <strong data-testid="admin-phase">{tc(`phase.${fest.phase}`)}</strong>
        </p>
        <p className={ui.muted}>
          {t('scale', { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep })} · {t('method')}: {tc(`method.${fest.method}`)}
        </p>
      </section>

      <section className={ui.card} aria-labelledby="phase-heading">
        <h2 id="phase-heading">{t('phase.heading')}</h2>
        {setup ? (
          <>
            {unmet.length > 0 ? (
              <>
                <p>{t('phase.unmet', { count: unmet.length })}</p>
                <ul data-testid="unmet">
                  {unmet.map((u, i) => {
                    const href = unmetHref(u);
                    return <li key={i}>{unmetText(t, tc, u)}{href && <> <Link href={href}>{t('phase.fix')}</Link></>}</li>;
                  })}
                </ul>
              </>
            ) : (
              <p>{t('phase.ready')}</p>
            )}
            {fest.demo && <p className={ui.notice} data-testid="demo-waived">{t('phase.demoWaived')}</p>}
            <p className={ui.muted}>{t('phase.freezes')}</p>
            <OpenVoting ready={unmet.length === 0} />
          </>
        ) : (
          <>
            <p>
              {t('phase.frozen', { phase: tc(`phase.${fest.phase}`) })} <Link href="/admin/progress">{t('nav.progress')}</Link>
            </p>
            {fest.phase === 'finalised' && <p data-testid="admin-next">{t('phase.finalisedNext')} <Link href="/results">{t('phase.resultsLink')}</Link></p>}
            {fest.phase === 'published' && <p data-testid="admin-next">{t('phase.publishedNext')} <Link href="/results">{t('phase.resultsLink')}</Link></p>}
          </>
        )}
      </section>

      {!setup && <TallyProblems problems={tallyProblems} />}

      <section aria-labelledby="settings-heading">
        <h2 id="settings-heading">{t('settings.heading')}</h2>
        {!setup && <p className={ui.notice} data-testid="settings-frozen">{t('settings.frozen')}</p>}
        <SettingsForm
          editable={setup}
          festival={{
            name: fest.name, city: fest.city, nameZh: fest.nameZh, nameRu: fest.nameRu, nameKk: fest.nameKk, cityZh: fest.cityZh, cityRu: fest.cityRu, cityKk: fest.cityKk, startsOn: fest.startsOn, endsOn: fest.endsOn, scaleMin: fest.scaleMin, scaleMax: fest.scaleMax,
            scaleStep: fest.scaleStep, method: fest.method, oneAwardPerFilm: fest.oneAwardPerFilm, recusalByNationality: fest.recusalByNationality,
            quorum: fest.quorum, publicationLevel: fest.publicationLevel,
          }}
          nominations={nominations}
        />
      </section>

      <section aria-labelledby="nominations-heading">
        <h2 id="nominations-heading">{tc('nominations')}</h2>
        <ol data-testid="admin-nominations">
          {nominations.map((n) => (
            <li key={n.id}>
              {nominationName(tc, n.code)} <span className={ui.muted}>({tc(`round.${n.round}`)})</span>
            </li>
          ))}
        </ol>
      </section>
      <FilmTable />
      <p><Link href="/admin/films">{t('films.manage')}</Link></p>
      <section aria-labelledby="jurors-heading">
        <h2 id="jurors-heading">{t('jurorsHeading', { count: jurors.length })}</h2>
        <ScrollTable label={tc('tableOf', { name: t('jurorsHeading', { count: jurors.length }) })}>
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
                  <td>{personName(j, locale)}{j.placeholder && <> <Badge>{tc('placeholder')}</Badge></>}</td>
                  <td>{j.login}</td>
                  <td>{countryName(j.country, locale) ?? '—'}</td>
                  <td>{tc(`role.${j.role}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollTable>
        <p><Link href="/admin/jurors">{t('jurors.manage')}</Link></p>
      </section>
    </main>
  );
}
