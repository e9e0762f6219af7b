// At the top of the chair's desk once a round is closed: every decision still to take (a tie, an
// award nobody can win), each a link to its place in the tally, so that none has to be hunted for
// thousands of pixels down the page.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { closedRoundTally } from '@/lib/round/view';
import { listNominations } from '@/lib/festival/queries';
import { runoffDesk } from '@/lib/runoff/desk';
import type { Tie } from '@/lib/tally/types';
import ui from '@/app/components/ui.module.css';
import tv from './tally.module.css';
import { nominationName } from '@/i18n/names';

const NEEDS_NO_AWARD = new Set(['no_candidates', 'no_scores']);

export async function DecisionsToTake() {
  const t = await getTranslations('chair');
  const tc = await getTranslations('common');
  const view = closedRoundTally(getDb());
  if (view.problems.length > 0 || view.nominations.length === 0) return null;
  const open = view.nominations.filter((n) => n.status === 'blocked' || NEEDS_NO_AWARD.has(n.status));
  const tr = await getTranslations('runoff.toDecide');
  const noms = new Map(listNominations(getDb()).map((n) => [n.code, n]));
  // A tie the rules send to a runoff: "hold a runoff", or the open runoff's votes cast so far.
  const runoffLine = (code: string, tie: Tie | null, nomination: string) => {
    const nom = noms.get(code);
    if (!nom || !tie) return null;
    const desk = runoffDesk(getDb(), nom, tie);
    if (desk.open) return tr('open', { nomination, cast: desk.open.cast, entitled: desk.open.entitled });
    return desk.due ? tr('due', { nomination }) : null;
  };
  return (
    <section className={`${ui.card} ${tv.summary}`} aria-labelledby="to-decide-heading" data-testid="decisions-to-take">
      <h2 id="to-decide-heading">{t('toDecide.heading')}</h2>
      {open.length === 0 ? <p>{t('toDecide.none')}</p> : (
        <>
          <p>{t('toDecide.count', { count: open.length })}</p>
          <ul>
            {open.map((n) => {
              const nomination = nominationName(tc, n.code);
              return (
                <li key={n.code}>
                  <a href={`#tally-${n.code}`} data-testid={`to-decide-${n.code}`}>
                    {(n.status === 'blocked' && runoffLine(n.code, n.tie, nomination)) || t(n.status === 'blocked' ? 'toDecide.tie' : 'toDecide.noAward', { nomination })}
                  </a>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
