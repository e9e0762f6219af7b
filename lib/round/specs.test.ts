// The chair's rounds against a real database: every refusal (wrong role, wrong phase, bad input,
// stale tie) leaves the database unchanged, and a whole festival runs from voting to publication
// with the winners an independent computation expects.
import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { award, candidate, festival, film, nomination, user, type Phase } from '@/db/schema';
import { executeAction, type Outcome } from '@/lib/action';
import type { SessionUser } from '@/lib/auth/users';
import { saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { verifyChain } from '@/lib/audit';
import { tally } from '@/lib/tally';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec, reopenRoundSpec } from './specs';
import { finalHashOf } from './hash';
import { anonymiseTallyInput, buildTallyInput } from './tally-input';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  chair = userByLogin(t.db, 'hansanping');
  juror = userByLogin(t.db, 'azimov');
  organiser = userByLogin(t.db, 'organiser');
  jurors = t.db.select({ login: user.login, role: user.role }).from(user).orderBy(asc(user.id)).all().filter((u) => u.role !== 'organiser').map((u) => userByLogin(t.db, u.login));
  setPhase('voting');
});
afterEach(() => t.close());

function setPhase(phase: Phase) {
  t.db.update(festival).set({ phase }).where(eq(festival.id, 1)).run();
}
const phase = () => t.db.select().from(festival).get()!.phase;
const run = <T,>(spec: Parameters<typeof executeAction>[0], u: SessionUser | null, input: unknown) => executeAction(spec, u, input, t.db) as Outcome<T>;
function refused(spec: Parameters<typeof executeAction>[0], u: SessionUser | null, input: unknown, code: string) {
  const before = snapshot(t.db);
  expect(run(spec, u, input)).toMatchObject({ ok: false, code });
  expect(snapshot(t.db)).toBe(before);
}
function nomByCode(code: string) {
  return t.db.select().from(nomination).where(eq(nomination.code, code)).get()!;
}
function candidatesOf(code: string) {
  return t.db.select().from(candidate).where(eq(candidate.nominationId, nomByCode(code).id)).orderBy(asc(candidate.id)).all();
}

/** Every juror scores every candidate of the nomination with `score(jurorIndex, candidateIndex)` and submits. */
function vote(code: string, score: (j: number, c: number) => number, who = jurors) {
  const cs = candidatesOf(code);
  who.forEach((u, j) => {
    cs.forEach((c, i) => expect(run(saveScoreSpec, u, { candidateId: c.id, value: score(j, i) }).ok).toBe(true));
    expect(run(submitBallotSpec, u, { nominationId: nomByCode(code).id }).ok).toBe(true);
  });
}

describe('refusals', () => {
  it('every chair action refuses jurors and organisers, and publish refuses the chair', () => {
    for (const u of [juror, organiser]) {
      refused(closeRoundSpec, u, { confirmMissing: true }, 'forbidden:role');
      refused(reopenRoundSpec, u, { reason: 'because' }, 'forbidden:role');
      refused(openSpecialRoundSpec, u, {}, 'forbidden:role');
      refused(finaliseSpec, u, {}, 'forbidden:role');
      refused(decideTieSpec, u, { nomination: 'best_film', kind: 'casting_vote', tied: [1, 2], chosen: [1] }, 'forbidden:role');
    }
    refused(publishSpec, chair, {}, 'forbidden:role');
    refused(publishSpec, juror, {}, 'forbidden:role');
    refused(closeRoundSpec, null, {}, 'auth:required');
  });

  it('closing with missing ballots needs confirmation', () => {
    refused(closeRoundSpec, chair, {}, 'round:missing_ballots');
    refused(closeRoundSpec, chair, { confirmMissing: 'maybe' }, 'invalid:input');
    expect(run(closeRoundSpec, chair, { confirmMissing: true })).toMatchObject({ ok: true, data: { round: 'main' } });
    expect(phase()).toBe('main_closed');
  });

  it('refuses actions in the wrong phase', () => {
    refused(openSpecialRoundSpec, chair, {}, 'phase:wrong');
    refused(finaliseSpec, chair, {}, 'phase:wrong');
    refused(reopenRoundSpec, chair, { reason: 'because' }, 'phase:wrong');
    refused(publishSpec, organiser, {}, 'phase:wrong');
    refused(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [1, 2], chosen: [1] }, 'phase:wrong');
    setPhase('setup');
    refused(closeRoundSpec, chair, { confirmMissing: true }, 'phase:wrong');
    setPhase('finalised');
    refused(closeRoundSpec, chair, { confirmMissing: true }, 'phase:finalised');
    refused(reopenRoundSpec, chair, { reason: 'because' }, 'phase:finalised');
  });

  it('refuses a tie decision that does not match the tie, bad kinds and shared awards where not allowed', () => {
    vote('best_film', (_j, c) => (c < 2 ? 9 : 5)); // candidates 0 and 1 tie exactly
    run(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b, c] = candidatesOf('best_film').map((x) => x.id);
    refused(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, c], chosen: [a] }, 'round:tie_changed');
    refused(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [c] }, 'round:not_tied');
    refused(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a, b] }, 'round:one_winner');
    refused(decideTieSpec, chair, { nomination: 'best_film', kind: 'shared', tied: [a, b], chosen: [a, b] }, 'round:shared_not_allowed');
    refused(decideTieSpec, chair, { nomination: 'best_film', kind: 'veto', tied: [a, b], chosen: [a] }, 'invalid:input');
    refused(decideTieSpec, chair, { nomination: 'best_director', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:no_tie');
    refused(decideTieSpec, chair, { nomination: 'nope', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:unknown_nomination');
    refused(decideTieSpec, chair, { nomination: 'special_jury_prize', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:not_closed');
    refused(finaliseSpec, chair, {}, 'round:special_pending');
    refused(openSpecialRoundSpec, chair, {}, 'round:ties_open');
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [b, a], chosen: [b], reason: 'deliberation' }).ok).toBe(true);
    refused(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a] }, 'round:no_tie');
  });

  it('refuses a shared award with more winners than the nomination allows', () => {
    t.db.update(nomination).set({ exAequoAllowed: true, maxWinners: 2 }).where(eq(nomination.code, 'best_film')).run();
    vote('best_film', (_j, c) => (c < 3 ? 9 : 5)); // candidates 0, 1 and 2 tie exactly
    run(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b, c] = candidatesOf('best_film').map((x) => x.id);
    refused(decideTieSpec, chair, { nomination: 'best_film', kind: 'shared', tied: [a, b, c], chosen: [a, b, c] }, 'round:too_many_winners');
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'shared', tied: [a, b, c], chosen: [a, b] }).ok).toBe(true);
  });

  it('opening the special round refuses without a special nomination and without special candidates', () => {
    setPhase('main_closed');
    t.db.update(film).set({ competition: false }).where(eq(film.competition, true)).run();
    refused(openSpecialRoundSpec, chair, {}, 'round:no_special_candidates');
    t.db.delete(nomination).where(eq(nomination.code, 'special_jury_prize')).run();
    refused(openSpecialRoundSpec, chair, {}, 'round:no_special_round');
  });

  it('finalising refuses a nomination whose tie is not decided', () => {
    // A strict order everywhere except an exact tie at the top of best film.
    for (const code of ['best_director', 'best_screenplay', 'best_actor', 'best_actress']) vote(code, (_j, c) => Math.max(1, 10 - c));
    vote('best_film', (_j, c) => (c < 2 ? 9 : 5));
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    t.db.delete(nomination).where(eq(nomination.code, 'special_jury_prize')).run();
    refused(finaliseSpec, chair, {}, 'round:undecided');
    const [a, b] = candidatesOf('best_film').map((x) => x.id);
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a] }).ok).toBe(true);
    expect(run(finaliseSpec, chair, {})).toMatchObject({ ok: true });
  });

  it('publishing refuses a festival already published', () => {
    setPhase('published');
    refused(publishSpec, organiser, {}, 'phase:finalised');
  });

  it('reopening a round refuses a reason under 3 characters', () => {
    setPhase('main_closed');
    refused(reopenRoundSpec, chair, { reason: 'ab' }, 'invalid:input');
    refused(reopenRoundSpec, chair, { reason: '  ab  ' }, 'invalid:input');
    refused(reopenRoundSpec, chair, {}, 'invalid:input');
    expect(run(reopenRoundSpec, chair, { reason: 'abc' }).ok).toBe(true);
  });
});

describe('a whole festival', () => {
  it('runs from voting to publication with the winners an independent computation expects', () => {
    // Main round: best film has a planted exact tie between candidates 0 and 1; the other
    // nominations have a clear winner. Jurors differ so that means are not all equal.
    const codes = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
    const pattern: Record<string, (j: number, c: number) => number> = {
      best_film: (j, c) => (c < 2 ? 9 : 1 + ((j + c) % 8)),
      best_director: (j, c) => (c === 0 ? 10 : c === 3 ? 9 : 1 + ((j * 3 + c) % 7)), // film 0 again: passed over if it wins best film
      best_screenplay: (j, c) => (c === 5 ? 10 : 1 + ((j + 2 * c) % 8)),
      best_actor: (j, c) => (c === 0 ? 10 : 1 + ((j + c) % 9)), // exempt: film 0 may win it too
      best_actress: (j, c) => (c === 7 ? 10 : 1 + ((2 * j + c) % 9)),
    };
    for (const code of codes) vote(code, pattern[code]);
    expect(run(closeRoundSpec, chair, {})).toMatchObject({ ok: true, data: { missing: 0 } });

    const bf = candidatesOf('best_film');
    const blocked = tally(buildTallyInput(t.db)).nominations.find((n) => n.code === 'best_film')!;
    expect(blocked.status).toBe('blocked');
    expect(new Set(blocked.tie!.candidates)).toEqual(new Set([String(bf[0].id), String(bf[1].id)]));
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [bf[0].id, bf[1].id], chosen: [bf[0].id] }).ok).toBe(true);

    // Independent expectation: the highest mean, with films already awarded passed over.
    const mean = (code: string, c: number) => jurors.reduce((s, _u, j) => s + pattern[code](j, c), 0) / jurors.length;
    const best = (code: string, skipFilms: Set<number>) => {
      const cs = candidatesOf(code);
      let bi = -1;
      cs.forEach((c, i) => { if (!skipFilms.has(c.filmId) && (bi < 0 || mean(code, i) > mean(code, bi))) bi = i; });
      return cs[bi];
    };
    const won = new Set<number>([bf[0].filmId]);
    const expected: Record<string, number> = { best_film: bf[0].id };
    for (const code of ['best_director', 'best_screenplay']) {
      const w = best(code, won);
      expected[code] = w.id;
      won.add(w.filmId);
    }
    expected.best_actor = best('best_actor', new Set()).id;
    expected.best_actress = best('best_actress', new Set()).id;
    expect(candidatesOf('best_director').find((c) => c.id === expected.best_director)!.filmId).not.toBe(bf[0].filmId);

    // Special round: the competition films that won no main non-exempt award.
    expect(run(openSpecialRoundSpec, chair, {}).ok).toBe(true);
    const special = candidatesOf('special_jury_prize');
    expect(special).toHaveLength(23 - won.size);
    expect(special.some((c) => won.has(c.filmId))).toBe(false);
    vote('special_jury_prize', (j, c) => (c === 2 || c === 4 ? 10 : 1 + ((j + c) % 7)));
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    const tie = tally(buildTallyInput(t.db)).nominations.find((n) => n.code === 'special_jury_prize')!;
    expect(tie.status).toBe('blocked');
    expect(run(decideTieSpec, chair, { nomination: 'special_jury_prize', kind: 'shared', tied: [special[2].id, special[4].id], chosen: [special[2].id, special[4].id], reason: 'Both deserve it' }).ok).toBe(true);

    const fin = run<{ hash: string }>(finaliseSpec, chair, {});
    expect(fin.ok).toBe(true);
    expect(phase()).toBe('finalised');
    const awards = t.db.select().from(award).all();
    const byNom = (code: string) => awards.filter((a) => a.nominationId === nomByCode(code).id).map((a) => a.candidateId).sort();
    for (const code of codes) expect(byNom(code), code).toEqual([expected[code]]);
    expect(byNom('special_jury_prize')).toEqual([special[2].id, special[4].id].sort());
    expect(awards.filter((a) => a.shared)).toHaveLength(2);

    // The recorded hash is recomputable from the public (anonymised) data.
    const pub = anonymiseTallyInput(t.db, buildTallyInput(t.db));
    expect(fin.ok && fin.data.hash).toBe(finalHashOf(pub, tally(pub)));
    expect(pub.jurors.every((j) => /^J-[0-9a-f]{12}$/.test(j.id) && j.country === null)).toBe(true);

    // Nothing changes after finalisation; the organisers publish.
    refused(saveScoreSpec, juror, { candidateId: special[0].id, value: 3 }, 'phase:finalised');
    refused(reopenRoundSpec, chair, { reason: 'second thoughts' }, 'phase:finalised');
    expect(run(publishSpec, organiser, {}).ok).toBe(true);
    expect(phase()).toBe('published');
    expect(verifyChain(t.db).ok).toBe(true);
  });

  it('reopens a closed round for a revote, once', () => {
    vote('best_film', (_j, c) => (c < 2 ? 9 : 5));
    run(closeRoundSpec, chair, { confirmMissing: true });
    const [a, b] = candidatesOf('best_film').map((x) => x.id);
    expect(run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a] }).ok).toBe(true);
    expect(run(reopenRoundSpec, chair, { reason: 'The jury deliberates again' }).ok).toBe(true);
    expect(phase()).toBe('voting');
    refused(reopenRoundSpec, chair, { reason: 'twice' }, 'phase:wrong');
  });
});

describe('verifying the stored awards', () => {
  it('passes on a finalised festival and fails when a score or an award is altered afterwards', async () => {
    const { verifyAwards } = await import('./verify');
    expect(verifyAwards(t.db)).toMatchObject({ ok: true, skipped: 'not_finalised' });
    // A strict order at the top of every nomination: no tie for any award, even after passing over.
    for (const code of ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress']) vote(code, (_j, c) => Math.max(1, 10 - c));
    expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    t.db.delete(nomination).where(eq(nomination.code, 'special_jury_prize')).run();
    const fin = run(finaliseSpec, chair, {});
    expect(fin).toMatchObject({ ok: true });
    expect(verifyAwards(t.db)).toMatchObject({ ok: true, checked: 5 });
    // A score changed behind the app's back: the awards or the hash no longer follow.
    (t.db as unknown as { $client: Database.Database }).$client.prepare('update score set value = 1 where candidate_id = (select candidate_id from award limit 1)').run();
    const broken = verifyAwards(t.db);
    expect(broken.ok).toBe(false);
  });
});
