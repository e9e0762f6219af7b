// Builds the tally engine's input from the database: only counted ballots (submitted, or reopened
// and counting as last submitted; also those of a juror deactivated since: lib/juror/standing.ts)
// count, from their snapshots (which leave recused films out); the recusals are handed over too,
// for the engine to exclude what the nationality rule or a recusal excludes, and the chair's
// decisions come in recording order, the closed runoffs in closing order (lib/count/runoffs.ts).
import { asc, eq, getTableColumns } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, juryMember, nomination, recusal, user, type Jury } from '@/db/schema';
import { memberOf, seatedActive } from '@/lib/festival/members';
import { countedSnapshots } from '@/lib/ballot/snapshot';
import { decisionRows, decisionsInForce, toTallyDecision } from './decisions';
import { parseTallyInput, recusedFrom, runoffEligibility, tally, type Decision, type Runoff, type SkippedRunoff, type TallyInput } from '@/lib/tally';
import type { Tx } from '@/lib/server/action';
import { getFestival } from '@/lib/festival/phase';
import { scaleOf, valueOfSteps } from '@/lib/ballot/scale';
import { newAnonId, storedAnonIds } from './anon-ids';
import { expectedToVote, onJury, standingOf } from '@/lib/juror/standing';
import { runoffInput, runoffVoterIds } from './runoffs';

type Reader = DB | Tx;

/** What the tally input takes of a jury: which one, and its rules. */
export type TallyJury = Pick<Jury, 'id' | 'scaleMin' | 'scaleMax' | 'scaleStep' | 'method' | 'oneAwardPerFilm' | 'recusalByNationality'>;

/**
 * A jury's tally input (the served jury's unless another is given, as audit:verify does for every
 * finalised jury): its films, nominations, candidates, ballots, recusals, decisions and runoffs only.
 */
export function buildTallyInput(db: Reader, fest: TallyJury = getFestival(db)): TallyInput {
  const noms = db.select().from(nomination).where(eq(nomination.juryId, fest.id)).orderBy(asc(nomination.position)).all();
  const cands = db.select(getTableColumns(candidate)).from(candidate).innerJoin(nomination, eq(nomination.id, candidate.nominationId)).where(eq(nomination.juryId, fest.id)).orderBy(asc(candidate.id)).all();
  const films = db.select({ id: film.id, country: film.country, competition: film.competition }).from(film).where(eq(film.juryId, fest.id)).orderBy(asc(film.position), asc(film.id)).all();
  const jury = db.select({ id: user.id, country: user.country, role: juryMember.role, active: seatedActive }).from(user).innerJoin(juryMember, memberOf(fest.id)).orderBy(asc(user.id)).all();
  // Stored steps become the numbers on the scale in the one place that does it (valueOfSteps).
  // Every counted ballot from its snapshot (as last submitted), never from the live score table:
  // a ballot the chair reopened counts unchanged until its juror submits again.
  const scale = scaleOf(fest);
  const ours = new Set(noms.map((n) => n.id));
  const snapshots = countedSnapshots(db, fest.id).filter((s) => ours.has(s.nominationId));
  const scores = snapshots.map((s) => ({ jurorId: s.jurorId, candidateId: s.candidateId, value: valueOfSteps(scale, s.steps) }));
  // A recusal declared while a ballot is reopened takes effect when it is submitted again: until
  // then the snapshot, which still holds the film's score, counts as it was.
  const filmOf = new Map(cands.map((c) => [c.id, c.filmId]));
  const snapshotFilms = new Set(snapshots.map((s) => `${s.jurorId}:${filmOf.get(s.candidateId)}`));
  // The deactivation rule (lib/juror/standing.ts): a counted ballot counts whether or not its juror
  // is still active; a deactivated juror without a counted ballot is not on the jury.
  // A runoff vote counts the same way (lib/count/runoffs.ts runoffVoterIds).
  const counted = new Set([...scores.map((s) => s.jurorId), ...runoffVoterIds(db, fest.id)]);
  const jurors = jury.filter((j) => onJury(standingOf(j, counted.has(j.id))));
  // Only the decisions in force: superseded ones stay in the tally as history, withdrawn or reopened ones do not.
  const decisions: Decision[] = decisionsInForce(decisionRows(db, fest.id)).map(toTallyDecision);
  // Present only where a festival uses them, so an input without runoffs is exactly what it was.
  const { tieBreak, runoffs } = runoffInput(db, fest.id);
  return {
    version: 1,
    scale,
    method: fest.method,
    rules: {
      oneAwardPerFilm: fest.oneAwardPerFilm,
      exemptNominations: noms.filter((n) => n.exemptOneAward).map((n) => n.code),
      exAequo: Object.fromEntries(noms.map((n) => [n.code, { allowed: n.exAequoAllowed, maxWinners: n.maxWinners }])),
      recusalByNationality: fest.recusalByNationality,
      ...(tieBreak && { tieBreak }),
    },
    films: films.map((f) => ({ id: String(f.id), country: f.country, competition: f.competition })),
    // The chair and the jurors who have left are marked (only them, so that other inputs stay as
    // they were): a runoff needs three entitled voters besides the chair (lib/tally/runoff.ts).
    jurors: jurors.map((j) => ({ id: String(j.id), country: j.country, ...(j.role === 'chair' && { chair: true }), ...(!expectedToVote(standingOf(j, false)) && { active: false }) })),
    nominations: noms.map((n) => ({
      code: n.code,
      kind: n.kind,
      round: n.round,
      candidates: cands.filter((c) => c.nominationId === n.id).map((c) => ({ id: String(c.id), filmId: String(c.filmId), person: c.person })),
    })),
    scores: scores.map((s) => ({ juror: String(s.jurorId), candidate: String(s.candidateId), value: s.value })),
    recusals: db
      .select({ j: recusal.jurorId, f: recusal.filmId })
      .from(recusal)
      .innerJoin(film, eq(film.id, recusal.filmId))
      .where(eq(film.juryId, fest.id))
      .orderBy(asc(recusal.id))
      .all()
      .filter((r) => !snapshotFilms.has(`${r.j}:${r.f}`))
      .map((r) => ({ juror: String(r.j), film: String(r.f) })),
    decisions,
    ...(runoffs && { runoffs }),
  };
}

/** Where a score's ballot is: its juror and its nomination. */
export type BallotKey = { juror: string; nomination: string };

/**
 * The tally input as the public may see it (the `anonymised_ballots` level, and the basis of the
 * other levels and of the final hash): each counted ballot (one juror, one nomination) under its
 * own anonymous id from `anonIdOf`, in the order of those ids (random, so a shuffle); no country;
 * no recusal: a recused juror's score for the film (declared, or by the nationality rule) is
 * simply absent, as the tally would not count it. Every method works within one nomination, so
 * recomputing needs no link between a juror's ballots, and the export holds none. Pure.
 */
export function publicBallots(input: TallyInput, anonIdOf: (key: BallotKey) => string): TallyInput {
  const nominationOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, n.code] as const)));
  const filmOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, c.filmId] as const)));
  const recused = recusedFrom(input);
  const counted = input.scores.filter((s) => !recused(s.juror, filmOf.get(s.candidate)!));
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const scores = counted
    .map((s) => ({ ...s, juror: anonIdOf({ juror: s.juror, nomination: nominationOf.get(s.candidate)! }) }))
    .sort((a, b) => byCode(a.juror, b.juror) || byCode(a.candidate, b.candidate));
  const runoffs = input.runoffs && publicRunoffs(input, input.runoffs);
  const voters = (runoffs ?? []).flatMap((r) => r.votes.map((v) => v.juror));
  // The anonymous ballots name no chair and no country, so the ties whose runoffs were skipped for
  // want of voters are listed instead (only where there are any: other inputs stay as they were).
  const runoffsSkipped = input.runoffsSkipped ?? skippedRunoffs(input);
  return {
    ...input,
    jurors: [...new Set(scores.map((s) => s.juror)), ...voters].map((id) => ({ id, country: null })),
    scores,
    recusals: [],
    ...(runoffs && { runoffs }),
    ...(runoffsSkipped.length ? { runoffsSkipped } : {}),
  };
}

/** The ties on which the tally skipped the chain's runoffs for too few voters (reason runoff_skipped). */
export function skippedRunoffs(input: TallyInput): SkippedRunoff[] {
  const parsed = parseTallyInput(input);
  if (!parsed.ok || !input.rules.tieBreak) return [];
  return tally(parsed.input).nominations.flatMap((n) =>
    n.reasons
      .filter((r) => r.code === 'runoff_skipped')
      .map((r) => ({ nomination: n.code, tied: String(r.params.candidates).split(','), places: Number(r.params.places), entitled: Number(r.params.entitled) })),
  );
}

/**
 * The runoffs as the public may see them: only the votes that count, sorted by choice (abstentions
 * last) and named by their runoff and place in that order ("r1-v01"). Such a name says no more than
 * the counts do: a runoff vote is one choice, with nothing else of its juror's to link to (unlike a
 * ballot's scores), so nothing needs a random id and nothing has to be stored for the final hash to
 * be recomputed.
 */
export function publicRunoffs(input: TallyInput, runoffs: Runoff[]): Runoff[] {
  const eligibility = runoffEligibility(input);
  const key = (c: string | null) => (c === null ? '\uffff' : c);
  return runoffs.map((r, i) => {
    const counted = eligibility(r).counted.map((v) => v.choice).sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
    const width = String(counted.length).length;
    return { ...r, votes: counted.map((choice, k) => ({ juror: `r${i + 1}-v${String(k + 1).padStart(width, '0')}`, choice })) };
  });
}

/**
 * `publicBallots` with the anonymous ids stored at finalisation (lib/count/anon-ids.ts). A ballot
 * without one (a database whose phase was set by hand, not through finalisation) gets a fresh random
 * id for this read, never a derived one: the export then matches no final hash, and verification says so.
 */
export function anonymiseTallyInput(db: Reader, input: TallyInput, juryId = getFestival(db).id): TallyInput {
  const ids = storedAnonIds(db, juryId);
  return publicBallots(input, ({ juror, nomination }) => {
    const key = `${juror}\n${nomination}`;
    let id = ids.get(key);
    if (!id) ids.set(key, (id = newAnonId()));
    return id;
  });
}
