// Closing, reopening the round and closing again over a few more (or changed) ballots would let the
// chair subtract the two tallies and read those ballots: with a quorum below the whole jury, one
// juror's ballot arriving between two closes is the difference. So each close records what the
// tally counted (a keyed fingerprint per nomination, candidate and juror, never a score), and a
// candidate's figures are shown only when every pair of views the chair can hold differs by no one
// or by at least 3 (QUORUM_FLOOR) jurors other than the chair.
//
// "Changed" is changed content, not an event (the insiders' "feed the counter" pattern): an
// unchanged resubmission, a reopened ballot, a deactivation change nothing the tally counts; a new
// ballot, a changed score, a score a recusal removed, a nationality rule now applying do. The
// chair's own changes never count towards the 3: the chair knows them and subtracts them.
//
// Per candidate, not per ballot: the difference of two tallies is a difference per candidate. A
// rule per ballot would let two jurors change one score each (two ballots "changed") beside a third
// juror's new ballot, and every other candidate's figures would differ by that juror's score alone.
// Under `normalized_mean` and `schulze` a candidate's aggregate depends on each juror's whole ballot
// in the nomination (z-scores over the juror's own scores, pairwise preferences), so there the
// nomination is a unit too: a change anywhere in a juror's ballot changes every candidate's aggregate,
// while each candidate's histogram still differs only by the jurors who changed that candidate.
//
// Against every view shown, not only the last: a change undone later (A -> B -> A), or three jurors
// changing between two closes and two of them changing back before the next, would otherwise leave
// two views the chair holds that differ by one or two jurors.
import { createHash, createHmac } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, decision, nomination } from '@/db/schema';
import type { Tx } from '@/lib/server/action';
import { auditKeyOf } from '@/lib/audit';
import { getFestival } from '@/lib/festival/phase';
import { recusedFrom, type Method, type TallyInput } from '@/lib/tally';
import { QUORUM_FLOOR } from '@/lib/count/quorum';

type Reader = DB | Tx;
/** nomination code -> juror id -> receipt fingerprint */
export type CountedAtClose = Record<string, Record<string, string>>;
/** nomination code -> candidate id -> juror id -> fingerprint of the counted score */
export type CountedScores = Record<string, Record<string, Record<string, string>>>;

const fingerprint = (receipt: string) => createHash('sha256').update(receipt).digest('hex').slice(0, 16);

/** The ballots that count now in the round's nominations, as a close records them (kept for the protocol's history). */
export function countedAtClose(db: Reader, round: 'main' | 'special'): CountedAtClose {
  const noms = db.select({ id: nomination.id, code: nomination.code }).from(nomination).where(and(eq(nomination.juryId, getFestival(db).id), eq(nomination.round, round))).all();
  const out: CountedAtClose = Object.fromEntries(noms.map((n) => [n.code, {}]));
  if (noms.length === 0) return out;
  const codeOf = new Map(noms.map((n) => [n.id, n.code]));
  const rows = db
    .select({ jurorId: ballot.jurorId, nominationId: ballot.nominationId, receipt: ballot.receipt })
    .from(ballot)
    .where(and(isNotNull(ballot.receipt), inArray(ballot.nominationId, noms.map((n) => n.id))))
    .all();
  for (const r of rows) out[codeOf.get(r.nominationId)!][String(r.jurorId)] = fingerprint(r.receipt!);
  return out;
}

/**
 * What the tally counts now in the round's nominations, per candidate and juror: the same exclusions
 * as the engine (lib/tally/recused.ts: the recusals it is handed, the nationality rule), so a recusal
 * or a country that removes a score is a change of content. Keyed with the audit key (kept outside
 * the database): a fingerprint of a score on a 10-step scale would otherwise be the score.
 */
export function countedScoresAtClose(tx: Tx, input: TallyInput, round: 'main' | 'special'): CountedScores {
  const key = auditKeyOf(tx);
  const noms = input.nominations.filter((n) => n.round === round);
  const out: CountedScores = Object.fromEntries(noms.map((n) => [n.code, Object.fromEntries(n.candidates.map((c) => [c.id, {}]))]));
  const place = new Map(noms.flatMap((n) => n.candidates.map((c) => [c.id, { code: n.code, film: c.filmId }] as const)));
  const recused = recusedFrom(input);
  for (const s of input.scores) {
    const p = place.get(s.candidate);
    if (!p || recused(s.juror, p.film)) continue;
    out[p.code][s.candidate][s.juror] = createHmac('sha256', key).update(`counted-score\n${s.juror}\n${s.candidate}\n${s.value}`).digest('hex').slice(0, 16);
  }
  return out;
}

/** Methods whose aggregate of a candidate reads each juror's other scores in the nomination too. */
const WHOLE_BALLOT: readonly Method[] = ['normalized_mean', 'schulze'];

type State = Record<string, Record<string, string>>; // candidate -> juror -> fingerprint

/** The jurors, the reader excepted, whose counted score of any of `candidates` differs between `a` and `b`. */
function changers(a: State, b: State, candidates: readonly string[], reader: ReadonlySet<string>): number {
  const who = new Set<string>();
  for (const c of candidates) {
    const x = a[c] ?? {};
    const y = b[c] ?? {};
    for (const j of new Set([...Object.keys(x), ...Object.keys(y)])) if (!reader.has(j) && x[j] !== y[j]) who.add(j);
  }
  return who.size;
}

/**
 * For the round's latest close: per nomination, the candidates whose figures are withheld, each with
 * the fewest jurors (1 or 2, the reader excepted) by whom it differs from a view already shown.
 * `reader`: the ids of whoever reads the desk (the chair); their changes are known to them.
 * Closes recorded before score fingerprints existed hold no view to compare with.
 */
export function fewChangedSinceShown(db: Reader, round: 'main' | 'special', method: Method, reader: ReadonlySet<string>): Map<string, Map<string, number>> {
  const closes = db
    .select({ scores: decision.countedScores })
    .from(decision)
    .where(and(eq(decision.juryId, getFestival(db).id), eq(decision.kind, 'close_round'), eq(decision.round, round)))
    .orderBy(asc(decision.id))
    .all()
    .map((d) => (d.scores ? (JSON.parse(d.scores) as CountedScores) : null));
  // nomination code -> unit (a candidate, or '*' for the whole nomination) -> the views shown of it
  const shown = new Map<string, Map<string, State[]>>();
  let withheld = new Map<string, Map<string, number>>();
  for (const close of closes) {
    withheld = new Map();
    if (!close) continue;
    for (const [code, now] of Object.entries(close)) {
      const candidates = Object.keys(now);
      // Each candidate is a unit of its own (its histogram is its raw scores, whatever the method);
      // where the aggregate reads whole ballots, the nomination is one more.
      const units = [...candidates.map((c) => [c, [c]] as const), ...(WHOLE_BALLOT.includes(method) ? [['*', candidates] as const] : [])];
      const views = shown.get(code) ?? new Map<string, State[]>();
      shown.set(code, views);
      const held = new Map<string, number>();
      for (const [unit, members] of units) {
        const earlier = views.get(unit) ?? [];
        const counts = earlier.map((v) => changers(v, now, members, reader));
        const few = counts.filter((n) => n > 0 && n < QUORUM_FLOOR);
        if (few.length > 0) for (const c of members) held.set(c, Math.min(held.get(c) ?? QUORUM_FLOOR, ...few));
        // A view equal to one already shown (but for the reader's own scores) adds nothing to compare.
        else if (!counts.includes(0)) views.set(unit, [...earlier, now]);
      }
      if (held.size > 0) withheld.set(code, held);
    }
  }
  return withheld;
}
