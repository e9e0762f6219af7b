// Proves, after finalisation, that the stored awards follow from the stored scores: the tally is
// recomputed from the database and compared with the award rows and the recorded final hash.
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { award, nomination } from '@/db/schema';
import { tally } from '@/lib/tally';
import { finalHashOf } from './hash';
import { checkedTally } from '@/lib/count/checked-tally';
import { anonymiseTallyInput } from '@/lib/count/tally-input';
import { findFestival } from '@/lib/festival/phase';

export type AwardsCheck = { ok: true; checked: number; skipped?: 'not_finalised' } | { ok: false; problems: string[] };

export function verifyAwards(db: DB): AwardsCheck {
  const fest = findFestival(db);
  if (!fest || (fest.phase !== 'finalised' && fest.phase !== 'published')) return { ok: true, checked: 0, skipped: 'not_finalised' };
  const checked = checkedTally(db);
  if (!checked.ok) {
    return { ok: false, problems: checked.problems.map((p) => `the stored data stops the tally: ${p.code} in nomination ${p.nomination ?? '?'}, candidate ${p.candidate ?? '?'}, juror ${p.juror ?? '?'}`) };
  }
  const { input, result } = checked;
  const stored = db
    .select({ code: nomination.code, candidateId: award.candidateId })
    .from(award)
    .innerJoin(nomination, eq(nomination.id, award.nominationId))
    .where(eq(nomination.juryId, fest.id))
    .orderBy(asc(award.candidateId))
    .all();
  const problems: string[] = [];
  for (const n of result.nominations) {
    const want = [...n.winners].sort().join(',');
    const have = stored.filter((s) => s.code === n.code).map((s) => String(s.candidateId)).sort().join(',');
    if (want !== have) problems.push(`${n.code}: stored award [${have}] but the scores give [${want}] (${n.status})`);
  }
  const published = anonymiseTallyInput(db, input);
  const hash = finalHashOf(published, tally(published));
  if (hash !== fest.finalHash) problems.push(`final hash ${fest.finalHash} does not match the recomputed ${hash}`);
  return problems.length ? { ok: false, problems } : { ok: true, checked: result.nominations.length };
}
