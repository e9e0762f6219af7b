// One film's page of the ballot: the signed-in juror's scores for it in every nomination.
import { notFound } from 'next/navigation';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole, JUROR_ROLES } from '@/lib/auth';
import { filmBallotView, jurorFilms } from '@/lib/ballot/film-view';
import { localTitle, shownTitle } from '@/lib/festival/names';
import { countryName } from '@/lib/film/countries';
import { FilmBallot } from './FilmBallot';
import ui from '@/app/components/ui.module.css';
import { nominationName } from '@/i18n/names';

type Props = { params: Promise<{ film: string }> };

function filmId(raw: string): number | null {
  return /^[1-9]\d{0,8}$/.test(raw) ? Number(raw) : null;
}

export async function generateMetadata() {
  const t = await getTranslations('jury');
  return { title: t('byFilmTitle') };
}

export default async function FilmBallotPage({ params }: Props) {
  const me = await requireRole(...JUROR_ROLES);
  const id = filmId((await params).film);
  if (id === null) notFound();
  const view = filmBallotView(getDb(), me, id);
  if (!view) notFound();
  const t = await getTranslations('jury');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const shown = shownTitle(view.film, locale);
  const f = view.film;
  // The juror's own film order (as on /jury and in every ballot), for "previous" and "next film".
  const films = jurorFilms(getDb(), me);
  const at = films.findIndex((x) => x.id === f.id);
  const near = (i: number) => (i >= 0 && i < films.length ? { href: `/jury/by-film/${films[i].id}?start`, title: localTitle(films[i], locale) } : null);
  return (
    <main className={ui.main}>
      <p className="no-print"><Link prefetch={false} href="/jury#films-heading">← {t('backToFilms')}</Link></p>
      <h1>
        <span lang={shown.lang}>{shown.title}</span>
        {shown.original && <> <span className={ui.muted}>({shown.original})</span></>}
      </h1>
      <p className={ui.muted}>
        {[f.director, countryName(f.country, locale), f.year, f.runtimeMinutes ? tc('film.minutes', { count: f.runtimeMinutes }) : null].filter(Boolean).join(' · ')}
      </p>
      {/* Keyed by the film: "next film" starts from that film's own values, never the last one's state. */}
      <FilmBallot
        key={f.id}
        filmId={f.id}
        title={shown.title}
        recusal={view.recusal}
        scale={view.scale}
        sections={view.sections.map((sec) => ({ ...sec, label: nominationName(tc, sec.nomination.code) }))}
        storageKey={`jury.${me.id}`}
        previous={at >= 0 ? near(at - 1) : null}
        next={at >= 0 ? near(at + 1) : null}
      />
    </main>
  );
}
