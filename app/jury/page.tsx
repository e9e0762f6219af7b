// The juror's home: their nominations in award order, each with progress and state.
// Its links do not prefetch (every page behind them is dynamic: see the note in [nomination]/Ballot.tsx).
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole, JUROR_ROLES } from '@/lib/auth';
import { jurorNominations } from '@/lib/ballot/queries';
import { jurorFilms } from '@/lib/ballot/film-view';
import { localTitle } from '@/lib/festival/names';
import { ProgressBar } from '@/app/components/ProgressBar';
import ui from '@/app/components/ui.module.css';
import s from './jury.module.css';
import { Badge } from '@/app/components/Badge';
import { AccountNotice } from '@/app/components/AccountNotice';
import { FailedSigninsNotice } from '@/app/components/FailedSigninsNotice';
import { LiveCounts } from '@/app/components/live/LiveCounts';
import { LiveRunoffList } from '@/app/components/live/LiveParts';
import { liveViewFor } from '@/lib/live/page';
import { RunoffBallots } from './runoff/RunoffBallots';
import { nominationName } from '@/i18n/names';

export async function generateMetadata() {
  return { title: (await getTranslations('jury'))('title') };
}

export default async function JuryHome() {
  const me = await requireRole(...JUROR_ROLES);
  const t = await getTranslations('jury');
  const tc = await getTranslations('common');
  const db = getDb();
  const nominations = jurorNominations(db, me);
  const films = jurorFilms(db, me);
  const locale = await getLocale();
  return (
    <main className={ui.main}>
      <LiveCounts initial={liveViewFor(db, me)}>
      <h1>{t('welcome', { name: me.displayName })}</h1>
      <AccountNotice userId={me.id} />
      <FailedSigninsNotice userId={me.id} />
      <RunoffBallots jurorId={me.id} />
      <LiveRunoffList />
      <h2 id="nominations-heading">{tc('nominations')}</h2>
      <ul className={s.nominations} aria-labelledby="nominations-heading">
        {nominations.map((n) => {
          const label = nominationName(tc, n.code);
          return (
            <li key={n.id} className={ui.card} data-testid={`nomination-${n.code}`}>
              <div className={ui.spread}>
                <h3 className={s.nominationTitle}>
                  {n.state === 'upcoming' && n.toScore === 0 ? label : <Link prefetch={false} href={`/jury/${n.code}`}>{label}</Link>}
                </h3>
                <Badge tone={n.state === 'submitted' ? 'ok' : n.state === 'open' ? 'accent' : undefined}>{t(`state.${n.state}`)}</Badge>
              </div>
              <p className={ui.muted}>
                {tc(`round.${n.round}`)} · {t('progress', { scored: n.scored, total: n.toScore })}
              </p>
              <ProgressBar value={n.scored} max={n.toScore} label={t('progressLabel', { nomination: label })} />
            </li>
          );
        })}
      </ul>
      {films.length > 0 && (
        <section aria-labelledby="films-heading">
          <h2 id="films-heading">{t('film.listHeading')}</h2>
          <p className={ui.muted}>{t('films.explain')}</p>
          {/* Each film: its page (synopsis, still, screener, screenings) and its scores in every nomination at once. */}
          <ul className={s.films} data-testid="films">
            {films.map((f) => (
              <li key={f.id}>
                <Link prefetch={false} href={`/jury/films/${f.id}`}>{localTitle(f, locale)}</Link>
                {' · '}
                <Link prefetch={false} href={`/jury/by-film/${f.id}`} aria-label={t('byFilmLink', { title: localTitle(f, locale) })} data-by-film>{t('films.heading')}</Link>{' '}
                {(f.recused || f.toScore > 0) && <span className={ui.muted}>{f.recused ? t('films.recused') : t('progress', { scored: f.scored, total: f.toScore })}</span>}
              </li>
            ))}
          </ul>
        </section>
      )}
      </LiveCounts>
    </main>
  );
}
