// Which of the chair's recorded decisions stands, for the protocol: every act stays in the log, and a
// reader of the printed page must see at a glance which one counts. A tally decision (casting vote,
// shared award, no award) stands while nothing later replaced or set it aside; an earlier one on the
// same nomination is superseded by the later (the tally takes the latest, lib/count/decisions.ts); a
// withdrawal or a reopened round sets it aside.
import type { DB } from '@/db';
import { TALLY_KINDS, decisionRows, setAsideBy, type DecisionRow } from '@/lib/count/decisions';

export type Standing =
  | { state: 'standing' }
  | { state: 'superseded'; by: DecisionRow['kind']; at: string }
  | { state: 'set_aside'; by: 'withdraw' | 'reopen_round'; at: string }
  | null; // not a decision on an award's outcome (a closed or reopened round, a reopened ballot…)

const isTally = (d: DecisionRow) => (TALLY_KINDS as readonly string[]).includes(d.kind) && d.nominationId !== null;

export function standingOf(rows: DecisionRow[], d: DecisionRow): Standing {
  if (!isTally(d)) return null;
  // Whichever came first ended it: the next decision on the same award, or a withdrawal or reopening.
  const aside = setAsideBy(rows, d);
  const later = rows.find((r) => r.id > d.id && isTally(r) && r.nominationId === d.nominationId);
  if (later && (!aside || later.id < aside.id)) return { state: 'superseded', by: later.kind, at: later.createdAt };
  if (aside) return { state: 'set_aside', by: aside.kind, at: aside.createdAt };
  return { state: 'standing' };
}

/** Every decision row with its standing, oldest first. */
export function decisionsWithStanding(db: DB, juryId?: number): (DecisionRow & { standing: Standing })[] {
  const rows = decisionRows(db, juryId);
  return rows.map((d) => ({ ...d, standing: standingOf(rows, d) }));
}
