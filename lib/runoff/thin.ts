// No runoff count behind which fewer than 3 votes stand besides the reader's own (issue 20, route 3),
// before publication: the same floor as for the scores behind an aggregate (lib/count/thin.ts). The
// chair reads the counts on the desk and the room display and is a voter: their own vote, which they
// subtract, does not count towards the 3. Withheld, a runoff still says who it elected (or that it
// tied again): the award follows from that, as it follows from a withheld aggregate's rank.
// A runoff needs three entitled voters besides the chair (lib/tally/runoff.ts RUNOFF_ELECTORATE) and
// closes only with three of their votes (lib/runoff/queries.ts), so this floor is met by every runoff
// held since; it still guards a database from before, and votes the tally no longer counts.
import { and, eq, inArray } from 'drizzle-orm';
import type { DB } from '@/db';
import { juryMember, runoffVote } from '@/db/schema';
import { servedJuryId } from '@/lib/festival/members';
import type { Tx } from '@/lib/server/action';
import { isThin } from '@/lib/count/thin';
import { runoffEligibility, type NominationResult, type Reason, type TallyInput } from '@/lib/tally';

/** Whether the chair cast a vote in this runoff. */
export function chairVotedIn(db: DB | Tx, runoffId: number): boolean {
  const chairs = db.select({ id: juryMember.userId }).from(juryMember).where(and(eq(juryMember.juryId, servedJuryId), eq(juryMember.role, 'chair'))).all().map((u) => u.id);
  if (chairs.length === 0) return false;
  return !!db.select({ id: runoffVote.id }).from(runoffVote).where(and(eq(runoffVote.runoffId, runoffId), inArray(runoffVote.jurorId, chairs))).get();
}

/** The reason codes of a runoff's outcome, and what they become when its counts are withheld. */
const THIN: Record<string, string> = { runoff_decided: 'runoff_decided_thin', runoff_tied: 'runoff_tied_thin', runoff_partly_decided: 'runoff_partly_decided_thin' };

/**
 * A nomination's result for the chair's desk: the runoffs whose counted votes, the chair's aside,
 * are fewer than 3 lose their counts (in `runoffs` and in the reasons). `readers`: the chair's ids.
 */
export function withholdThinRunoffs<N extends NominationResult>(n: N, input: TallyInput, readers: ReadonlySet<string>): N & { runoffsWithheld: number[] } {
  if (!n.runoffs?.length) return { ...n, runoffsWithheld: [] };
  const eligibility = runoffEligibility(input);
  const thin = new Set<number>();
  for (const o of n.runoffs) {
    const r = input.runoffs?.[o.index];
    if (!r) continue;
    const counted = eligibility(r).counted;
    if (isThin(counted.length, counted.some((v) => readers.has(v.juror)))) thin.add(o.index);
  }
  if (thin.size === 0) return { ...n, runoffsWithheld: [] };
  const reasons = n.reasons.map((r): Reason => {
    if (!(r.code in THIN) || !thin.has(Number(r.params.runoff))) return r;
    const { votes: _votes, abstentions: _abstentions, ...params } = r.params;
    return { code: THIN[r.code], params };
  });
  return {
    ...n,
    reasons,
    runoffs: n.runoffs.map((o) => (thin.has(o.index) ? { ...o, counts: [], abstentions: 0 } : o)),
    runoffsWithheld: [...thin],
  };
}
