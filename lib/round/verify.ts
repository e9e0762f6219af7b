// Proves, after finalisation, that the stored awards follow from the stored scores: the tally is
// recomputed from the database and compared with the award rows and the recorded final hash. Every
// finalised jury of every edition is checked on its own rows (issue 23: an older edition's results
// stay verifiable beside the jury the app serves).
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { award, jury, nomination, type Jury } from '@/db/schema';
import { tally } from '@/lib/tally';
import { finalHashOf } from './hash';
import { checkedTally } from '@/lib/count/checked-tally';
import { anonymiseTallyInput } from '@/lib/count/tally-input';

export type AwardsCheck = { ok: true; checked: number; skipped?: 'not_finalised' } | { ok: false; problems: string[] };

/** One finalised jury's problems, and how many nominations it recomputed. */
function verifyJury(db: DB, j: Jury): { problems: string[]; checked: number } {
  const checked = checkedTally(db, j);
  if (!checked.ok) {
    return { checked: 0, problems: checked.problems.map((p) => `the stored data stops the tally: ${p.code} in nomination ${p.nomination ?? '?'}, candidate ${p.candidate ?? '?'}, juror ${p.juror ?? '?'}`) };
  }
  const { input, result } = checked;
  const stored = db
    .select({ code: nomination.code, candidateId: award.candidateId })
    .from(award)
    .innerJoin(nomination, eq(nomination.id, award.nominationId))
    .where(eq(nomination.juryId, j.id))
    .orderBy(asc(award.candidateId))
    .all();
  const problems: string[] = [];
  for (const n of result.nominations) {
    const want = [...n.winners].sort().join(',');
    const have = stored.filter((s) => s.code === n.code).map((s) => String(s.candidateId)).sort().join(',');
    if (want !== have) problems.push(`${n.code}: stored award [${have}] but the scores give [${want}] (${n.status})`);
  }
  const published = anonymiseTallyInput(db, input, j.id);
  const hash = finalHashOf(published, tally(published));
  if (hash !== j.finalHash) problems.push(`final hash ${j.finalHash} does not match the recomputed ${hash}`);
  return { problems, checked: result.nominations.length };
}

export function verifyAwards(db: DB): AwardsCheck {
  const juries = db.select().from(jury).orderBy(asc(jury.id)).all();
  const finalised = juries.filter((j) => j.phase === 'finalised' || j.phase === 'published');
  if (finalised.length === 0) return { ok: true, checked: 0, skipped: 'not_finalised' };
  const problems: string[] = [];
  let checked = 0;
  for (const j of finalised) {
    const r = verifyJury(db, j);
    // With one jury the problems read as they always did; with more, each names its jury.
    problems.push(...r.problems.map((p) => (juries.length > 1 ? `jury ${j.slug} (${j.id}): ${p}` : p)));
    checked += r.checked;
  }
  return problems.length ? { ok: false, problems } : { ok: true, checked };
}
