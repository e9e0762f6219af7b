// What the chair's desk shows about one nomination's runoffs: whether the rules send its tie to a
// runoff now, the open runoff's standing (votes cast / entitled, never a count per candidate), and
// the closed runoffs in force with their counts.
import type { DB } from '@/db';
import type { Tie } from '@/lib/tally/types';
import { nextSteps } from './next';
import { isOpen, runoffCounts, runoffRows, standingOfRunoff } from './queries';
import { isThin } from '@/lib/count/thin';
import { chairVotedIn } from './thin';

/** A closed runoff's counts for the chair, or `withheld` when fewer than 3 votes besides the chair's stand behind them. */
function countsForChair(db: DB, r: Parameters<typeof runoffCounts>[1]) {
  const c = runoffCounts(db, r);
  return isThin(c.votes, chairVotedIn(db, r.id)) ? { ...c, counts: [], abstentions: 0, withheld: true } : { ...c, withheld: false };
}

export function runoffDesk(db: DB, nom: { id: number; tieBreak: string; exAequoAllowed: boolean; maxWinners: number }, tie: Tie | null) {
  const rows = runoffRows(db).filter((r) => r.nominationId === nom.id && r.setAsideAt === null);
  const openRow = rows.find(isOpen) ?? null;
  const next = tie ? nextSteps(tie, nom, rows.length) : [];
  return {
    next,
    due: !openRow && next.includes('runoff'),
    open: openRow ? { id: openRow.id, tied: openRow.tied, ordinal: rows.indexOf(openRow) + 1, ...standingOfRunoff(db, openRow) } : null,
    closed: rows.filter((r) => r.closedAt !== null).map((r, i) => ({ id: r.id, ordinal: i + 1, ...countsForChair(db, r) })),
  };
}
