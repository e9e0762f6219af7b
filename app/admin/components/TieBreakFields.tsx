'use client';
// A nomination's tie-break chain in the settings form: how many runoffs (the jurors vote again
// among the tied), then what settles a tie still open (lib/runoff/chain.ts), and whether a juror
// may abstain in a runoff.
import { useTranslations } from 'next-intl';
import { FINAL_STEPS, MAX_RUNOFFS, formOf, parseChain } from '@/lib/runoff/chain';
import { Checkbox, Field } from '@/app/components/action-form/fields';

/** Each final step's label (a message key cannot hold the comma of the chain's value). */
const FINAL_STEP_KEY = {
  'casting_vote,shared': 'finalStep.casting_vote_shared',
  'shared,casting_vote': 'finalStep.shared_casting_vote',
  casting_vote: 'finalStep.casting_vote',
  shared: 'finalStep.shared',
} as const satisfies Record<(typeof FINAL_STEPS)[number], string>;

export function TieBreakFields({ id, tieBreak, abstention }: { id: number; tieBreak: string; abstention: boolean }) {
  const t = useTranslations('admin.settings.tieBreak');
  const { runoffs, final } = formOf(parseChain(tieBreak));
  return (
    <>
      <Field
        name={`nom_${id}_runoffs`}
        label={t('runoffs')}
        defaultValue={String(runoffs)}
        options={Array.from({ length: MAX_RUNOFFS + 1 }, (_, i) => ({ value: String(i), label: i === 0 ? t('noRunoff') : t('runoffCount', { count: i }) }))}
        hint={t('runoffsHint')}
      />
      {/* The labels differ in their first words, so that a select cut short on a narrow screen still tells them apart. */}
      <Field name={`nom_${id}_final`} label={t('final')} defaultValue={final} options={FINAL_STEPS.map((f) => ({ value: f, label: t(FINAL_STEP_KEY[f]) }))} hint={t('finalHint')} />
      <Checkbox name={`nom_${id}_abstain`} label={t('abstention')} defaultChecked={abstention} />
    </>
  );
}
