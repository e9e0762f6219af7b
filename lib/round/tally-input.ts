// Builds the tally engine's input from the database: only counted ballots (submitted, or reopened
// and counting as last submitted) count, from their snapshots (which leave recused films out);
// the recusals are handed over too, for the engine to exclude what the nationality rule or a
// recusal excludes, and the chair's decisions come in recording order.
import { asc, isNotNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { DB } from '@/db';
import { ballot, candidate, film, nomination, recusal, user } from '@/db/schema';
import { countedSnapshots } from '@/lib/ballot/snapshot';
import { decisionRows, decisionsInForce, toTallyDecision } from './decisions';
import type { Decision, TallyInput } from '@/lib/tally';
import type { Tx } from '@/lib/action';
import { recusedByNationality } from '@/lib/recusal';
import { getFestival } from '@/lib/festival/phase';
import { scaleOf, valueOfSteps } from '@/lib/ballot/scale';

type Reader = DB | Tx;

export function buildTallyInput(db: Reader): TallyInput {
  const fest = getFestival(db);
  const noms = db.select().from(nomination).orderBy(asc(nomination.position)).all();
  const cands = db.select().from(candidate).orderBy(asc(candidate.id)).all();
  const films = db.select({ id: film.id, country: film.country, competition: film.competition }).from(film).orderBy(asc(film.position), asc(film.id)).all();
  const jurors = db.select({ id: user.id, country: user.country, role: user.role }).from(user).orderBy(asc(user.id)).all().filter((u) => u.role !== 'organiser');
  // Stored steps become the numbers on the scale in the one place that does it (valueOfSteps).
  // Every counted ballot from its snapshot (as last submitted), never from the live score table:
  // a ballot the chair reopened counts unchanged until its juror submits again.
  const scale = scaleOf(fest);
  const snapshots = countedSnapshots(db);
  const scores = snapshots.map((s) => ({ jurorId: s.jurorId, candidateId: s.candidateId, value: valueOfSteps(scale, s.steps) }));
  // A recusal declared while a ballot is reopened takes effect when it is submitted again: until
  // then the snapshot, which still holds the film's score, counts as it was.
  const filmOf = new Map(cands.map((c) => [c.id, c.filmId]));
  const snapshotFilms = new Set(snapshots.map((s) => `${s.jurorId}:${filmOf.get(s.candidateId)}`));
  // Only the decisions in force: superseded ones stay in the tally as history, withdrawn or reopened ones do not.
  const decisions: Decision[] = decisionsInForce(decisionRows(db)).map(toTallyDecision);
  return {
    version: 1,
    scale,
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
    scores: scores.map((s) => ({ juror: String(s.jurorId), candidate: String(s.candidateId), value: s.value })),
    recusals: db
      .select({ j: recusal.jurorId, f: recusal.filmId })
      .from(recusal)
      .orderBy(asc(recusal.id))
      .all()
      .filter((r) => !snapshotFilms.has(`${r.j}:${r.f}`))
      .map((r) => ({ juror: String(r.j), film: String(r.f) })),
    decisions,
  };
}

/**
 * The same input with jurors made anonymous, for the public export: each juror becomes an id
 * derived from the secret salts of their own ballots (so only they can tell which is theirs), and
 * countries are dropped, the nationality rule's recusals being written out explicitly instead.
 */
export function anonymiseTallyInput(db: Reader, input: TallyInput): TallyInput {
  const salts = new Map<string, string[]>();
  for (const b of db.select({ j: ballot.jurorId, salt: ballot.salt }).from(ballot).where(isNotNull(ballot.salt)).all()) {
    const k = String(b.j);
    salts.set(k, [...(salts.get(k) ?? []), b.salt!]);
  }
  const anon = new Map(
    input.jurors.map((j) => [j.id, `J-${createHash('sha256').update(`jury-anon:${(salts.get(j.id) ?? [j.id]).sort().join(',')}`).digest('hex').slice(0, 12)}`]),
  );
  const filmCountry = new Map(input.films.map((f) => [f.id, f.country]));
  const recusals = [...input.recusals];
  for (const j of input.jurors) {
    for (const f of input.films) {
      if (recusedByNationality(input.rules.recusalByNationality, j.country, filmCountry.get(f.id)) && !recusals.some((r) => r.juror === j.id && r.film === f.id)) recusals.push({ juror: j.id, film: f.id });
    }
  }
  const A = (id: string) => anon.get(id)!;
  return {
    ...input,
    jurors: input.jurors.map((j) => ({ id: A(j.id), country: null })).sort((a, b) => a.id.localeCompare(b.id)),
    scores: input.scores.map((s) => ({ ...s, juror: A(s.juror) })).sort((a, b) => a.juror.localeCompare(b.juror) || Number(a.candidate) - Number(b.candidate)),
    recusals: recusals.map((r) => ({ ...r, juror: A(r.juror) })).sort((a, b) => a.juror.localeCompare(b.juror) || Number(a.film) - Number(b.film)),
  };
}
