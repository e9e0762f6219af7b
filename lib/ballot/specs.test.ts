// Every refusal of every ballot action, each asserting that the database is unchanged, and the
// happy paths: upsert, recusal, submit with a receipt that recomputes, the chair's reopening.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { ballot, decision, jury, film, score, user } from '@/db/schema';
import { executeAction, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { canonicalBallot, receiptOf } from './receipt';
import {
  declareRecusalSpec,
  reopenBallotSpec,
  saveNoteSpec,
  saveScoreSpec,
  submitBallotSpec,
  withdrawRecusalSpec,
} from './specs';

let t: TestDb;
let juror: SessionUser, other: SessionUser, chair: SessionUser, organiser: SessionUser;
beforeEach(async () => {
  t = await seededDb();
  ({ juror, chair, organiser } = demoCast(t.db));
  other = userByLogin(t.db, 'juror03');
  setPhase(t, 'voting');
});
afterEach(() => t.close());

const nomId = (code: string) => nominationId(t.db, code);
const cands = (code: string) => candidatesOf(t.db, code);
const run = <T,>(spec: Parameters<typeof executeAction>[0], user: SessionUser | null, input: unknown) => executeAction(spec, user, input, t.db) as Outcome<T>;


function fillBallot(u: SessionUser, code: string, value = 7) {
  for (const c of cands(code)) expect(run(saveScoreSpec, u, { candidateId: c.id, value }).ok).toBe(true);
}

describe('saveScore', () => {
  it('upserts: one row per juror and candidate, the later write wins', () => {
    const [c] = cands('best_film');
    expect(run(saveScoreSpec, juror, { candidateId: c.id, value: 6 })).toMatchObject({ ok: true });
    expect(run(saveScoreSpec, juror, { candidateId: String(c.id), value: '9' })).toMatchObject({ ok: true });
    const rows = t.db.select().from(score).where(and(eq(score.jurorId, juror.id), eq(score.candidateId, c.id))).all();
    expect(rows).toHaveLength(1);
    expect(rows[0].steps).toBe(8); // 9 on the 1..10 scale
    expect(run(saveScoreSpec, juror, { candidateId: c.id, value: null })).toMatchObject({ ok: true });
    expect(t.db.select().from(score).where(eq(score.candidateId, c.id)).get()!.steps).toBeNull();
  });

  it('refuses without a session, for an organiser, and for a deactivated user', () => {
    const [c] = cands('best_film');
    expectRefused(t, saveScoreSpec, null, { candidateId: c.id, value: 5 }, 'auth:required');
    expectRefused(t, saveScoreSpec, organiser, { candidateId: c.id, value: 5 }, 'forbidden:role');
    expectRefused(t, saveScoreSpec, { ...juror, active: false }, { candidateId: c.id, value: 5 }, 'auth:required');
  });

  it.each([
    ['off the scale (high)', 11],
    ['off the scale (low)', 0],
    ['off the step', 7.5],
    ['negative', -3],
    // Values a float check with a tolerance passes: exactness is decided on the decimal as written.
    ['a hair above a step', 5 + 1e-12],
    ['a hair below a step', 7.499999999999999],
    ['a denormal', 1e-300],
    ['within 1e-9 of a step', 5.000000000001],
    ['negative zero', -0],
    ['a step written with a trailing zero', '5.0'],
    ['a step written with a leading zero', '05'],
    ['negative zero as text', '-0'],
  ])('refuses a value %s', (_name, value) => {
    const [c] = cands('best_film');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value }, 'ballot:off_scale');
  });

  it.each([
    ['NaN', NaN],
    ['Infinity', Infinity],
    ['a string', 'seven'],
    ['an empty string', ''],
    ['an array', [7]],
    ['an object', { v: 7 }],
    ['a boolean', true],
    ['a huge number', '1e309'],
  ])('refuses %s as a value', (_name, value) => {
    const [c] = cands('best_film');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value }, 'invalid:input');
  });

  it('accepts exactly the values of the scale as written, as a number or as text, and stores whole steps', () => {
    const [c] = cands('best_film');
    t.db.update(jury).set({ scaleMin: 0, scaleMax: 10, scaleStep: 0.5 }).where(eq(jury.id, 1)).run();
    for (const [value, steps] of [[7.5, 15], ['7.5', 15], [0, 0], ['0', 0], [10, 20], [0.5, 1]] as const) {
      expect(run(saveScoreSpec, juror, { candidateId: c.id, value })).toMatchObject({ ok: true, data: { value: Number(value) } });
      expect(t.db.select().from(score).where(eq(score.candidateId, c.id)).get()!.steps).toBe(steps);
    }
    // -0 is the number zero, but not how the scale writes it: one spelling per score.
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: -0 }, 'ballot:off_scale');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 7.25 }, 'ballot:off_scale');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 0.1 + 0.2 }, 'ballot:off_scale');
  });

  it('an odd value can no longer reach the tally: every stored score is a whole step', () => {
    const [c] = cands('best_film');
    const out = run(saveScoreSpec, juror, { candidateId: c.id, value: 5.000000000001 });
    expect(out).toMatchObject({ ok: false, code: 'ballot:off_scale' });
    expect(t.db.select().from(score).where(eq(score.candidateId, c.id)).get()).toBeUndefined();
  });

  it('refuses extra fields such as another juror id, and bad candidate ids', () => {
    const [c] = cands('best_film');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 5, jurorId: other.id }, 'invalid:input');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 5, role: 'chair' }, 'invalid:input');
    expectRefused(t, saveScoreSpec, juror, { candidateId: -1, value: 5 }, 'invalid:input');
    expectRefused(t, saveScoreSpec, juror, { candidateId: 999999, value: 5 }, 'ballot:unknown_candidate');
    expectRefused(t, saveScoreSpec, juror, JSON.parse('{"__proto__":{"x":1},"candidateId":1,"value":5}'), 'invalid:input');
  });

  it('refuses a candidate of a round that is not open, and a finalised festival', () => {
    const [c] = cands('best_film');
    setPhase(t, 'setup');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 5 }, 'ballot:round_closed');
    setPhase(t, 'main_closed');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 5 }, 'ballot:round_closed');
    setPhase(t, 'special_voting');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 5 }, 'ballot:round_closed');
    setPhase(t, 'finalised');
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 5 }, 'phase:finalised');
  });

  it('refuses a recused film, in every nomination of it', () => {
    const [c] = cands('best_film');
    expect(run(declareRecusalSpec, juror, { filmId: c.filmId, reason: 'I produced it' }).ok).toBe(true);
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 5 }, 'ballot:recused');
    const sameFilmActor = cands('best_actor').find((x) => x.filmId === c.filmId)!;
    expectRefused(t, saveScoreSpec, juror, { candidateId: sameFilmActor.id, value: 5 }, 'ballot:recused');
    // Another juror is not affected.
    expect(run(saveScoreSpec, other, { candidateId: c.id, value: 5 }).ok).toBe(true);
  });

  it('refuses films of the juror’s own country when the nationality rule is on', () => {
    const kz = t.db.select().from(film).where(eq(film.englishTitle, 'The Diamond Sword')).get()!;
    const c = cands('best_film').find((x) => x.filmId === kz.id)!;
    expect(run(saveScoreSpec, juror, { candidateId: c.id, value: 5 }).ok).toBe(true);
    t.db.update(jury).set({ recusalByNationality: true }).where(eq(jury.id, 1)).run();
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 6 }, 'ballot:recused');
    expect(run(saveScoreSpec, chair, { candidateId: c.id, value: 6 }).ok).toBe(true); // the chair is from China
  });

  it('refuses a submitted ballot', () => {
    fillBallot(juror, 'best_film');
    expect(run(submitBallotSpec, juror, { nominationId: nomId('best_film') }).ok).toBe(true);
    expectRefused(t, saveScoreSpec, juror, { candidateId: cands('best_film')[0].id, value: 1 }, 'ballot:submitted');
  });
});

describe('saveNote', () => {
  it('keeps a note with or without a score, and the score with it', () => {
    const [c] = cands('best_film');
    expect(run(saveNoteSpec, juror, { candidateId: c.id, note: 'Беautiful 美 score later' }).ok).toBe(true);
    expect(run(saveScoreSpec, juror, { candidateId: c.id, value: 8 }).ok).toBe(true);
    expect(run(saveNoteSpec, juror, { candidateId: c.id, note: 'changed' }).ok).toBe(true);
    expect(t.db.select().from(score).where(eq(score.candidateId, c.id)).get()).toMatchObject({ steps: 7, note: 'changed' });
  });

  it('refuses an oversized note, a note on a submitted ballot, a closed round and other roles', () => {
    const [c] = cands('best_film');
    expectRefused(t, saveNoteSpec, juror, { candidateId: c.id, note: 'x'.repeat(4001) }, 'invalid:input');
    expectRefused(t, saveNoteSpec, juror, { candidateId: c.id, note: 42 }, 'invalid:input');
    expectRefused(t, saveNoteSpec, organiser, { candidateId: c.id, note: 'x' }, 'forbidden:role');
    expectRefused(t, saveNoteSpec, null, { candidateId: c.id, note: 'x' }, 'auth:required');
    setPhase(t, 'main_closed');
    expectRefused(t, saveNoteSpec, juror, { candidateId: c.id, note: 'x' }, 'ballot:round_closed');
    setPhase(t, 'voting');
    fillBallot(juror, 'best_film');
    run(submitBallotSpec, juror, { nominationId: nomId('best_film') });
    expectRefused(t, saveNoteSpec, juror, { candidateId: c.id, note: 'x' }, 'ballot:submitted');
  });

  it('refuses a recused film, an unknown candidate and a finalised festival', () => {
    const [c, d] = cands('best_film');
    expect(run(declareRecusalSpec, juror, { filmId: c.filmId, reason: 'I produced it' }).ok).toBe(true);
    expectRefused(t, saveNoteSpec, juror, { candidateId: c.id, note: 'x' }, 'ballot:recused');
    expectRefused(t, saveNoteSpec, juror, { candidateId: 999999, note: 'x' }, 'ballot:unknown_candidate');
    setPhase(t, 'finalised');
    expectRefused(t, saveNoteSpec, juror, { candidateId: d.id, note: 'x' }, 'phase:finalised');
    setPhase(t, 'published');
    expectRefused(t, saveNoteSpec, juror, { candidateId: d.id, note: 'x' }, 'phase:finalised');
  });
});

describe('recusal', () => {
  it('keeps the score already entered (excluded, not deleted) and can be withdrawn', () => {
    const [c] = cands('best_film');
    run(saveScoreSpec, juror, { candidateId: c.id, value: 4 });
    expect(run(declareRecusalSpec, juror, { filmId: c.filmId, reason: 'my cousin acts in it' }).ok).toBe(true);
    expect(t.db.select().from(score).where(eq(score.candidateId, c.id)).get()?.steps).toBe(3);
    expect(run(withdrawRecusalSpec, juror, { filmId: c.filmId }).ok).toBe(true);
    expect(run(saveScoreSpec, juror, { candidateId: c.id, value: 5 }).ok).toBe(true);
  });

  it('refuses a short reason, a film twice, an unknown or out-of-competition film, organisers and a finalised festival', () => {
    const [c] = cands('best_film');
    expectRefused(t, declareRecusalSpec, juror, { filmId: c.filmId, reason: 'no' }, 'invalid:input');
    expectRefused(t, declareRecusalSpec, juror, { filmId: c.filmId, reason: 'x'.repeat(501) }, 'invalid:input');
    expectRefused(t, declareRecusalSpec, organiser, { filmId: c.filmId, reason: 'because' }, 'forbidden:role');
    expectRefused(t, declareRecusalSpec, juror, { filmId: 99999, reason: 'because' }, 'ballot:unknown_film');
    const outside = t.db.select().from(film).where(eq(film.englishTitle, 'Oralman')).get()!;
    expectRefused(t, declareRecusalSpec, juror, { filmId: outside.id, reason: 'because' }, 'ballot:unknown_film');
    run(declareRecusalSpec, juror, { filmId: c.filmId, reason: 'because' });
    expectRefused(t, declareRecusalSpec, juror, { filmId: c.filmId, reason: 'because' }, 'ballot:already_recused');
    expectRefused(t, withdrawRecusalSpec, other, { filmId: c.filmId }, 'ballot:not_recused');
    setPhase(t, 'finalised');
    expectRefused(t, withdrawRecusalSpec, juror, { filmId: c.filmId }, 'phase:finalised');
  });

  it('refuses declaring or withdrawing once a ballot holding the film is submitted', () => {
    const [c, d] = cands('best_film');
    fillBallot(juror, 'best_film');
    expect(run(declareRecusalSpec, juror, { filmId: d.filmId, reason: 'because' }).ok).toBe(true);
    expect(run(submitBallotSpec, juror, { nominationId: nomId('best_film') }).ok).toBe(true);
    expectRefused(t, declareRecusalSpec, juror, { filmId: c.filmId, reason: 'because' }, 'ballot:submitted');
    expectRefused(t, withdrawRecusalSpec, juror, { filmId: d.filmId }, 'ballot:submitted');
  });

  it('refuses declaring or withdrawing once the round is closed, and after finalisation', () => {
    const [c, d] = cands('best_film');
    expect(run(declareRecusalSpec, juror, { filmId: d.filmId, reason: 'because' }).ok).toBe(true);
    for (const [phase, code] of [['main_closed', 'phase:wrong'], ['special_closed', 'phase:wrong'], ['finalised', 'phase:finalised'], ['published', 'phase:finalised']] as const) {
      setPhase(t, phase);
      expectRefused(t, declareRecusalSpec, juror, { filmId: c.filmId, reason: 'because' }, code);
      expectRefused(t, withdrawRecusalSpec, juror, { filmId: d.filmId }, code);
    }
  });
});

describe('submit', () => {
  it('refuses an incomplete ballot, naming how many are missing', () => {
    const cs = cands('best_film');
    for (const c of cs.slice(1)) run(saveScoreSpec, juror, { candidateId: c.id, value: 5 });
    expectRefused(t, submitBallotSpec, juror, { nominationId: nomId('best_film') }, 'ballot:incomplete');
    expect(run(submitBallotSpec, juror, { nominationId: nomId('best_film') })).toMatchObject({ params: { missing: 1 } });
  });

  it('does not need a score for a recused film, and returns a receipt the juror can recompute', () => {
    const cs = cands('best_film');
    run(declareRecusalSpec, juror, { filmId: cs[0].filmId, reason: 'conflict' });
    for (const c of cs.slice(1)) run(saveScoreSpec, juror, { candidateId: c.id, value: (c.id % 10) + 1 });
    run(saveScoreSpec, other, { candidateId: cs[0].id, value: 3 });
    const r = run<{ receipt: string; salt: string }>(submitBallotSpec, juror, { nominationId: nomId('best_film') });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const pairs = cs.slice(1).map((c) => ({ candidateId: c.id, value: (c.id % 10) + 1 }));
    expect(receiptOf(canonicalBallot('azimov', 'best_film', pairs, r.data.salt))).toBe(r.data.receipt);
    expect(r.data.receipt).toMatch(/^[0-9a-f]{64}$/);
    const row = t.db.select().from(ballot).where(eq(ballot.jurorId, juror.id)).get()!;
    expect(row.receipt).toBe(r.data.receipt);
    // Two jurors with identical scores get different receipts: the salt differs.
    fillBallot(other, 'best_director', 7);
    fillBallot(chair, 'best_director', 7);
    const a = run<{ receipt: string }>(submitBallotSpec, other, { nominationId: nomId('best_director') });
    const b = run<{ receipt: string }>(submitBallotSpec, chair, { nominationId: nomId('best_director') });
    expect(a.ok && b.ok && a.data.receipt !== b.data.receipt).toBe(true);
  });

  it('refuses twice, in a closed round, an unknown nomination, organisers, and bad ids', () => {
    fillBallot(juror, 'best_film');
    run(submitBallotSpec, juror, { nominationId: nomId('best_film') });
    expectRefused(t, submitBallotSpec, juror, { nominationId: nomId('best_film') }, 'ballot:submitted');
    expectRefused(t, submitBallotSpec, juror, { nominationId: 99999 }, 'ballot:unknown_nomination');
    expectRefused(t, submitBallotSpec, juror, { nominationId: nomId('special_jury_prize') }, 'ballot:round_closed');
    expectRefused(t, submitBallotSpec, organiser, { nominationId: nomId('best_film') }, 'forbidden:role');
    expectRefused(t, submitBallotSpec, juror, { nominationId: 'best_film' }, 'invalid:input');
    expectRefused(t, submitBallotSpec, juror, {}, 'invalid:input');
    setPhase(t, 'main_closed');
    expectRefused(t, submitBallotSpec, other, { nominationId: nomId('best_film') }, 'ballot:round_closed');
  });

  it('refuses a nomination with no candidates', () => {
    // The special round's candidates are only set when the chair opens it.
    setPhase(t, 'special_voting');
    expect(cands('special_jury_prize')).toHaveLength(0);
    expectRefused(t, submitBallotSpec, juror, { nominationId: nomId('special_jury_prize') }, 'ballot:no_candidates');
  });
});

describe('reopen (chair)', () => {
  function submitted() {
    fillBallot(juror, 'best_film');
    expect(run(submitBallotSpec, juror, { nominationId: nomId('best_film') }).ok).toBe(true);
  }

  it('reopens a submitted ballot with a reason, recorded as a decision, and the juror can change it again', () => {
    submitted();
    const r = run(reopenBallotSpec, chair, { jurorId: juror.id, nominationId: nomId('best_film'), reason: 'Juror asked to correct a slip' });
    expect(r.ok).toBe(true);
    const row = t.db.select().from(ballot).where(eq(ballot.jurorId, juror.id)).get()!;
    expect(row.submittedAt).toBeNull();
    expect(JSON.parse(row.reopened)).toMatchObject([{ reason: 'Juror asked to correct a slip' }]);
    expect(t.db.select().from(decision).where(eq(decision.kind, 'reopen_ballot')).all()).toHaveLength(1);
    expect(run(saveScoreSpec, juror, { candidateId: cands('best_film')[0].id, value: 10 }).ok).toBe(true);
  });

  it('refuses jurors, organisers, a ballot not submitted, no reason, a closed round', () => {
    expectRefused(t, reopenBallotSpec, chair, { jurorId: juror.id, nominationId: nomId('best_film'), reason: 'because' }, 'ballot:not_submitted');
    submitted();
    const input = { jurorId: juror.id, nominationId: nomId('best_film'), reason: 'because' };
    expectRefused(t, reopenBallotSpec, juror, input, 'forbidden:role');
    expectRefused(t, reopenBallotSpec, other, input, 'forbidden:role');
    expectRefused(t, reopenBallotSpec, organiser, input, 'forbidden:role');
    expectRefused(t, reopenBallotSpec, chair, { ...input, reason: '' }, 'invalid:input');
    expectRefused(t, reopenBallotSpec, chair, { ...input, jurorId: organiser.id }, 'ballot:unknown_juror');
    setPhase(t, 'main_closed');
    expectRefused(t, reopenBallotSpec, chair, input, 'ballot:round_closed');
  });

  it('refuses an unknown juror, an unknown nomination, a nomination of the other round and a finalised festival', () => {
    submitted();
    const input = { jurorId: juror.id, nominationId: nomId('best_film'), reason: 'because' };
    expectRefused(t, reopenBallotSpec, chair, { ...input, jurorId: 99999 }, 'ballot:unknown_juror');
    expectRefused(t, reopenBallotSpec, chair, { ...input, nominationId: 99999 }, 'ballot:unknown_nomination');
    expectRefused(t, reopenBallotSpec, chair, { ...input, nominationId: nomId('special_jury_prize') }, 'ballot:round_closed');
    setPhase(t, 'finalised');
    expectRefused(t, reopenBallotSpec, chair, input, 'phase:finalised');
    setPhase(t, 'published');
    expectRefused(t, reopenBallotSpec, chair, input, 'phase:finalised');
  });

  it('refuses the ballot of a deactivated juror, who could never submit it again', () => {
    submitted();
    const input = { jurorId: juror.id, nominationId: nomId('best_film'), reason: 'because' };
    t.db.update(user).set({ active: false }).where(eq(user.id, juror.id)).run();
    expectRefused(t, reopenBallotSpec, chair, input, 'ballot:inactive_juror');
    expect(t.db.select().from(ballot).where(eq(ballot.jurorId, juror.id)).get()!.submittedAt).not.toBeNull();
    // Reactivated, the same ballot can be reopened.
    t.db.update(user).set({ active: true }).where(eq(user.id, juror.id)).run();
    expect(run(reopenBallotSpec, chair, input).ok).toBe(true);
  });
});
