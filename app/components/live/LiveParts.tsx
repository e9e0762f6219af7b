'use client';
// Pieces of pages that follow the live counts (inside <LiveCounts>): each renders the server's
// figure until the stream brings a newer one.
import { useTranslations } from 'next-intl';
import { Badge } from '@/app/components/Badge';
import ui from '@/app/components/ui.module.css';
import { useLive } from './LiveCounts';
import { nominationName } from '@/i18n/names';

/** The chair's "n ballots missing" line of the voting round. */
export function LiveMissing({ fallback }: { fallback: number }) {
  const t = useTranslations('live');
  const count = useLive()?.missing ?? fallback;
  return <p className={count > 0 ? ui.notice : ui.success} data-testid="live-missing">{t('missingLive', { count })}</p>;
}

/** A nomination's counted ballots against the quorum (the chair's table foot). */
export function LiveCounted({ code, fallback, quorum }: { code: string; fallback: number; quorum: number }) {
  const c = useLive()?.ballots?.[code] ?? fallback;
  return <Badge tone={c < quorum ? 'warn' : 'ok'}>{c}</Badge>;
}

/** The organisers' "n of m ballots submitted". */
export function LiveSubmitted({ fallback, total }: { fallback: number; total: number }) {
  const t = useTranslations('live');
  const ballots = useLive()?.ballots;
  const submitted = ballots ? Object.values(ballots).reduce((a, b) => a + b, 0) : fallback;
  return <p data-testid="live-submitted">{t('ballotsSubmittedLive', { submitted, total })}</p>;
}

/** The open runoffs with their counts (and, for a juror, their own state). Nothing when none is open. */
export function LiveRunoffList() {
  const t = useTranslations('live');
  const tc = useTranslations('common');
  const runoffs = useLive()?.runoffs.filter((r) => r.open) ?? [];
  if (runoffs.length === 0) return null;
  return (
    <section className={ui.card} aria-labelledby="live-runoffs-heading" data-testid="live-runoffs">
      <h2 id="live-runoffs-heading">{t('runoffsHeading')}</h2>
      <ul className={ui.list}>
        {runoffs.map((r) => (
          <li key={r.id} data-testid={`live-runoff-${r.nomination}`}>
            {t('runoffLine', { nomination: nominationName(tc, r.nomination), cast: r.cast, entitled: r.entitled })}
            {r.mayVote !== undefined && <> <Badge tone={r.voted ? 'ok' : r.mayVote ? 'accent' : undefined}>{t(r.voted ? 'youVoted' : r.mayVote ? 'youMayVote' : 'notEntitled')}</Badge></>}
          </li>
        ))}
      </ul>
    </section>
  );
}
