// The room display, for a projector in the jury room: the award under a runoff, its tied
// candidates, and the count of votes cast out of those entitled, very large and live; once the
// chair closes the runoff, its result. The chair's page only: the result of a runoff is part of a
// closed round's tally, which before finalisation only the chair sees (organisers see no winner
// or figure before then, see lib/round/visibility.ts); the chair puts it on the wall for the jury.
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { liveViewFor } from '@/lib/live/page';
import { roomDisplay, type RoomCandidate } from '@/lib/live/room';
import { candidateName, localTitle, shownTitle } from '@/lib/festival/names';
import { listOf } from '@/lib/locale/lists';
import { LiveCounts, LiveRunoffCount } from '@/app/components/live/LiveCounts';
import s from './room.module.css';
import { nominationName } from '@/i18n/names';

export async function generateMetadata() {
  return { title: (await getTranslations('live'))('room.title') };
}

function Title({ c, locale }: { c: RoomCandidate; locale: string }) {
  const shown = shownTitle(c, locale);
  return (
    <>
      {c.person && <span className={s.person}>{c.person}</span>}
      <span lang={shown.lang}>{shown.title}</span>
      {shown.original && <span className={s.original}>{shown.original}</span>}
    </>
  );
}

export default async function RoomDisplay() {
  const me = await requireRole('chair');
  const t = await getTranslations('live');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const db = getDb();
  const initial = liveViewFor(db, me);
  const { open, last } = roomDisplay(db);
  const names = (cs: RoomCandidate[]) => listOf(locale, cs.map((c) => candidateName({ person: c.person, title: localTitle(c, locale) })));
  return (
    <main className={s.room} data-testid="room-display">
      <LiveCounts initial={initial}>
        <h1 className="visually-hidden">{t('room.title')}</h1>
        {open.map((r) => {
          const v = initial.runoffs.find((x) => x.id === r.id);
          return (
            <section key={r.id} aria-labelledby={`room-award-${r.id}`} data-testid="room-open">
              <p className={s.kicker}>{t('room.runoffFor')}</p>
              <h2 id={`room-award-${r.id}`} className={s.award}>{nominationName(tc, r.code)}</h2>
              <ul className={s.tied} aria-label={t('room.tiedLabel')}>
                {r.tied.map((c) => <li key={c.id}><Title c={c} locale={locale} /></li>)}
              </ul>
              <p className={s.count} data-testid="room-count">
                <LiveRunoffCount id={r.id} field="cast" fallback={v?.cast ?? 0} /> / <LiveRunoffCount id={r.id} field="entitled" fallback={v?.entitled ?? 0} />
              </p>
              <p className={s.countLabel}>{t('room.votesCast')}</p>
            </section>
          );
        })}
        {open.length === 0 && <p className={s.none} data-testid="room-none">{t('room.noneOpen')}</p>}
        {last && (
          <section aria-labelledby="room-result" data-testid="room-result">
            <p className={s.kicker}>{open.length ? t('room.previous') : t('room.lastClosed')}</p>
            <h2 id="room-result" className={s.award}>{nominationName(tc, last.code)}</h2>
            {last.withheld ? <p data-testid="room-counts-withheld">{t('room.countsWithheld')}</p> : <table className={s.result}>
              <caption className="visually-hidden">{t('room.resultCaption', { nomination: nominationName(tc, last.code) })}</caption>
              <thead>
                <tr><th scope="col">{t('room.candidate')}</th><th scope="col">{t('room.votes')}</th></tr>
              </thead>
              <tbody>
                {last.counts.map((c) => (
                  <tr key={c.candidate.id}><th scope="row"><Title c={c.candidate} locale={locale} /></th><td className={s.votes}>{c.votes}</td></tr>
                ))}
                {last.abstentions > 0 && <tr><th scope="row">{t('room.abstentions')}</th><td className={s.votes}>{last.abstentions}</td></tr>}
              </tbody>
            </table>}
            <p className={s.outcome} data-testid="room-outcome">
              {last.winners ? t('room.winner', { count: last.winners.length, names: names(last.winners) }) : t('room.tiedAgain', { names: names(last.stillTied) })}
            </p>
          </section>
        )}
      </LiveCounts>
    </main>
  );
}
