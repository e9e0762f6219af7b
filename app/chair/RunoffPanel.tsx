// One nomination's runoffs on the chair's desk: "Hold a runoff vote" where the rules send the tie
// to one, the open runoff's votes cast out of those entitled with "Close the runoff", and each
// closed runoff's counts. Never who voted what; while open, no count per candidate.
import { getLocale, getTranslations } from 'next-intl/server';
import { listOf } from '@/lib/locale/lists';
import type { DB } from '@/db';
import type { Tie } from '@/lib/tally/types';
import { runoffDesk } from '@/lib/runoff/desk';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { closeRunoff, openRunoff } from './runoff-actions';
import ui from '@/app/components/ui.module.css';

type Props = { db: DB; code: string; name: string; nom: { id: number; tieBreak: string; exAequoAllowed: boolean; maxWinners: number }; tie: Tie | null; nameOf: (id: number | string) => string };

/** Whether the tie waits on a runoff (due or open): then the casting vote and the shared award are not offered yet. */
export function runoffPending(db: DB, nom: Props['nom'], tie: Tie | null): boolean {
  const d = runoffDesk(db, nom, tie);
  return d.due || d.open !== null;
}

export async function RunoffPanel({ db, code, name, nom, tie, nameOf }: Props) {
  const t = await getTranslations('runoff.chair');
  const locale = await getLocale();
  const desk = runoffDesk(db, nom, tie);
  if (!desk.due && !desk.open && desk.closed.length === 0) return null;
  return (
    <div data-testid={`runoffs-${code}`}>
      {desk.closed.map((r) => (
        <div key={r.id} data-testid={`runoff-result-${r.ordinal}`}>
          <p><strong>{t('closedHeading', { ordinal: r.ordinal })}</strong></p>
          {r.withheld ? (
            <p className={ui.muted} data-testid="runoff-counts-withheld">{t('countsWithheld', { votes: r.votes })}</p>
          ) : (
            <ul className={ui.list}>
              {r.counts.map((c) => <li key={c.candidate}>{t('count', { name: nameOf(c.candidate), count: c.votes })}</li>)}
              {r.abstentions > 0 && <li>{t('abstentions', { count: r.abstentions })}</li>}
            </ul>
          )}
        </div>
      ))}
      {desk.open && (
        <div data-testid={`runoff-open-${code}`}>
          <p><strong>{t('openHeading', { ordinal: desk.open.ordinal })}</strong></p>
          <p>{t('tied', { names: listOf(locale, desk.open.tied.map(nameOf)) })}</p>
          <p role="status" aria-live="polite" data-testid="runoff-votes-cast" data-cast={desk.open.cast} data-entitled={desk.open.entitled}>
            {t('cast', { cast: desk.open.cast, entitled: desk.open.entitled })}
          </p>
          <p className={ui.muted}>{desk.open.allVoted ? t('allVoted') : desk.open.canClose ? t('quorumMet', { quorum: desk.open.quorum }) : t('quorumNot', { quorum: desk.open.quorum })}</p>
          <ActionForm
            action={closeRunoff}
            fields={{ runoff: desk.open.id }}
            submit={t('close')}
            confirmTitle={t('closeTitle', { nomination: name })}
            confirm={t(desk.open.allVoted ? 'closeText' : 'closeTextEarly', { cast: desk.open.cast, entitled: desk.open.entitled })}
            confirmLabel={t('closeConfirm')}
            testId={`close-runoff-${code}`}
          />
        </div>
      )}
      {desk.due && tie && (
        <>
          <p>{t(desk.closed.length ? 'dueAgain' : 'due', { names: listOf(locale, tie.candidates.map(nameOf)) })}</p>
          <ActionForm
            action={openRunoff}
            fields={{ nomination: code, tied: tie.candidates.map(Number) }}
            submit={t('open')}
            confirmTitle={t('openTitle', { nomination: name })}
            confirm={t('openText', { names: listOf(locale, tie.candidates.map(nameOf)) })}
            confirmLabel={t('openConfirm')}
            testId={`open-runoff-${code}`}
          />
        </>
      )}
    </div>
  );
}
