'use client';
// Festival settings: name, city, dates, scale, method and award rules. Read-only once voting opened
// (the server refuses anyway).
import { useTranslations } from 'next-intl';
import { saveSettings } from '@/app/admin/actions/settings';
import { METHODS } from '@/lib/tally/types';
import { PUBLICATION_LEVELS } from '@/db/enums';
import { ActionForm } from '@/app/components/action-form/ActionForm';
import { Checkbox, Field } from '@/app/components/action-form/fields';
import { TieBreakFields } from './TieBreakFields';
import s from './admin.module.css';
import { nominationName } from '@/i18n/names';

type Nom = { id: number; code: string; kind: string; round: string; exemptOneAward: boolean; exAequoAllowed: boolean; maxWinners: number; tieBreak: string; runoffAbstention: boolean };
type Fest = { name: string; city: string; nameZh: string | null; nameRu: string | null; nameKk: string | null; cityZh: string | null; cityRu: string | null; cityKk: string | null; startsOn: string | null; endsOn: string | null; scaleMin: number; scaleMax: number; scaleStep: number; method: string; oneAwardPerFilm: boolean; recusalByNationality: boolean; quorum: number | null; publicationLevel: string };


export function SettingsForm({ festival: f, nominations, editable }: { festival: Fest; nominations: Nom[]; editable: boolean }) {
  const t = useTranslations('admin.settings');
  const tc = useTranslations('common');
  return (
    <ActionForm action={saveSettings} submit={t('save')} pending={t('saving')} success={t('saved')} disabled={!editable} testId="settings-form">
      <fieldset disabled={!editable} className={s.fieldset}>
        <legend>{t('festival')}</legend>
        <div className={s.fields}>
          <Field name="name" label={t('name')} defaultValue={f.name} lang="en" required />
          <Field name="nameZh" label={t('nameIn', { language: '中文' })} defaultValue={f.nameZh} lang="zh" />
          <Field name="nameRu" label={t('nameIn', { language: 'Русский' })} defaultValue={f.nameRu} lang="ru" />
          <Field name="nameKk" label={t('nameIn', { language: 'Қазақша' })} defaultValue={f.nameKk} lang="kk" />
          <Field name="city" label={t('city')} defaultValue={f.city} lang="en" required />
          <Field name="cityZh" label={t('cityIn', { language: '中文' })} defaultValue={f.cityZh} lang="zh" />
          <Field name="cityRu" label={t('cityIn', { language: 'Русский' })} defaultValue={f.cityRu} lang="ru" />
          <Field name="cityKk" label={t('cityIn', { language: 'Қазақша' })} defaultValue={f.cityKk} lang="kk" />
          <Field name="startsOn" label={t('startsOn')} type="date" defaultValue={f.startsOn} />
          <Field name="endsOn" label={t('endsOn')} type="date" defaultValue={f.endsOn} />
        </div>
      </fieldset>
      <fieldset disabled={!editable} className={s.fieldset}>
        <legend>{t('scoring')}</legend>
        <div className={s.fields}>
          <Field name="scaleMin" label={t('scaleMin')} type="number" step="any" defaultValue={f.scaleMin} required />
          <Field name="scaleMax" label={t('scaleMax')} type="number" step="any" defaultValue={f.scaleMax} required />
          <Field name="scaleStep" label={t('scaleStep')} type="number" step="any" min="0" defaultValue={f.scaleStep} required />
          <Field name="method" label={t('method')} defaultValue={f.method} options={METHODS.map((m) => ({ value: m, label: tc(`method.${m}`) }))} hint={t('methodHint')} />
          <Field name="quorum" label={t('quorum')} type="number" min="3" step="1" defaultValue={f.quorum} hint={t('quorumHint')} />
        </div>
      </fieldset>
      <fieldset disabled={!editable} className={s.fieldset}>
        <legend>{t('rules')}</legend>
        <Checkbox name="oneAwardPerFilm" label={t('oneAwardPerFilm')} defaultChecked={f.oneAwardPerFilm} />
        <Checkbox name="recusalByNationality" label={t('recusalByNationality')} defaultChecked={f.recusalByNationality} />
        <div className={s.nominationRules}>
          {nominations.map((n) => (
            <fieldset key={n.id} className={s.fieldset} data-testid={`rules-${n.code}`}>
              <legend>{nominationName(tc, n.code)}</legend>
              <Checkbox name={`nom_${n.id}_exempt`} label={t('exempt')} defaultChecked={n.exemptOneAward} />
              <Checkbox name={`nom_${n.id}_exaequo`} label={t('exAequo')} defaultChecked={n.exAequoAllowed} />
              <Field name={`nom_${n.id}_max`} label={t('maxWinners')} type="number" min="1" max="50" step="1" defaultValue={n.maxWinners} />
              <TieBreakFields id={n.id} tieBreak={n.tieBreak} abstention={n.runoffAbstention} />
            </fieldset>
          ))}
        </div>
      </fieldset>
      <fieldset disabled={!editable} className={s.fieldset}>
        <legend>{t('publication')}</legend>
        <Field
          name="publicationLevel"
          label={t('publicationLevel')}
          defaultValue={f.publicationLevel}
          options={PUBLICATION_LEVELS.map((l) => ({ value: l, label: t(`level.${l}`) }))}
          hint={t('publicationHint')}
        />
      </fieldset>
    </ActionForm>
  );
}
