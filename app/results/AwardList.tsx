// The awards, nomination by nomination: film (title in the reader's language, the original beside it), people, country;
// a shared award shows all its winners as such.
import { getLocale, getTranslations } from 'next-intl/server';
import { countryName } from '@/lib/film/countries';
import { sameName } from '@/lib/festival/names';
import { FilmTitle } from '@/app/components/FilmTitle';
import type { awardsList } from '@/lib/round/results';
import ui from '@/app/components/ui.module.css';
import { Badge } from '@/app/components/Badge';
import type { AwardDecidedBy } from '@/lib/round/decided-by';
import { nominationName } from '@/i18n/names';

type Withheld = { candidates: Set<number>; margins: Set<string> };

/** `withheld`: before publication, the aggregates and margins that would show fewer than 3 scores. */
/** `decidedBy`: the awards the chair's casting vote or shared-award decision, or a runoff, settled, said in words. */
export async function AwardList({ awards, withMargin = false, withheld, decidedBy }: { awards: ReturnType<typeof awardsList>; withMargin?: boolean; withheld?: Withheld; decidedBy?: Map<string, AwardDecidedBy> }) {
  const t = await getTranslations('results');
  const tc = await getTranslations('common');
  const locale = await getLocale();
  const byNomination = new Map<string, typeof awards>();
  for (const a of awards) byNomination.set(a.nomination, [...(byNomination.get(a.nomination) ?? []), a]);
  return (
    <ol className={ui.list} data-testid="awards">
      {[...byNomination].map(([code, winners]) => (
        <li key={code} data-nomination={code}>
          <h3>{nominationName(tc, code)}{winners.length > 1 && <> <Badge>{t('shared', { count: winners.length })}</Badge></>}</h3>
          <ul>
            {winners.map((w) => (
              <li key={w.candidateId} data-testid="award-winner">
                {w.person && <strong>{w.person} — </strong>}
                <FilmTitle film={w} inline />
                {/* Best Director names the director already: "directed by" the same person again says nothing. */}
                <span className={ui.muted}>{w.person && sameName(w.person, w.director) ? '' : ` · ${t('directedBy', { director: w.director })}`}{countryName(w.country, locale) ? ` · ${countryName(w.country, locale)}` : ''}</span>
                {/* A casting vote, a shared award or a runoff is said in words below: its "margin 0.00" would say nothing. */}
                {withMargin && decidedBy?.has(code) && (
                  <span className={ui.muted}>
                    {' · '}
                    {t('scoreOnly', { score: withheld?.candidates.has(w.candidateId) ? t('fewerThanThree') : w.aggregate })}
                  </span>
                )}
                {withMargin && !decidedBy?.has(code) && (
                  <span className={ui.muted}>
                    {' · '}
                    {t('scoreMargin', {
                      score: withheld?.candidates.has(w.candidateId) ? t('fewerThanThree') : w.aggregate,
                      margin: withheld?.margins.has(w.nomination) ? t('fewerThanThree') : (w.margin ?? '—'),
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
          {decidedBy?.has(code) && <p className={ui.muted} data-testid={`award-decided-by-${code}`}>{decidedByText(t, decidedBy.get(code)!)}</p>}
        </li>
      ))}
    </ol>
  );
}

type DecidedByKey = `decidedBy.${Exclude<AwardDecidedBy, object> | 'runoff' | 'runoff_votes'}`;

function decidedByText(t: (key: DecidedByKey, values?: Record<string, string | number>) => string, d: AwardDecidedBy): string {
  if (typeof d === 'string') return t(`decidedBy.${d}`);
  return d.votes ? t('decidedBy.runoff_votes', { round: d.round, votes: d.votes }) : t('decidedBy.runoff', { round: d.round });
}
