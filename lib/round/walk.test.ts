// Model-based test of the chair's way to the end: random small festivals (films, jurors, nominations,
// rules, method, a special round or not) on a real temporary database are driven through random
// sequences of juror, chair and organiser actions by the real specs. After every action:
//  - no action ever answers `unexpected` (an exception inside an action);
//  - from the state reached, finalisation and publication remain reachable with valid chair
//    decisions: a deterministic finisher (every juror completes and submits, the chair closes,
//    decides each tie by a casting vote for the first tied candidate, records "no award" where
//    nobody can win, opens or skips the special round, finalises; the organiser publishes) is run
//    inside a savepoint that is rolled back afterwards, so the walk goes on from the same state;
//  - once finalised, the stored awards follow from the stored data (verifyAwards), and the audit
//    log's replay (npm run audit:verify) rebuilds the stored tables.
// Every nomination gets a tie-break chain and an ex aequo rule, dead-end ones among them (a shared
// award alone where at most 1 may win, runoffs alone: the settings refuse them now, but a database
// frozen earlier may hold them), and runoffs are opened, voted in and closed at random: the finisher
// settles every tie by what the tally says is next (issue 20, route 8: no award is ever blocked).
// Two juries of one edition run side by side (issue 23): a second festival of its own random shape, with its
// own chair and jurors and one person who sits on both; every step acts in one of them (the jury its request
// chose, lib/server/request-jury.ts), and is played again naming the other jury's candidate, film or
// nomination in an otherwise valid call. After every step the other jury's stored rows are exactly as before, and finalisation and
// publication stay reachable in the jury acted in (the other's state is unchanged, so its answer too); at
// the end of each walk both are driven to publication.
// Bounded in `npm test` (fixed seed, printed by fast-check on failure with the failing walk);
// RELIABILITY_MODE=full or WALK_RUNS=<n> runs more walks, WALK_SEED=<n> another seed.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { and, eq, isNotNull } from 'drizzle-orm';
import { ballot, candidate, edition, jury, juryMember, film, nomination, recusal, runoffVote, score, user } from '@/db/schema';
import { inJury } from '@/lib/server/request-jury';
import type { DB } from '@/db';
import { executeAction, type ActionSpec, type Outcome } from '@/lib/server/action';
import { findSessionUser, type SessionUser } from '@/lib/auth/users';
import { allAccountStates } from '@/lib/auth/account-state';
import { appendAudit } from '@/lib/audit';
import { declareRecusalSpec, reopenBallotSpec, saveScoreSpec, submitBallotSpec, withdrawRecusalSpec } from '@/lib/ballot/specs';
import { openVotingSpec } from '@/lib/admin/phase';
import { METHODS, tally } from '@/lib/tally';
import { tempDb } from '@/tests/db';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec, reopenRoundSpec } from './specs';
import { noAwardSpec, waiveSpecialSpec, withdrawDecisionSpec } from './decision-specs';
import { buildTallyInput } from '@/lib/count/tally-input';
import { undecidedResult } from '@/lib/count/decisions';
import { verifyAwards } from './verify';
import { replayAudit } from '@/lib/replay/audit';
import { castRunoffVoteSpec, closeRunoffSpec, openRunoffSpec } from '@/lib/runoff/specs';
import { isOpen, runoffRows } from '@/lib/runoff/queries';
import { entitledJurors } from '@/lib/runoff/entitled';
import type { TieBreakStep } from '@/lib/tally';
import type { z } from 'zod';

const FULL = process.env.RELIABILITY_MODE === 'full';
// Each walk drives two juries of its own shapes: 8 bounded walks cover 16 shapes in about the time 12 one-jury walks took.
const RUNS = Number(process.env.WALK_RUNS ?? (FULL ? 300 : 8));
const SEED = Number(process.env.WALK_SEED ?? 20261129);
const STEPS = FULL ? 60 : 30;

interface Shape {
  films: number; // competition films
  extraFilm: boolean; // one film out of competition
  jurors: number; // chair included
  filmNoms: number; // best_film, best_director, best_screenplay: the first n
  actor: number; // performances of an exempt acting nomination (0: none)
  special: boolean;
  exAequo: boolean[]; // per nomination code in CODES order
  maxWinners: number[]; // per nomination code, where ex aequo is allowed
  chains: number[]; // per nomination code: an index into CHAINS
  oneAward: boolean;
  method: number;
}

const CODES = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'special_jury_prize'];

/**
 * Chains as the settings take them, and dead-end ones a database frozen before issue 20 may hold
 * (`shared` alone, which dead-ends where at most 1 may win, and runoffs alone), drawn often enough
 * that a bounded run meets them.
 */
const CHAINS: TieBreakStep[][] = [
  ['casting_vote', 'shared'], ['shared', 'casting_vote'], ['shared'], ['runoff', 'shared'],
  ['runoff', 'casting_vote'], ['runoff', 'runoff', 'shared'], ['runoff'], ['shared'],
];

const shapeArb: fc.Arbitrary<Shape> = fc.record({
  films: fc.integer({ min: 1, max: 4 }),
  extraFilm: fc.boolean(),
  jurors: fc.integer({ min: 3, max: 4 }),
  filmNoms: fc.integer({ min: 1, max: 3 }),
  actor: fc.integer({ min: 0, max: 2 }),
  special: fc.boolean(),
  exAequo: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  maxWinners: fc.array(fc.integer({ min: 1, max: 2 }), { minLength: 5, maxLength: 5 }),
  chains: fc.array(fc.nat(CHAINS.length - 1), { minLength: 5, maxLength: 5 }),
  oneAward: fc.boolean(),
  method: fc.nat(METHODS.length - 1),
});

/** One step: which action, and raw numbers the action picks its juror, candidate, value … from. */
const stepArb = fc.tuple(fc.nat(22), fc.nat(999), fc.nat(999), fc.nat(999));
type Step = [number, number, number, number];

interface World {
  db: DB;
  juryId: number;
  chair: SessionUser;
  organiser: SessionUser;
  jurors: SessionUser[]; // chair first
  /** The other jury of the edition: each step is played again in this jury with its rows' ids. */
  other?: World;
}

/** Both juries of the walk; `both` is the account that sits on each (a juror in both). */
interface Worlds { a: World; b: World; both: number }

function build(db: DB, s: Shape, sb: Shape): Worlds {
  db.insert(edition).values({ id: 1, name: 'Walk', city: 'Qingdao', nameZh: '走', nameRu: 'Прогулка', nameKk: 'Серуен', cityZh: '青岛', cityRu: 'Циндао', cityKk: 'Циндао' }).run();
  const a = buildJury(db, s, 'main', '');
  // The person on both juries: A's first juror who is not its chair sits on B as a juror too.
  const both = a.jurors[1].id;
  const b = buildJury(db, sb, 'shorts', 'b-', both);
  a.other = b;
  b.other = a;
  return { a, b, both };
}

/** One jury of the edition, of shape `s`, its accounts' logins prefixed; `shared` sits on it as a juror. */
function buildJury(db: DB, s: Shape, slug: string, prefix: string, shared?: number): World {
  const juryId = db.insert(jury).values({ editionId: 1, slug, scaleMin: 1, scaleMax: 3, scaleStep: 1, method: METHODS[s.method], oneAwardPerFilm: s.oneAward }).returning({ id: jury.id }).get().id;
  const films = Array.from({ length: s.films + (s.extraFilm ? 1 : 0) }, (_, i) =>
    db.insert(film).values({ juryId, originalTitle: `Film ${i}`, englishTitle: `Film ${i}`, director: `D${i}`, country: 'KZ', competition: i < s.films, position: i }).returning({ id: film.id }).get().id,
  );
  const competition = films.slice(0, s.films);
  let position = 0;
  const addNom = (code: string, kind: 'film' | 'performance', round: 'main' | 'special', exempt = false) => {
    const k = CODES.indexOf(code);
    const ex = s.exAequo[k];
    return db.insert(nomination).values({ juryId, code, position: position++, kind, round, exemptOneAward: exempt, exAequoAllowed: ex, maxWinners: ex ? s.maxWinners[k] : 1, tieBreak: JSON.stringify(CHAINS[s.chains[k]]), runoffAbstention: s.chains[k] % 2 === 0 }).returning({ id: nomination.id }).get().id;
  };
  for (const code of CODES.slice(0, s.filmNoms)) {
    const id = addNom(code, 'film', 'main');
    for (const f of competition) db.insert(candidate).values({ nominationId: id, filmId: f }).run();
  }
  if (s.actor > 0) {
    const id = addNom('best_actor', 'performance', 'main', true);
    for (let i = 0; i < s.actor; i++) db.insert(candidate).values({ nominationId: id, filmId: competition[i % competition.length], person: `Actor ${i}` }).run();
  }
  if (s.special) addNom('special_jury_prize', 'film', 'special');
  const people = [
    ...Array.from({ length: s.jurors - (shared ? 1 : 0) }, (_, i) => ({ login: i === 0 ? 'chair' : `juror${i}`, role: i === 0 ? ('chair' as const) : ('juror' as const) })),
    ...(shared ? [] : [{ login: 'organiser', role: 'organiser' as const }]),
  ].map((p) => {
    // The account says organiser or not; the jury role is its membership (issue 23).
    const id = db.insert(user).values({ login: prefix + p.login, displayName: prefix + p.login, role: p.role === 'organiser' ? 'organiser' : 'juror', passwordHash: 'not-a-hash' }).returning({ id: user.id }).get().id;
    if (p.role !== 'organiser') db.insert(juryMember).values({ juryId, userId: id, role: p.role }).run();
    return id;
  });
  if (shared) {
    db.insert(juryMember).values({ juryId, userId: shared, role: 'juror' }).run();
    people.splice(1, 0, shared);
  }
  // As every account writer does (lib/auth/account-state.ts): the log states the accounts it made.
  db.transaction((tx) => appendAudit(tx, { actorId: null, action: 'test.accounts', payload: { accounts: allAccountStates(tx) } }));
  // The session as a request that chose this jury reads it: the role is the membership in it.
  const session = (id: number) => inJury(juryId, () => findSessionUser(db, id)!);
  const organiserId = db.select({ id: user.id }).from(user).where(eq(user.login, 'organiser')).get()!.id;
  const jurors = people.slice(0, s.jurors).map(session);
  const w: World = { db, juryId, chair: jurors[0], organiser: session(organiserId), jurors };
  expect(act(w, openVotingSpec, w.organiser, {})).toMatchObject({ ok: true });
  return w;
}

const pick = <T,>(xs: T[], n: number): T | undefined => (xs.length ? xs[n % xs.length] : undefined);

/** Runs an action; whatever it answers, it must not be `unexpected`. */
function act<S extends z.ZodType, T>(w: World, spec: ActionSpec<S, T>, who: SessionUser, input: unknown): Outcome<T> {
  // As a request that chose this jury runs it (the jury cookie or /e/<edition>/<jury>).
  const out = inJury(w.juryId, () => executeAction(spec, who, input, w.db));
  if (!out.ok && out.code === 'unexpected') throw new Error(`${spec.name} answered unexpected for ${JSON.stringify(input)}`);
  return out;
}

const phaseOf = (w: World) => w.db.select({ p: jury.phase }).from(jury).where(eq(jury.id, w.juryId)).get()!.p;
const noms = (w: World) => w.db.select().from(nomination).where(eq(nomination.juryId, w.juryId)).orderBy(nomination.position).all();
const candidatesOf = (w: World, nominationId: number) => w.db.select().from(candidate).where(eq(candidate.nominationId, nominationId)).orderBy(candidate.id).all();
const allCandidates = (w: World) => w.db.select({ c: candidate }).from(candidate).innerJoin(nomination, eq(nomination.id, candidate.nominationId))
  .where(eq(nomination.juryId, w.juryId)).orderBy(candidate.id).all().map((r) => r.c);
const filmsOf = (w: World) => w.db.select({ id: film.id }).from(film).where(eq(film.juryId, w.juryId)).orderBy(film.id).all();

/**
 * Everything stored of one jury: its row, films, nominations, candidates, members, and every score, ballot,
 * snapshot, recusal, decision, runoff, vote, anonymous id and award that belongs to it through them.
 */
function juryState(db: DB, juryId: number): string {
  const q = (sql: string) => db.$client.prepare(sql).all(juryId);
  const byNom = (table: string) => `select t.* from ${table} t join nomination n on n.id = t.nomination_id where n.jury_id = ? order by t.rowid`;
  return JSON.stringify([
    q('select * from jury where id = ?'),
    q('select * from film where jury_id = ? order by id'),
    q('select * from nomination where jury_id = ? order by id'),
    q('select * from jury_member where jury_id = ? order by rowid'),
    q('select * from decision where jury_id = ? order by id'),
    ...['candidate', 'ballot', 'runoff', 'anon_ballot', 'award'].map((t) => q(byNom(t))),
    q('select s.* from score s join candidate c on c.id = s.candidate_id join nomination n on n.id = c.nomination_id where n.jury_id = ? order by s.rowid'),
    q('select bs.* from ballot_score bs join ballot b on b.id = bs.ballot_id join nomination n on n.id = b.nomination_id where n.jury_id = ? order by bs.rowid'),
    q('select r.* from recusal r join film f on f.id = r.film_id where f.jury_id = ? order by r.rowid'),
    q('select v.* from runoff_vote v join runoff r on r.id = v.runoff_id join nomination n on n.id = r.nomination_id where n.jury_id = ? order by v.rowid'),
  ]);
}

/**
 * One step in one jury, as a request that chose it; with `from` the other jury, the same call names that
 * jury's candidate, film or nomination (its code too, which here is this jury's nomination of that code if
 * it has one), which must be refused as a missing one, or act on this jury only.
 */
function randomStep(w: World, step: Step, from: World = w) {
  inJury(w.juryId, () => randomStepIn(w, step, from));
}

function randomStepIn(w: World, [kind, a, b, c]: Step, from: World) {
  const { chair, organiser, jurors } = w;
  const juror = jurors[a % jurors.length];
  const nom = pick(noms(from), b);
  const films = filmsOf(from);
  switch (kind) {
    case 0: case 1: case 2: case 3: {
      const cand = pick(allCandidates(from), b);
      // Mostly on the scale 1..3; now and then off it (4, 0), which must be refused in words.
      if (cand) act(w, saveScoreSpec, juror, { candidateId: cand.id, value: c % 10 === 0 ? 4 : c % 10 === 1 ? 0 : 1 + (c % 3) });
      return;
    }
    case 4: { const f = pick(films, b); if (f) act(w, declareRecusalSpec, juror, { filmId: f.id, reason: 'conflict of interest' }); return; }
    case 5: { const f = pick(films, b); if (f) act(w, withdrawRecusalSpec, juror, { filmId: f.id }); return; }
    case 6: case 7: if (nom) act(w, submitBallotSpec, juror, { nominationId: nom.id }); return;
    case 8: if (nom) act(w, reopenBallotSpec, chair, { jurorId: juror.id, nominationId: nom.id, reason: 'please look again' }); return;
    case 9: act(w, closeRoundSpec, chair, { confirmMissing: c % 3 !== 0 }); return;
    case 10: act(w, reopenRoundSpec, chair, { reason: 'the jury deliberates again' }); return;
    case 11: case 12: {
      if (!nom) return;
      // undefined for a code this jury does not have (the other jury's): the call names it anyway.
      const r = undecidedResult(buildTallyInput(w.db), nom.code) as ReturnType<typeof undecidedResult> | undefined;
      const tied = r?.tie?.candidates.map(Number) ?? candidatesOf(w, nom.id).map((x) => x.id).slice(0, 2);
      const shared = c % 4 === 0;
      act(w, decideTieSpec, chair, { nomination: nom.code, kind: shared ? 'shared' : 'casting_vote', tied, chosen: shared ? tied.slice(0, 2) : [pick(tied, c) ?? 1], reason: 'deliberation' });
      return;
    }
    case 13: if (nom) act(w, noAwardSpec, chair, { nomination: nom.code, reason: 'nobody can win it' }); return;
    case 14: act(w, withdrawDecisionSpec, chair, c % 3 === 0 || !nom ? {} : { nomination: nom.code }); return;
    case 15: act(w, waiveSpecialSpec, chair, { reason: 'not wanted this year' }); return;
    case 16: act(w, openSpecialRoundSpec, chair, {}); return;
    case 17: act(w, finaliseSpec, chair, {}); return;
    case 18: act(w, publishSpec, organiser, {}); return;
    case 19: {
      if (!nom) return;
      // undefined for a code this jury does not have (the other jury's): the call names it anyway.
      const r = undecidedResult(buildTallyInput(w.db), nom.code) as ReturnType<typeof undecidedResult> | undefined;
      act(w, openRunoffSpec, chair, { nomination: nom.code, tied: r?.tie?.candidates.map(Number) ?? candidatesOf(w, nom.id).map((x) => x.id).slice(0, 2) });
      return;
    }
    case 20: {
      const r = pick(runoffRows(w.db).filter(isOpen), b);
      if (r) act(w, castRunoffVoteSpec, juror, { runoff: r.id, choice: c % 5 === 0 ? 'abstain' : pick(r.tied, c)! });
      return;
    }
    case 21: { const r = pick(runoffRows(w.db).filter(isOpen), b); if (r) act(w, closeRunoffSpec, chair, { runoff: r.id }); return; }
    default: act(w, decideTieSpec, chair, { nomination: nom?.code ?? 'best_film', kind: 'casting_vote', tied: [a + 1, b + 1], chosen: [a + 1] }); return;
  }
}

/** Drives the jury from its current state to publication with valid decisions; fails if it cannot. */
function finish(w: World): string[] {
  return inJury(w.juryId, () => finishIn(w));
}

function finishIn(w: World): string[] {
  const trail: string[] = [];
  const must = <S extends z.ZodType, T>(spec: ActionSpec<S, T>, who: SessionUser, input: unknown) => {
    const out = act(w, spec, who, input);
    trail.push(`${spec.name} ${JSON.stringify(input)} -> ${out.ok ? 'ok' : out.code}`);
    if (!out.ok) throw new Error(`finisher stuck in ${phaseOf(w)}:\n  ${trail.join('\n  ')}`);
    return out;
  };
  // Settling steps (a decision, a runoff opened or closed) are bounded by the nominations, not by the
  // guard: a few per nomination, so that an award that can never be decided fails here, not hangs.
  let settling = 6 * noms(w).length + 6;
  for (let guard = 0; guard < 20; guard++) {
    if (settling-- < 0) throw new Error(`an award cannot be decided:\n  ${trail.join('\n  ')}`);
    const phase = phaseOf(w);
    if (phase === 'published') return trail;
    if (phase === 'finalised') { must(publishSpec, w.organiser, {}); continue; }
    if (phase === 'voting' || phase === 'special_voting') {
      const round = phase === 'voting' ? 'main' : 'special';
      for (const j of w.jurors) {
        const recused = new Set(w.db.select({ f: recusal.filmId }).from(recusal).where(eq(recusal.jurorId, j.id)).all().map((r) => r.f));
        for (const n of noms(w).filter((x) => x.round === round)) {
          const done = w.db.select().from(ballot).where(and(eq(ballot.jurorId, j.id), eq(ballot.nominationId, n.id), isNotNull(ballot.submittedAt))).get();
          if (done) continue;
          const cands = candidatesOf(w, n.id);
          if (cands.length === 0) continue;
          for (const c of cands) {
            if (recused.has(c.filmId)) continue;
            const has = w.db.select().from(score).where(and(eq(score.jurorId, j.id), eq(score.candidateId, c.id), isNotNull(score.steps))).get();
            if (!has) must(saveScoreSpec, j, { candidateId: c.id, value: 2 });
          }
          must(submitBallotSpec, j, { nominationId: n.id });
        }
      }
      must(closeRoundSpec, w.chair, { confirmMissing: true });
      continue;
    }
    // A runoff left open: every juror entitled who has not voted votes for the first tied candidate, and the chair closes it.
    const running = runoffRows(w.db).find(isOpen);
    if (running) {
      const voted = new Set(w.db.select({ j: runoffVote.jurorId }).from(runoffVote).where(eq(runoffVote.runoffId, running.id)).all().map((v) => v.j));
      for (const id of entitledJurors(w.db, running.tied)) {
        const j = w.jurors.find((x) => x.id === id);
        if (j && !voted.has(id)) must(castRunoffVoteSpec, j, { runoff: running.id, choice: running.tied[0] });
      }
      must(closeRunoffSpec, w.chair, { runoff: running.id });
      guard--;
      continue;
    }
    // A closed round: settle every nomination of it, one at a time (a decision can change later ones),
    // by what the tally says its chain allows next, and only that: it must always be possible.
    const round = phase === 'main_closed' ? 'main' : 'special';
    const open = tally(buildTallyInput(w.db)).nominations.find((n) => n.round === round && ['blocked', 'no_candidates', 'no_scores'].includes(n.status));
    if (open) {
      const tied = open.tie?.candidates.map(Number) ?? [];
      const next = open.tie?.next ?? ['casting_vote'];
      if (open.status !== 'blocked') must(noAwardSpec, w.chair, { nomination: open.code, reason: 'nobody can win it' });
      else if (next.includes('runoff')) must(openRunoffSpec, w.chair, { nomination: open.code, tied });
      else if (next.includes('casting_vote')) must(decideTieSpec, w.chair, { nomination: open.code, kind: 'casting_vote', tied, chosen: [tied[0]] });
      else must(decideTieSpec, w.chair, { nomination: open.code, kind: 'shared', tied, chosen: tied.slice(0, 2) });
      guard--; // settling is bounded by the number of nominations, not by the guard
      continue;
    }
    if (phase === 'main_closed' && noms(w).some((n) => n.round === 'special')) {
      const opened = act(w, openSpecialRoundSpec, w.chair, {});
      trail.push(`round.openSpecial -> ${opened.ok ? 'ok' : opened.code}`);
      if (opened.ok) continue;
      // Only an empty special round may refuse to open; finalising then skips it.
      if (opened.code !== 'round:no_special_candidates') throw new Error(`special round refused: ${opened.code}\n  ${trail.join('\n  ')}`);
    }
    must(finaliseSpec, w.chair, {});
  }
  throw new Error(`finisher did not reach publication:\n  ${trail.join('\n  ')}`);
}

/** Runs the finisher and undoes it, leaving the walk's state as it was; the other jury stays as it was meanwhile. */
function probe(w: World) {
  const sqlite = w.db.$client;
  const other = w.other && juryState(w.db, w.other.juryId);
  sqlite.exec('SAVEPOINT probe');
  try {
    finish(w);
    if (w.other && juryState(w.db, w.other.juryId) !== other) throw new Error(`finishing jury ${w.juryId} changed jury ${w.other.juryId}`);
    const check = inJury(w.juryId, () => verifyAwards(w.db));
    if (!check.ok) throw new Error(`stored awards do not follow: ${check.problems.join('; ')}`);
    // audit:verify's replay rebuilds the same tables from the log, whatever the walk did on the way.
    const replay = inJury(w.juryId, () => replayAudit(w.db));
    if (replay.length) throw new Error(`audit replay disagrees: ${replay.join('; ')}`);
  } finally {
    sqlite.exec('ROLLBACK TO probe');
    sqlite.exec('RELEASE probe');
  }
}

describe('the way to the end (model-based)', () => {
  it(`stays open from every state reached by random actions (${RUNS} walks, seed ${SEED})`, () => {
    fc.assert(
      // Each step: which jury (0 A, 1 B) and the step itself.
      fc.property(shapeArb, shapeArb, fc.array(fc.tuple(fc.nat(1), stepArb), { maxLength: STEPS }), (shape, shapeB, steps) => {
        const t = tempDb();
        try {
          const { a, b } = build(t.db, shape, shapeB);
          probe(a);
          probe(b);
          for (const [which, step] of steps) {
            const w = which === 0 ? a : b;
            const other = w.other!;
            const before = juryState(t.db, other.juryId);
            randomStep(w, step as Step);
            // The same call again, naming the other jury's rows (ids unique across juries, codes not).
            randomStep(w, step as Step, other);
            expect(juryState(t.db, other.juryId), `a step in jury ${w.juryId} changed jury ${other.juryId}`).toBe(before);
            // The other jury's state is unchanged, so its finisher would answer as it did before.
            probe(w);
            const phase = phaseOf(w);
            if (phase === 'finalised' || phase === 'published') {
              const check = verifyAwards(w.db);
              if (!check.ok) throw new Error(`stored awards do not follow: ${check.problems.join('; ')}`);
            }
          }
          // Both juries, from wherever the walk left them, reach publication one after the other.
          for (const w of [a, b]) {
            finish(w);
            expect(phaseOf(w)).toBe('published');
          }
          const check = verifyAwards(t.db);
          if (!check.ok) throw new Error(`stored awards do not follow: ${check.problems.join('; ')}`);
          expect(replayAudit(t.db)).toEqual([]);
        } finally {
          t.close();
        }
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: !FULL },
    );
  }, FULL ? 60 * 60_000 : 120_000);
});
