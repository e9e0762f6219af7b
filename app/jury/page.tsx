// The juror's home: their nominations in award order, each with progress and state.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db';
import { requireRole, JUROR_ROLES } from '@/lib/auth';
import { jurorNominations } from '@/lib/ballot/queries';
import { ProgressBar } from '@/app/components/ProgressBar';
import ui from '@/app/components/ui.module.css';
import s from './jury.module.css';
import { Badge } from '@/app/components/Badge';
import { AccountNotice } from '@/app/components/AccountNotice';
import { RunoffBallots } from './runoff/RunoffBallots';

export async function generateMetadata() {
  return { title: (await getTranslations('jury'))('title') };
}

export default async function JuryHome() {
  const me = await requireRole(...JUROR_ROLES);
  const t = await getTranslations('jury');
  const tc = await getTranslations('common');
  const nominations = jurorNominations(getDb(), me);
  return (
    <main className={ui.main}>
      <h1>{t('welcome', { name: me.displayName })}</h1>
      <AccountNotice userId={me.id} />
      <RunoffBallots jurorId={me.id} />
      <h2 id="nominations-heading">{tc('nominations')}</h2>
      <ul className={s.nominations} aria-labelledby="nominations-heading">
        {nominations.map((n) => {
          const label = tc(`nomination.${n.code}`);
          return (
            <li key={n.id} className={ui.card} data-testid={`nomination-${n.code}`}>
              <div className={ui.spread}>
                <h3 className={s.nominationTitle}>
                  {n.state === 'upcoming' && n.toScore === 0 ? label : <Link href={`/jury/${n.code}`}>{label}</Link>}
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
    </main>
  );
}
