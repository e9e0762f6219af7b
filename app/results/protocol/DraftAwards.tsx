// The awards in the draft protocol. The chair reads the winners of the closed round's tally as on
// /chair, without an aggregate, a margin or a distribution; the organisers, who see no tally before
// finalisation, read only that the awards come later.
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { candidateName } from '@/lib/festival/names';
import { listOf } from '@/lib/locale/lists';
import { candidateLabels, closedRoundTally } from '@/lib/round/view';
import { nominationName } from '@/i18n/names';

export async function DraftAwards({ forChair }: { forChair: boolean }) {
  const t = await getTranslations('results');
  const tc = await getTranslations('common');
  if (!forChair) return <p data-testid="draft-awards-later">{t('draft.awardsLater')}</p>;
  const db = getDb();
  const view = closedRoundTally(db);
  if (view.problems.length > 0 || view.nominations.length === 0) return <p>{t('draft.roundOpen')}</p>;
  const locale = await getLocale();
  const labels = candidateLabels(db, locale);
  return (
    <ul data-testid="draft-awards">
      {view.nominations.map((n) => (
        <li key={n.code} data-nomination={n.code}>
          {t.rich('draft.award', {
            nomination: nominationName(tc, n.code),
            winners: n.winners.length > 0 ? listOf(locale, n.winners.map((w) => candidateName(labels.get(w)))) : t('draft.undecided'),
            b: (chunks) => <strong>{chunks}</strong>,
          })}
        </li>
      ))}
    </ul>
  );
}
