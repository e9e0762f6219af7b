// What stops the tally, in words: shown on the chair's desk and the organisers' desk instead of a
// failed page. Each line says where (nomination, candidate, juror), never a score's value.
import { getLocale, getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { namesOf } from '@/lib/juror/queries';
import type { TallyProblem } from '@/lib/count/checked-tally';
import { candidateName, personName } from '@/lib/festival/names';
import { candidateLabels } from '@/lib/round/view';
import ui from './ui.module.css';
import { nominationName } from '@/i18n/names';

export async function TallyProblems({ problems }: { problems: TallyProblem[] }) {
  if (problems.length === 0) return null;
  const tc = await getTranslations('common');
  const db = getDb();
  const locale = await getLocale();
  const labels = candidateLabels(db, locale);
  const jurorIds = problems.map((p) => Number(p.juror)).filter((n) => Number.isSafeInteger(n));
  const jurors = new Map(namesOf(db, jurorIds).map((u) => [String(u.id), personName(u, locale)]));
  const nomination = (code: string | null) => (code ? nominationName(tc, code) : '?');
  const line = (p: TallyProblem) => {
    const params = { nomination: nomination(p.nomination), candidate: p.candidate ? candidateName(labels.get(p.candidate)) : '?', juror: (p.juror && jurors.get(p.juror)) ?? '?' };
    if (p.code === 'score') return tc('tallyProblems.score', params);
    if (p.code === 'decision') return tc('tallyProblems.decision', params);
    if (p.code === 'data') return p.nomination ? tc('tallyProblems.dataIn', params) : tc('tallyProblems.data');
    return tc('tallyProblems.unexpected');
  };
  return (
    <section className={ui.notice} role="alert" aria-labelledby="tally-problems-heading" data-testid="tally-problems">
      <h2 id="tally-problems-heading">{tc('tallyProblems.heading')}</h2>
      <p>{tc('tallyProblems.intro')}</p>
      <ul>
        {problems.map((p, i) => <li key={i}>{line(p)}</li>)}
      </ul>
    </section>
  );
}
