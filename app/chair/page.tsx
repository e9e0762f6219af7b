// The chair's desk: the rounds and their actions, who has submitted what (never a value),
// recusals, the tally of a closed round with its ties to decide, finalisation.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { requireRole } from '@/lib/auth';
import { getFestival } from '@/lib/festival/phase';
import { missingBallots } from '@/lib/round/missing';
import { quorumOf } from '@/lib/count/quorum';
import { recusalList, submissionTable } from '@/lib/round/view';
import { personName } from '@/lib/festival/names';
import { ScrollTable } from '@/app/components/ScrollTable';
import { ClosedRoundActions, CloseRoundAction } from './RoundActions';
import { ReopenBallotForm } from './ReopenBallotForm';
import { TallyView } from './TallyView';
import { DecisionsToTake } from './DecisionsToTake';
import { NominationOverview } from '@/app/components/NominationOverview';
import { FilmTable } from '@/app/components/FilmTable';
import ui from '@/app/components/ui.module.css';
import { Badge } from '@/app/components/Badge';
import { AccountNotice } from '@/app/components/AccountNotice';
import { AccountRequestsSection } from './AccountRequestsSection';
import { LockedAccountsSection } from './LockedAccountsSection';
import { FailedSigninsNotice } from '@/app/components/FailedSigninsNotice';
import { AccountFlagsSection } from './AccountFlagsSection';
import { AuditHead } from '@/app/results/AuditHead';
import { LiveCounts } from '@/app/components/live/LiveCounts';
import { LiveCounted, LiveMissing } from '@/app/components/live/LiveParts';
import { liveViewFor } from '@/lib/live/page';
import { nominationName } from '@/i18n/names';

export async function generateMetadata() {
  return { title: (await getTranslations('chair'))('title') };
}

export default async function ChairHome() {
  const me = await requireRole('chair');
  const t = await getTranslations('chair');
  const tc = await getTranslations('common');
  const tl = await getTranslations('live');
  const locale = await getLocale();
  const db = getDb();
  const fest = getFestival(db);
  const phase = fest.phase;
  const votingRound = phase === 'voting' ? 'main' : phase === 'special_voting' ? 'special' : null;
  const missing = votingRound ? missingBallots(db, votingRound) : [];
  const table = submissionTable(db);
  const submitted = new Set(table.submitted);
  const reopened = new Set(table.reopened);
  const quorum = votingRound ? quorumOf(db, votingRound) : null;
  const countedIn = new Map(quorum?.nominations.map((n) => [n.code, n.counted]));
  const recusals = recusalList(db, locale);
  const roundNoms = table.nominations.filter((n) => n.round === votingRound);
  const reopenOptions = roundNoms.flatMap((n) =>
    table.jurors.filter((j) => submitted.has(`${j.id}:${n.id}`)).map((j) => ({ jurorId: j.id, nominationId: n.id, label: `${personName(j, locale)} — ${nominationName(tc, n.code)}` })),
  );
  return (
    <main className={ui.main}>
      <LiveCounts initial={liveViewFor(db, me)} refreshOnBallots>
      <h1>{t('welcome', { name: me.displayName })}</h1>
      {(phase === 'main_closed' || phase === 'special_closed') && <DecisionsToTake />}
      <AccountNotice userId={me.id} />
      <FailedSigninsNotice userId={me.id} />
      <AccountRequestsSection />
      <LockedAccountsSection />
      <AccountFlagsSection viewer={me} />
      <section className={ui.card} aria-labelledby="round-heading">
        <h2 id="round-heading">{t('round.heading')}</h2>
        <p>{tc('currentPhase')}: <strong data-testid="chair-phase">{tc(`phase.${phase}`)}</strong></p>
        {phase === 'setup' && <p className={ui.muted}>{t('round.setup')}</p>}
        {votingRound && (
          <>
            <LiveMissing fallback={missing.length} />
            {quorum && (
              <p className={quorum.short.length ? ui.notice : undefined} data-testid="quorum">
                {t(quorum.setting === null ? 'round.quorumAll' : 'round.quorum', { quorum: quorum.quorum })}{' '}
                {quorum.short.length > 0 ? t('round.belowQuorum', { count: quorum.short.length }) : t('round.quorumMet')}
              </p>
            )}
            {reopened.size > 0 && <p className={ui.muted}>{t('round.reopenedCount', { count: reopened.size })}</p>}
            <CloseRoundAction round={votingRound} missing={missing.length} />
          </>
        )}
        {(phase === 'main_closed' || phase === 'special_closed') && <ClosedRoundActions phase={phase} />}
        {(phase === 'main_closed' || phase === 'special_voting' || phase === 'special_closed') && (
          <p><Link href="/results/protocol" data-testid="draft-protocol-link">{t('round.draftProtocol')}</Link></p>
        )}
        {(phase === 'finalised' || phase === 'published') && (
          <p>
            {t('round.finalised')} <code data-testid="final-hash" style={{ wordBreak: 'break-all' }}>{fest.finalHash}</code>{' '}
            <Link href="/results/protocol">{t('round.protocol')}</Link>
          </p>
        )}
        {(phase === 'finalised' || phase === 'published') && <AuditHead fest={fest} />}
        <p><Link href="/chair/room" data-testid="room-link">{tl('room.link')}</Link></p>
      </section>

      {votingRound && (
        <section aria-labelledby="ballots-heading">
          <h2 id="ballots-heading">{t('ballots.heading')}</h2>
          <ScrollTable label={tc('tableOf', { name: t('ballots.heading') })}>
            <table data-testid="submissions">
              <thead>
                <tr>
                  <th scope="col">{t('ballots.juror')}</th>
                  {roundNoms.map((n) => <th scope="col" key={n.id}>{nominationName(tc, n.code)}</th>)}
                </tr>
              </thead>
              <tbody>
                {table.jurors.filter((j) => j.active).map((j) => (
                  <tr key={j.id}>
                    <th scope="row">{personName(j, locale)}</th>
                    {roundNoms.map((n) => (
                      <td key={n.id}>
                        {submitted.has(`${j.id}:${n.id}`) ? <Badge tone="ok">{t('ballots.submitted')}</Badge>
                          : reopened.has(`${j.id}:${n.id}`) ? <Badge tone="warn">{t('ballots.reopened')}</Badge>
                          : <Badge>{t('ballots.pending')}</Badge>}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
              {quorum && (
                <tfoot>
                  <tr>
                    <th scope="row">{t('ballots.counted', { quorum: quorum.quorum })}</th>
                    {roundNoms.map((n) => {
                      const c = countedIn.get(n.code);
                      return <td key={n.id} data-testid={`counted-${n.code}`}>{c === undefined ? '—' : <LiveCounted code={n.code} fallback={c} quorum={quorum.quorum} />}</td>;
                    })}
                  </tr>
                </tfoot>
              )}
            </table>
          </ScrollTable>
          <div className={ui.card}>
            <h3>{t('reopenBallot.heading')}</h3>
            <ReopenBallotForm options={reopenOptions} />
          </div>
        </section>
      )}

      <section aria-labelledby="recusals-heading">
        <h2 id="recusals-heading">{t('recusals.heading')}</h2>
        {recusals.length === 0 ? (
          <p className={ui.muted}>{t('recusals.none')}</p>
        ) : (
          <ul className={ui.list} data-testid="recusals">
            {recusals.map((r, i) => <li key={i}>{t('recusals.item', { juror: r.juror, film: r.film, reason: r.reason })}</li>)}
          </ul>
        )}
      </section>

      <TallyView canDecide={phase === 'main_closed' || phase === 'special_closed'} />
      <NominationOverview />
      <details className={ui.card}>
        <summary>{t('filmsSummary')}</summary>
        <FilmTable />
      </details>
      </LiveCounts>
    </main>
  );
}
