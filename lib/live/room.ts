// What the room display (/chair/room) shows: the open runoffs with their award and tied
// candidates, and the last closed runoff with its result. Read for the chair only (see the page).
import 'server-only';
import { and, asc, desc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, nomination, runoff, runoffVote } from '@/db/schema';
import { countRunoff } from '@/lib/tally';
import { findFestival } from '@/lib/festival/phase';
import { checkedTally } from '@/lib/count/checked-tally';
import { isThin } from '@/lib/count/thin';

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
  /** The counts are withheld: fewer than 3 votes besides one viewer's own stand behind them (lib/runoff/thin.ts). */
  withheld: boolean;
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
 * A closed runoff's result as the tally gives it (lib/tally RunoffOutcome: counted votes only, the
 * places it clearly wins, or the candidates still tied). When the tally cannot be made from the
 * stored data, or the runoff no longer applies to its tie, the same count (lib/tally countRunoff)
 * over its votes as they stand.
 */
export function runoffResult(db: DB, closed: { id: number; code: string; places: number }, tied: RoomCandidate[]): Pick<RoomResult, 'counts' | 'abstentions' | 'winners' | 'stillTied' | 'withheld'> {
  const byId = new Map(tied.map((c) => [String(c.id), c]));
  const cands = (ids: string[]) => ids.map((id) => byId.get(id)).filter((c): c is RoomCandidate => !!c);
  // The tally numbers runoffs by their place in the input: closed ones in force, in closing order (lib/count/runoffs.ts).
  const held = db.select({ id: runoff.id }).from(runoff).innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(eq(nomination.juryId, (findFestival(db)?.id ?? -1)), isNotNull(runoff.closedAt), isNull(runoff.setAsideAt))).orderBy(asc(runoff.closedAt), asc(runoff.id)).all();
  const index = held.findIndex((r) => r.id === closed.id);
  const checked = checkedTally(db);
  const outcome = checked.ok ? checked.result.nominations.find((n) => n.code === closed.code)?.runoffs?.find((o) => o.index === index) : undefined;
  const r = outcome ?? (() => {
    const votes = db.select({ choice: runoffVote.choice }).from(runoffVote).where(eq(runoffVote.runoffId, closed.id)).all().map((v) => ({ choice: v.choice === null ? null : String(v.choice) }));
    const c = countRunoff(tied.map((t) => String(t.id)), closed.places, votes);
    return { ...c, winners: c.stillTied.length ? null : c.winners };
  })();
  const counts = r.counts.map((c) => ({ candidate: byId.get(c.candidate)!, votes: c.votes })).filter((c) => c.candidate).sort((a, b) => b.votes - a.votes);
  const result = { winners: r.winners && r.stillTied.length === 0 ? cands(r.winners) : null, stillTied: cands(r.stillTied) };
  // The room is read by the jurors who voted: each subtracts their own vote, so it is one of the 3 for nobody.
  const votes = r.counts.reduce((a, c) => a + c.votes, 0) + r.abstentions;
  if (isThin(votes, true)) return { counts: [], abstentions: 0, ...result, withheld: true };
  return { counts, abstentions: r.abstentions, ...result, withheld: false };
}

/** The served jury's runoffs only (issue 23): another jury's never show on this jury's room display. */
export function roomDisplay(db: DB): { open: RoomRunoff[]; last: RoomResult | null } {
  const juryId = (findFestival(db)?.id ?? -1);
  const cols = { id: runoff.id, code: nomination.code, places: runoff.places, tied: runoff.tied };
  const open = db.select(cols).from(runoff).innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(eq(nomination.juryId, juryId), isNull(runoff.closedAt), isNull(runoff.setAsideAt))).orderBy(asc(nomination.position), asc(runoff.id)).all()
    .map((r) => ({ id: r.id, code: r.code, places: r.places, tied: tiedOf(db, r.tied) }));
  const closed = db.select(cols).from(runoff).innerJoin(nomination, eq(nomination.id, runoff.nominationId))
    .where(and(eq(nomination.juryId, juryId), isNotNull(runoff.closedAt), isNull(runoff.setAsideAt))).orderBy(desc(runoff.closedAt), desc(runoff.id)).limit(1).get();
  let last: RoomResult | null = null;
  if (closed) {
    const tied = tiedOf(db, closed.tied);
    // Only a CLOSED runoff's choices are read, and only to count them.
    last = { id: closed.id, code: closed.code, places: closed.places, tied, ...runoffResult(db, closed, tied) };
  }
  return { open, last };
}
