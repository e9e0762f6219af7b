// Voting progress: per juror and nomination, scored / to score, submitted, recusals. Counts only:
// votingProgress never reads a score's value or note.
import { getLocale, getTranslations } from 'next-intl/server';
import { personName } from '@/lib/festival/names';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { votingProgress } from '@/lib/admin/progress';
import { ScrollTable } from '@/app/components/ScrollTable';
import ui from '@/app/components/ui.module.css';
import { AutoRefresh } from '../components/AutoRefresh';
import { ProgressBar } from '@/app/components/ProgressBar';
import s from '../components/admin.module.css';
import { Badge } from '@/app/components/Badge';
import { LiveCounts } from '@/app/components/live/LiveCounts';
import { LiveRunoffList, LiveSubmitted } from '@/app/components/live/LiveParts';
import { liveViewFor } from '@/lib/live/page';
import { nominationName } from '@/i18n/names';

export async function generateMetadata() {
  return { title: (await getTranslations('admin'))('progress.title') };
}

export default async function ProgressPage() {
  const me = await requireRole('organiser');
  const t = await getTranslations('admin');
  const tc = await getTranslations('common');
  const db = getDb();
  const locale = await getLocale();
  const { phase, nominations, rows } = votingProgress(db);
  const live = phase === 'voting' || phase === 'special_voting';
  const totals = rows.reduce((a, r) => {
    for (const c of r.cells) { a.scored += c.scored ?? 0; a.total += c.total ?? 0; a.submitted += c.submitted ? 1 : 0; a.ballots += 1; }
    return a;
  }, { scored: 0, total: 0, submitted: 0, ballots: 0 });
  return (
    <main>
      <LiveCounts initial={liveViewFor(db, me)} refreshOnBallots>
      <h1>{t('progress.title')}</h1>
      {live && <AutoRefresh seconds={10} />}
      <p className={ui.muted}>{live ? t('progress.live') : t('progress.notLive', { phase: tc(`phase.${phase}`) })} {t('progress.privacy')}</p>
      <section className={ui.card} aria-labelledby="progress-summary">
        <h2 id="progress-summary">{t('progress.summary')}</h2>
        <p>{t('progress.scoredOf', { scored: totals.scored, total: totals.total })}</p>
        <ProgressBar value={totals.scored} max={totals.total} label={t('progress.overall')} />
        <LiveSubmitted fallback={totals.submitted} total={totals.ballots} />
      </section>
      <LiveRunoffList />
      <ScrollTable label={t('progress.title')}>
        <table className={s.table} data-testid="progress">
          <thead>
            <tr>
              <th scope="col">{t('juror.name')}</th>
              {nominations.map((n) => <th key={n.id} scope="col">{nominationName(tc, n.code)}</th>)}
              <th scope="col">{t('progress.recusals')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.jurorId}>
                <th scope="row">{personName(r, locale)}{r.role === 'chair' && <> <Badge tone="accent">{tc('role.chair')}</Badge></>}</th>
                {r.cells.map((c, i) => (
                  <td key={c.nominationId} data-testid={`progress-${r.jurorId}-${nominations[i].code}`}>
                    {c.scored === null || c.total === null ? <span className={ui.muted}>{t('progress.specialWithheld')}</span> : (
                      <>
                        {t('progress.cell', { scored: c.scored, total: c.total })}
                        <ProgressBar value={c.scored} max={c.total} label={t('progress.barLabel', { name: personName(r, locale), nomination: nominationName(tc, nominations[i].code) })} />
                      </>
                    )}
                    {c.submitted ? <Badge tone="ok">{t('progress.submitted')}</Badge>
                      : <Badge>{t('progress.notSubmitted')}</Badge>}
                  </td>
                ))}
                <td>{r.recusals}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
      </LiveCounts>
    </main>
  );
}
