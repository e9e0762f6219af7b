// The tally of a closed round, per nomination: ranked table with aggregates, each candidate's
// score distribution, the winner and margin, reasons in words, and the tie to decide if any.
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { reasonText } from '@/lib/round/reasons';
import { candidateName } from '@/lib/festival/names';
import { listOf } from '@/lib/locale/lists';
import { candidateLabels, closedRoundTally, filmTitles } from '@/lib/round/view';
import { rankedApart } from '@/lib/round/ranked-apart';
import { Histogram } from '@/app/components/Histogram';
import { ScrollTable } from '@/app/components/ScrollTable';
import { TallyProblems } from '@/app/components/TallyProblems';
import { DecisionForm } from './DecisionForm';
import { AwardFold } from './AwardFold';
import ui from '@/app/components/ui.module.css';
import { Badge } from '@/app/components/Badge';
import { decidedBy, decidedByMessage } from '@/lib/round/decided-by';
import tv from './tally.module.css';
import { nominationName } from '@/i18n/names';

const WITHHELD_LABEL = { thin: 'tally.thin', tied_with_thin: 'tally.tiedWithThin', few_changed: 'tally.fewChanged' } as const;

export async function TallyView({ canDecide }: { canDecide: boolean }) {
  const db = getDb();
  const t = await getTranslations('chair');
  const tc = await getTranslations('common');
  const view = closedRoundTally(db);
  const locale = await getLocale();
  const labels = candidateLabels(db, locale);
  const films = filmTitles(db, locale);
  if (view.problems.length > 0) return <TallyProblems problems={view.problems} />;
  if (view.nominations.length === 0) return null;
  return (
    <section aria-labelledby="tally-heading">
      <h2 id="tally-heading">{t('tally.heading', { method: tc(`method.${view.method}`) })}</h2>
      {view.nominations.map((n) => {
        const name = nominationName(tc, n.code);
        // A tie the rules send to a runoff is the jury's to settle first: saying "the chair must
        // decide" beside it would contradict the rules.
        const runoffDue = n.reasons.some((r) => r.code === 'runoff_due');
        const reasons = runoffDue ? n.reasons.filter((r) => r.code !== 'tie_unresolved') : n.reasons;
        const apartOf = rankedApart(n.ranking, view.method, n.withheld);
        return (
          <article key={n.code} id={`tally-${n.code}`} tabIndex={-1} className={ui.card} data-testid={`tally-${n.code}`} aria-labelledby={`tally-${n.code}-h`}>
            <div className={ui.spread}>
              <h3 id={`tally-${n.code}-h`}>{name}</h3>
              <Badge tone={n.status === 'decided' ? 'ok' : n.status === 'blocked' ? 'warn' : undefined}>{runoffDue ? t('status.runoff') : t(`status.${n.status}`)}</Badge>
            </div>
            {n.winners.length > 0 && (
              <p data-testid={`winner-${n.code}`}>
                {t(n.winners.length > 1 ? 'tally.winnersShared' : 'tally.winner', { names: listOf(locale, n.winners.map((w) => candidateName(labels.get(w)))) })}
                <DecidedByText n={n} />
              </p>
            )}
            {n.changedSinceShown > 0 ? (
              <p className={ui.notice} data-testid={`withheld-${n.code}`}>{t('tally.fewChangedExplain', { count: n.changedSinceShown })}</p>
            ) : Object.keys(n.withheld).length > 0 && <p className={ui.muted} data-testid={`withheld-${n.code}`}>{t('tally.thinExplain')}</p>}
            <AwardFold summary={t('tally.details')} needsDecision={n.status !== 'decided'}>
            {reasons.length > 0 && (
              <ul className={ui.muted}>
                {reasons.map((r, i) => <li key={i}>{reasonText(t, tc, r, labels, films, locale)}</li>)}
              </ul>
            )}
            {canDecide && <DecisionForm code={n.code} />}
            <ScrollTable label={t('tally.tableLabel', { nomination: name })}>
              <table className={tv.stacked}>
                <thead>
                  <tr>
                    <th scope="col">{t('tally.rank')}</th>
                    <th scope="col">{t('tally.candidate')}</th>
                    <th scope="col">{t('tally.aggregate')}</th>
                    <th scope="col">{t('tally.counted')}</th>
                    <th scope="col">{t('tally.distribution')}</th>
                    <th scope="col">{t('tally.notes')}</th>
                  </tr>
                </thead>
                <tbody>
                  {n.ranking.map((r) => {
                    const apart = apartOf.get(r.candidate);
                    const l = labels.get(r.candidate);
                    const won = n.winners.includes(r.candidate);
                    return (
                      <tr key={r.candidate} data-candidate={r.candidate} data-winner={won || undefined} className={won ? tv.winnerRow : undefined}>
                        <td data-label={t('tally.rank')}>{r.rank}</td>
                        <td data-label={t('tally.candidate')}>
                          <span>
                            {won && <><Badge tone="ok">{t('tally.winnerMark')}</Badge>{' '}</>}
                            {l?.person && <strong>{l.person} — </strong>}
                            {l && <span lang={l.lang}>{l.title}</span>}{l?.original && <span className={ui.english}>{l.original}</span>}
                          </span>
                        </td>
                        {n.withheld[r.candidate] ? (
                          <td data-label={t('tally.aggregate')} data-withheld={n.withheld[r.candidate]}>{t(WITHHELD_LABEL[n.withheld[r.candidate]])}</td>
                        ) : (
                          <td data-label={t('tally.aggregate')} title={r.aggregate?.exact}>{r.aggregate?.display ?? '—'}</td>
                        )}
                        <td data-label={t('tally.counted')}>{r.counted}</td>
                        <td data-label={t('tally.distribution')}>
                          {n.histograms[r.candidate]
                            ? <Histogram counts={n.histograms[r.candidate]} values={view.scaleValues} label={t('tally.distributionOf', { name: candidateName(l) })} locale={locale} />
                            : <span className={ui.muted}>—</span>}
                        </td>
                        <td data-label={t('tally.notes')} className={ui.muted}>{[
                          ...(apart ? [t('tally.rankedApart', { names: listOf(locale, apart.map((id) => candidateName(labels.get(id)))) })] : []),
                          ...r.reasons.map((x) => reasonText(t, tc, x, labels, films, locale)),
                        ].join(' · ')}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </ScrollTable>
            </AwardFold>
          </article>
        );
      })}
      <MethodComparison comparison={view.comparison} labels={labels} />
    </section>
  );
}

/** How the award was decided, in words: a casting vote or a shared award is never "margin 0.00". */
async function DecidedByText({ n }: { n: { code: string; status: string; winners: string[]; reasons: ReturnType<typeof closedRoundTally>['nominations'][number]['reasons']; margin: { display: string } | null } }) {
  const t = await getTranslations('chair');
  const d = decidedBy(n);
  if (!d) return null;
  // The chair reads the figures of the closed round, a runoff's count among them (lib/round/decided-by.ts).
  const m = decidedByMessage(d, n.margin?.display ?? null);
  const text = t(`decidedBy.${m.key}`, m.values);
  return <> · <span data-testid={`decided-by-${n.code}`} data-how={d.how}>{text}</span></>;
}

async function MethodComparison({ comparison, labels }: { comparison: ReturnType<typeof closedRoundTally>['comparison']; labels: ReturnType<typeof candidateLabels> }) {
  const t = await getTranslations('chair');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const methods = ['mean', 'trimmed_mean', 'median', 'normalized_mean', 'schulze'] as const;
  return (
    <section className={ui.card} aria-labelledby="comparison-heading">
      <h3 id="comparison-heading">{t('comparison.heading')}</h3>
      <p className={ui.muted}>{t('comparison.explain')}</p>
      <ScrollTable label={tc('tableOf', { name: t('comparison.heading') })}>
        <table data-testid="method-comparison" className={tv.stacked}>
          <thead>
            <tr>
              <th scope="col">{tc('nominations')}</th>
              {methods.map((m) => <th scope="col" key={m}>{tc(`method.${m}`)}</th>)}
            </tr>
          </thead>
          <tbody>
            {comparison.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {nominationName(tc, c.code)}
                  {c.dependsOnMethod && <> <Badge tone="warn">{t('comparison.depends')}</Badge></>}
                </th>
                {methods.map((m) => (
                  <td key={m} data-label={tc(`method.${m}`)}>{c.winners[m].length ? listOf(locale, c.winners[m].map((w) => candidateName(labels.get(w)))) : t(`status.${c.status[m]}`)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </section>
  );
}
