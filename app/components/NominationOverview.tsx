// Every nomination in award order with its candidates: what a juror and the chair see at home.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { listNominations } from '@/lib/festival/queries';
import { listCandidates } from '@/lib/nomination/queries';
import { FilmTitle } from './FilmTitle';
import ui from './ui.module.css';
import { nominationName } from '@/i18n/names';

export async function NominationOverview() {
  const t = await getTranslations('common');
  const db = getDb();
  const nominations = listNominations(db);
  return (
    <section aria-labelledby="nominations-heading">
      <h2 id="nominations-heading">{t('nominations')}</h2>
      {nominations.map((n) => {
        const candidates = listCandidates(db, n.id);
        return (
          <details key={n.id} className={ui.card} data-testid={`nomination-${n.code}`}>
            <summary>
              <strong>{nominationName(t, n.code)}</strong>{' '}
              <span className={ui.muted}>
                {t('candidateCount', { count: candidates.length })} · {t(`round.${n.round}`)}
              </span>
            </summary>
            <ol>
              {candidates.map((c) => (
                <li key={c.id}>
                  <FilmTitle film={c} />
                  {c.person && <span className={ui.muted}> — {c.person}</span>}
                </li>
              ))}
            </ol>
          </details>
        );
      })}
    </section>
  );
}
