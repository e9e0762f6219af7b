// The chair's round actions, each confirmed in a dialog that says what it does: closing the round
// that is open; for a closed round, opening, waiving or (when no film is left for it) skipping the
// Special Jury Prize round, finalising and reopening; and the notice that a reopened round's
// decisions were set aside.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { hasSpecialRound } from '@/lib/nomination/queries';
import { specialRoundCandidates, tally } from '@/lib/tally';
import { buildTallyInput } from '@/lib/count/tally-input';
import { decisionRows, decisionsInForce, setAsideByReopen, waiverInForce } from '@/lib/count/decisions';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { closeRound, finalise, openSpecialRound, reopenRound } from './actions';
import { waiveSpecialRound, withdrawDecision } from './decision-actions';
import ui from '@/app/components/ui.module.css';

export async function CloseRoundAction({ round, missing }: { round: 'main' | 'special'; missing: number }) {
  const t = await getTranslations('chair');
  const label = t(round === 'main' ? 'round.closeMain' : 'round.closeSpecial');
  return (
    <ActionForm
      action={closeRound}
      submit={label}
      checkboxField={missing ? 'confirmMissing' : undefined}
      checkboxLabel={missing ? t('round.confirmMissing', { count: missing }) : undefined}
      confirm={`${t('confirm.close')}${missing ? ` ${t('confirm.closeMissing', { count: missing })}` : ''}`}
      confirmLabel={t('confirm.closeConfirm')}
      testId="close-round"
    />
  );
}

export async function ClosedRoundActions({ phase }: { phase: 'main_closed' | 'special_closed' }) {
  const db = getDb();
  const t = await getTranslations('chair');
  const round = phase === 'main_closed' ? 'main' : 'special';
  const rows = decisionRows(db);
  const aside = setAsideByReopen(rows, round);
  const inForce = decisionsInForce(rows).filter((d) => d.nominationRound === round).length;
  const hasSpecial = phase === 'main_closed' && hasSpecialRound(db);
  const waiver = hasSpecial ? waiverInForce(rows) : null;
  let films = 0;
  if (hasSpecial) {
    const input = buildTallyInput(db);
    films = specialRoundCandidates(input, tally(input)).length;
  }
  const special: 'held' | 'waived' | 'skipped' | 'pending' | 'none' = phase === 'special_closed' ? 'held' : !hasSpecial ? 'none' : waiver ? 'waived' : films === 0 ? 'skipped' : 'pending';
  return (
    <>
      {aside.length > 0 && <p className={ui.notice} role="status" data-testid="decisions-set-aside">{t('decision.setAsideNotice', { count: aside.length })}</p>}
      {special === 'skipped' && <p className={ui.notice} data-testid="special-skipped">{t('special.skipped')}</p>}
      {special === 'waived' && (
        <div className={ui.notice} data-testid="special-waived">
          <p>{t('special.waived', { reason: waiver!.reason })}</p>
          <ActionForm
            action={withdrawDecision}
            submit={t('special.withdrawWaiver')}
            confirm={t('special.withdrawWaiverText')}
            confirmLabel={t('decision.withdrawConfirm')}
            variant="secondary"
            testId="withdraw-waiver"
          />
        </div>
      )}
      <div className={ui.grid}>
        {special === 'pending' && (
          <>
            <ActionForm
              action={openSpecialRound}
              submit={t('round.openSpecial')}
              confirm={t('confirm.openSpecial', { count: films })}
              confirmLabel={t('confirm.openSpecialConfirm')}
              testId="open-special"
            />
            <ActionForm
              action={waiveSpecialRound}
              submit={t('special.waive')}
              reasonLabel={t('special.waiveReason')}
              confirm={t('special.waiveText')}
              confirmLabel={t('special.waiveConfirm')}
              variant="secondary"
              testId="waive-special"
            />
          </>
        )}
        <ActionForm
          action={finalise}
          submit={t('round.finalise')}
          confirm={`${special === 'waived' ? `${t('confirm.finaliseWaived')} ` : special === 'skipped' ? `${t('confirm.finaliseSkipped')} ` : ''}${t('round.finaliseConfirm')}`}
          confirmLabel={t('confirm.finaliseConfirm')}
          variant="danger"
          testId="finalise"
        />
        <ActionForm
          action={reopenRound}
          submit={t('round.reopen')}
          reasonLabel={t('round.reopenReason')}
          confirm={t('confirm.reopen', { count: inForce })}
          confirmLabel={t('confirm.reopenConfirm')}
          variant="secondary"
          testId="reopen-round"
        />
      </div>
    </>
  );
}
