// Builds the tally engine's input from the database: only submitted ballots count (also those of a
// juror deactivated since: lib/juror/standing.ts), scores of a
// film a juror recused from are handed over and left to the engine to exclude (so the exclusion
// is visible in its reasons), and the chair's decisions come in recording order.
import { asc, isNotNull } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { DB } from '@/db';
import { ballot, candidate, decision, film, nomination, recusal, score, user } from '@/db/schema';
import type { Decision, TallyInput } from '@/lib/tally';
import type { Tx } from '@/lib/action';
import { recusedByNationality } from '@/lib/recusal';
import { getFestival } from '@/lib/festival/phase';
import { onJury, standingOf } from '@/lib/juror/standing';

type Reader = DB | Tx;

export function buildTallyInput(db: Reader): TallyInput {
  const fest = getFestival(db);
  const noms = db.select().from(nomination).orderBy(asc(nomination.position)).all();
  const cands = db.select().from(candidate).orderBy(asc(candidate.id)).all();
  const films = db.select({ id: film.id, country: film.country, competition: film.competition }).from(film).orderBy(asc(film.position), asc(film.id)).all();
  const jury = db.select({ id: user.id, country: user.country, role: user.role, active: user.active }).from(user).orderBy(asc(user.id)).all().filter((u) => u.role !== 'organiser');
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
  // The deactivation rule (lib/juror/standing.ts): a submitted ballot counts whether or not its juror
  // is still active; a deactivated juror without a counted ballot is not on the jury.
  const counted = new Set(scores.map((s) => s.jurorId));
  const jurors = jury.filter((j) => onJury(standingOf(j, counted.has(j.id))));
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
