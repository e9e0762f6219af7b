// Builds the tally engine's input from the database: only submitted ballots count, scores of a
// film a juror recused from are handed over and left to the engine to exclude (so the exclusion
// is visible in its reasons), and the chair's decisions come in recording order.
import { asc, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { ballot, candidate, decision, film, nomination, recusal, score, user } from '@/db/schema';
import type { Decision, TallyInput } from '@/lib/tally';
import type { Tx } from '@/lib/action';
import { recusedByNationality } from '@/lib/recusal';
import { getFestival } from '@/lib/festival/phase';
import { newAnonId, storedAnonIds } from './anon-ids';

type Reader = DB | Tx;

export function buildTallyInput(db: Reader): TallyInput {
  const fest = getFestival(db);
  const noms = db.select().from(nomination).orderBy(asc(nomination.position)).all();
  const cands = db.select().from(candidate).orderBy(asc(candidate.id)).all();
  const films = db.select({ id: film.id, country: film.country, competition: film.competition }).from(film).orderBy(asc(film.position), asc(film.id)).all();
  const jurors = db.select({ id: user.id, country: user.country, role: user.role }).from(user).orderBy(asc(user.id)).all().filter((u) => u.role !== 'organiser');
  const submitted = new Set(
    db.select({ j: ballot.jurorId, n: ballot.nominationId }).from(ballot).where(isNotNull(ballot.submittedAt)).all().map((b) => `${b.j}:${b.n}`),
  );
  const nominationOf = new Map(cands.map((c) => [c.id, c.nominationId]));
  const scores = db
    .select({ jurorId: score.jurorId, candidateId: score.candidateId, value: score.value })
    .from(score)
    .where(isNotNull(score.value))
    .orderBy(asc(score.jurorId), asc(score.candidateId))
    .all()
    .filter((s) => submitted.has(`${s.jurorId}:${nominationOf.get(s.candidateId)}`));
  const codeOf = new Map(noms.map((n) => [n.id, n.code]));
  const decisions: Decision[] = db
    .select()
    .from(decision)
    .orderBy(asc(decision.id))
    .all()
    .filter((d) => (d.kind === 'casting_vote' || d.kind === 'shared') && d.nominationId !== null)
    .map((d) => ({
      nomination: codeOf.get(d.nominationId!)!,
      kind: d.kind as Decision['kind'],
      tied: (JSON.parse(d.tied) as number[]).map(String),
      chosen: (JSON.parse(d.chosen) as number[]).map(String),
    }));
  return {
    version: 1,
    scale: { min: fest.scaleMin, max: fest.scaleMax, step: fest.scaleStep },
    method: fest.method,
    rules: {
      oneAwardPerFilm: fest.oneAwardPerFilm,
      exemptNominations: noms.filter((n) => n.exemptOneAward).map((n) => n.code),
      exAequo: Object.fromEntries(noms.map((n) => [n.code, { allowed: n.exAequoAllowed, maxWinners: n.maxWinners }])),
      recusalByNationality: fest.recusalByNationality,
    },
    films: films.map((f) => ({ id: String(f.id), country: f.country, competition: f.competition })),
    jurors: jurors.map((j) => ({ id: String(j.id), country: j.country })),
    nominations: noms.map((n) => ({
      code: n.code,
      kind: n.kind,
      round: n.round,
      candidates: cands.filter((c) => c.nominationId === n.id).map((c) => ({ id: String(c.id), filmId: String(c.filmId), person: c.person })),
    })),
    scores: scores.map((s) => ({ juror: String(s.jurorId), candidate: String(s.candidateId), value: s.value! })),
    recusals: db.select({ j: recusal.jurorId, f: recusal.filmId }).from(recusal).orderBy(asc(recusal.id)).all().map((r) => ({ juror: String(r.j), film: String(r.f) })),
    decisions,
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
  const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));
  const jurorCountry = new Map(input.jurors.map((j) => [j.id, j.country]));
  const recused = new Set(input.recusals.map((r) => `${r.juror}\n${r.film}`));
  const counted = input.scores.filter((s) => {
    const f = filmOf.get(s.candidate)!;
    return !recused.has(`${s.juror}\n${f}`) && !recusedByNationality(input.rules.recusalByNationality, jurorCountry.get(s.juror), filmCountry.get(f));
  });
  const byCode = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const scores = counted
    .map((s) => ({ ...s, juror: anonIdOf({ juror: s.juror, nomination: nominationOf.get(s.candidate)! }) }))
    .sort((a, b) => byCode(a.juror, b.juror) || byCode(a.candidate, b.candidate));
  return {
    ...input,
    jurors: [...new Set(scores.map((s) => s.juror))].map((id) => ({ id, country: null })),
    scores,
    recusals: [],
  };
}

/**
 * `publicBallots` with the anonymous ids stored at finalisation (lib/round/anon-ids.ts). A ballot
 * without one (a database whose phase was set by hand, not through finalisation) gets a fresh random
 * id for this read, never a derived one: the export then matches no final hash, and verification says so.
 */
export function anonymiseTallyInput(db: Reader, input: TallyInput): TallyInput {
  const ids = storedAnonIds(db);
  return publicBallots(input, ({ juror, nomination }) => {
    const key = `${juror}\n${nomination}`;
    let id = ids.get(key);
    if (!id) ids.set(key, (id = newAnonId()));
    return id;
  });
}
