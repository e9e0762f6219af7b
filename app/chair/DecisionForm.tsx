// What the chair can decide on one nomination of the closed round: the tie (or a new decision on
// it), "no award" where nobody can win, withdrawing the decision in force; and, after the round
// was reopened, which earlier decision was set aside and has to be taken again on the new data.
import { getLocale, getTranslations } from 'next-intl/server';
import { listOf } from '@/lib/locale/lists';
import { getDb } from '@/lib/database';
import { getFestival } from '@/lib/festival/phase';
import { listNominations } from '@/lib/festival/queries';
import { candidateName } from '@/lib/festival/names';
import { candidateLabels } from '@/lib/round/view';
import { buildTallyInput } from '@/lib/count/tally-input';
import { decisionRows, decisionsInForce, setAsideByReopen, undecidedResult, type DecisionRow } from '@/lib/count/decisions';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { NoAwardForm } from './NoAwardForm';
import { TieForm } from './TieForm';
import { RunoffPanel, runoffPending } from './RunoffPanel';
import { runoffDesk } from '@/lib/runoff/desk';
import { withdrawDecision } from './decision-actions';
import ui from '@/app/components/ui.module.css';
import { nominationName } from '@/i18n/names';

export async function DecisionForm({ code }: { code: string }) {
  const db = getDb();
  const t = await getTranslations('chair');
  const tc = await getTranslations('common');
  const phase = getFestival(db).phase;
  const round = phase === 'main_closed' ? 'main' : phase === 'special_closed' ? 'special' : null;
  const nom = listNominations(db).find((n) => n.code === code);
  if (!round || !nom || nom.round !== round) return null;
  const name = nominationName(tc, code);
  const locale = await getLocale();
  const labels = candidateLabels(db, locale);
  const names = (ids: number[]) => listOf(locale, ids.map((id) => candidateName(labels.get(String(id)))));
  const describe = (d: DecisionRow) => t(`decision.kind.${d.kind as 'casting_vote' | 'shared' | 'no_award'}`, { names: names(d.chosen) });
  const rows = decisionRows(db);
  const current = decisionsInForce(rows).filter((d) => d.code === code).at(-1);
  const aside = setAsideByReopen(rows, round).find((d) => d.code === code);
  const base = undecidedResult(buildTallyInput(db), code);
  const nobody = base.status === 'no_candidates' || base.status === 'no_scores';
  const hadRunoffs = runoffPending(db, nom, base.tie) || runoffDesk(db, nom, base.tie).closed.length > 0;
  if (!current && !aside && base.status !== 'blocked' && !nobody && !hadRunoffs) return null;
  // Where the rules send the tie to a runoff (due or open), the casting vote and the shared award wait.
  const waitsOnRunoff = base.status === 'blocked' && runoffPending(db, nom, base.tie);
  return (
    <div className={ui.notice} data-testid={`decision-${code}`}>
      {aside && <p data-testid={`set-aside-${code}`}>{t('decision.setAside', { what: describe(aside) })}</p>}
      {current && (
        <p data-testid={`current-decision-${code}`}>
          {t('decision.current', { what: describe(current) })}{current.reason ? ` — ${current.reason}` : ''}
        </p>
      )}
      <RunoffPanel db={db} code={code} name={name} nom={nom} tie={base.status === 'blocked' ? base.tie : null} nameOf={(id) => candidateName(labels.get(String(id)))} />
      {base.status === 'blocked' && base.tie && !waitsOnRunoff && (
        <TieForm
          nomination={code}
          nominationName={name}
          tied={base.tie.candidates.map((id) => ({ id, name: candidateName(labels.get(id)) }))}
          sharedAllowed={nom.exAequoAllowed && runoffDesk(db, nom, base.tie).next.includes('shared')}
          maxWinners={nom.maxWinners}
          changing={!!current}
        />
      )}
      {nobody && current?.kind !== 'no_award' && (
        <>
          <p>{t(`decision.nobody.${base.status as 'no_candidates' | 'no_scores'}`)}</p>
          <NoAwardForm nomination={code} nominationName={name} />
        </>
      )}
      {current && (
        <ActionForm
          action={withdrawDecision}
          fields={{ nomination: code }}
          submit={t('decision.withdraw')}
          confirmTitle={t('decision.withdrawTitle', { nomination: name })}
          confirm={t('decision.withdrawText', { what: describe(current), nomination: name })}
          confirmLabel={t('decision.withdrawConfirm')}
          variant="secondary"
          testId={`withdraw-${code}`}
        />
      )}
    </div>
  );
}
