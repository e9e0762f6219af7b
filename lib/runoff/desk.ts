// What the chair's desk shows about one nomination's runoffs: whether the rules send its tie to a
// runoff now, the open runoff's standing (votes cast / entitled, never a count per candidate), and
// the closed runoffs in force with their counts.
import type { DB } from '@/db';
import type { Tie } from '@/lib/tally/types';
import { nextSteps } from './next';
import { isOpen, runoffCounts, runoffRows, standingOfRunoff } from './queries';

export function runoffDesk(db: DB, nom: { id: number; tieBreak: string; exAequoAllowed: boolean }, tie: Tie | null) {
  const rows = runoffRows(db).filter((r) => r.nominationId === nom.id && r.setAsideAt === null);
  const openRow = rows.find(isOpen) ?? null;
  const next = tie ? nextSteps(tie, nom, rows.length) : [];
  return {
    next,
    due: !openRow && next.includes('runoff'),
    open: openRow ? { id: openRow.id, tied: openRow.tied, ordinal: rows.indexOf(openRow) + 1, ...standingOfRunoff(db, openRow) } : null,
    closed: rows.filter((r) => r.closedAt !== null).map((r, i) => ({ id: r.id, ordinal: i + 1, ...runoffCounts(db, r) })),
  };
}
