// What the room display (/chair/room) shows: the open runoffs with their award and tied
// candidates, and the last closed runoff with its result. Read for the chair only (see the page).
import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, nomination, runoff, runoffVote } from '@/db/schema';

export interface RoomCandidate {
  id: number;
  person: string | null;
  originalTitle: string;
  englishTitle: string;
  titleZh: string | null;
  titleRu: string | null;
  titleKk: string | null;
}

export interface RoomRunoff {
  id: number;
  code: string;
  places: number;
  tied: RoomCandidate[];
}

export interface RoomResult extends RoomRunoff {
  /** Votes per tied candidate, most first (ties in the tied list's order). */
  counts: { candidate: RoomCandidate; votes: number }[];
  abstentions: number;
  /** The elected candidates, or null when the runoff tied again (`stillTied`). */
  winners: RoomCandidate[] | null;
  stillTied: RoomCandidate[];
}

function tiedOf(db: DB, json: string): RoomCandidate[] {
  let ids: number[] = [];
  try {
    ids = (JSON.parse(json) as unknown[]).map(Number).filter(Number.isInteger);
  } catch { /* a row no action writes: shown without candidates */ }
  if (ids.length === 0) return [];
  const rows = db
    .select({ id: candidate.id, person: candidate.person, originalTitle: film.originalTitle, englishTitle: film.englishTitle, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk })
    .from(candidate)
    .innerJoin(film, eq(film.id, candidate.filmId))
    .where(inArray(candidate.id, ids))
    .all();
  return ids.map((id) => rows.find((r) => r.id === id)).filter((r): r is RoomCandidate => !!r);
}

/**
 * A closed runoff's result from its votes. The places go to the candidates with the most votes;
 * when the last place is shared by more candidates than places remain, those candidates are tied
 * again (the chain's next step decides). Until the tally's RunoffOutcome is available here, this
 * mirrors it for display only: the tally stays the authority for the award.
 */
export function runoffResult(tied: RoomCandidate[], places: number, votes: (number | null)[]): Pick<RoomResult, 'counts' | 'abstentions' | 'winners' | 'stillTied'> {
  const counts = tied.map((c) => ({ candidate: c, votes: votes.filter((v) => v === c.id).length })).sort((a, b) => b.votes - a.votes);
  const abstentions = votes.filter((v) => v === null).length;
  const cut = counts[places - 1]?.votes;
  if (cut === undefined) return { counts, abstentions, winners: null, stillTied: tied };
  const above = counts.filter((c) => c.votes > cut).map((c) => c.candidate);
  const atCut = counts.filter((c) => c.votes === cut).map((c) => c.candidate);
  if (above.length + atCut.length <= places) return { counts, abstentions, winners: [...above, ...atCut], stillTied: [] };
  return { counts, abstentions, winners: null, stillTied: atCut };
}

export function roomDisplay(db: DB): { open: RoomRunoff[]; last: RoomResult | null } {
  const cols = { id: runoff.id, code: nomination.code, places: runoff.places, tied: runoff.tied };
  const open = db.select(cols).from(runoff).innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(isNull(runoff.closedAt), isNull(runoff.setAsideAt))).orderBy(asc(nomination.position), asc(runoff.id)).all()
    .map((r) => ({ id: r.id, code: r.code, places: r.places, tied: tiedOf(db, r.tied) }));
  const closed = db.select(cols).from(runoff).innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(isNotNull(runoff.closedAt), isNull(runoff.setAsideAt))).orderBy(desc(runoff.closedAt), desc(runoff.id)).limit(1).get();
  let last: RoomResult | null = null;
  if (closed) {
    const tied = tiedOf(db, closed.tied);
    // Only a CLOSED runoff's choices are read, and only to count them.
    const votes = db.select({ choice: runoffVote.choice }).from(runoffVote).where(eq(runoffVote.runoffId, closed.id)).all().map((v) => v.choice);
    last = { id: closed.id, code: closed.code, places: closed.places, tied, ...runoffResult(tied, closed.places, votes) };
  }
  return { open, last };
}
