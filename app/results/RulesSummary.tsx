// The method and the award rules the jury voted under, in words.
import { getLocale, getTranslations } from 'next-intl/server';
import { listOf } from '@/lib/locale/lists';
import type { Festival } from '@/db/schema';
import type { listNominations } from '@/lib/festival/queries';
import { TieBreakRules } from './RunoffResults';
import { nominationName } from '@/i18n/names';

type Props = { fest: Festival; nominations: ReturnType<typeof listNominations> };

export async function RulesSummary({ fest, nominations }: Props) {
  const t = await getTranslations('results');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const name = (code: string) => nominationName(tc, code);
  const exempt = nominations.filter((n) => n.exemptOneAward).map((n) => name(n.code));
  const shared = nominations.filter((n) => n.exAequoAllowed).map((n) => `${name(n.code)} (≤ ${n.maxWinners})`);
  return (
    <ul>
      <li>{t('rules.method', { method: tc(`method.${fest.method}`) })}</li>
      <li>{t('rules.scale', { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep })}</li>
      <li>{fest.oneAwardPerFilm ? t('rules.oneAward', { exempt: listOf(locale, exempt) || '—' }) : t('rules.noOneAward')}</li>
      <li>{shared.length ? t('rules.exAequo', { list: listOf(locale, shared) }) : t('rules.noExAequo')}</li>
      <li>{fest.recusalByNationality ? t('rules.nationality') : t('rules.noNationality')}</li>
      <TieBreakRules nominations={nominations} />
    </ul>
  );
}
