// Every successful ballot and round action appends exactly one audit entry, named after the
// action, and the hash chain stays intact: one festival from the first score to publication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { audit, candidate, festival, nomination, user } from '@/db/schema';
import { executeAction, type Outcome } from '@/lib/action';
import { verifyChain } from '@/lib/audit';
import type { SessionUser } from '@/lib/auth/users';
import {
  declareRecusalSpec,
  reopenBallotSpec,
  saveNoteSpec,
  saveScoreSpec,
  submitBallotSpec,
  withdrawRecusalSpec,
} from '@/lib/ballot/specs';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec } from '@/lib/round/specs';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeAll(async () => {
  t = await seededDb();
  chair = userByLogin(t.db, 'hansanping');
  juror = userByLogin(t.db, 'azimov');
  organiser = userByLogin(t.db, 'organiser');
  jurors = t.db.select({ login: user.login, role: user.role }).from(user).orderBy(asc(user.id)).all().filter((u) => u.role !== 'organiser').map((u) => userByLogin(t.db, u.login));
  t.db.update(festival).set({ phase: 'voting' }).where(eq(festival.id, 1)).run();
});
afterAll(() => t.close());

const run = (spec: Parameters<typeof executeAction>[0], u: SessionUser, input: unknown) => executeAction(spec, u, input, t.db) as Outcome<unknown>;
const nomId = (code: string) => t.db.select().from(nomination).where(eq(nomination.code, code)).get()!.id;
const candidatesOf = (code: string) => t.db.select().from(candidate).where(eq(candidate.nominationId, nomId(code))).orderBy(asc(candidate.id)).all();
const auditRows = () => t.db.select().from(audit).orderBy(asc(audit.id)).all();

/** Scores every candidate of the nomination for each of `who` and submits (setup, not measured). */
function vote(code: string, score: (c: number) => number, who: SessionUser[]) {
  for (const u of who) {
    candidatesOf(code).forEach((c, i) => expect(run(saveScoreSpec, u, { candidateId: c.id, value: score(i) }).ok).toBe(true));
    expect(run(submitBallotSpec, u, { nominationId: nomId(code) }).ok).toBe(true);
  }
}
const strict = (c: number) => Math.max(1, 10 - c);
const tiedTop = (c: number) => (c < 2 ? 9 : 5); // candidates 0 and 1 tie exactly

type Step = { action: string; prepare?: () => void; call: () => Outcome<unknown> };
const bestFilm = () => candidatesOf('best_film');

const steps: Step[] = [
  { action: 'ballot.save_score', call: () => run(saveScoreSpec, juror, { candidateId: bestFilm()[0].id, value: 5 }) },
  { action: 'ballot.save_note', call: () => run(saveNoteSpec, juror, { candidateId: bestFilm()[0].id, note: 'strong opening' }) },
  { action: 'ballot.declare_recusal', call: () => run(declareRecusalSpec, juror, { filmId: bestFilm()[1].filmId, reason: 'I know the director' }) },
  { action: 'ballot.withdraw_recusal', call: () => run(withdrawRecusalSpec, juror, { filmId: bestFilm()[1].filmId }) },
  {
    action: 'ballot.submit',
    prepare: () => {
      for (const code of ['best_director', 'best_screenplay', 'best_actor', 'best_actress']) vote(code, strict, jurors);
      vote('best_film', tiedTop, jurors.filter((u) => u.id !== juror.id));
      bestFilm().forEach((c, i) => expect(run(saveScoreSpec, juror, { candidateId: c.id, value: tiedTop(i) }).ok).toBe(true));
    },
    call: () => run(submitBallotSpec, juror, { nominationId: nomId('best_film') }),
  },
  { action: 'ballot.reopen', call: () => run(reopenBallotSpec, chair, { jurorId: juror.id, nominationId: nomId('best_film'), reason: 'Juror asked to check a score' }) },
  {
    action: 'round.close',
    prepare: () => expect(run(submitBallotSpec, juror, { nominationId: nomId('best_film') }).ok).toBe(true),
    call: () => run(closeRoundSpec, chair, {}),
  },
  {
    action: 'round.decide_tie',
    call: () => {
      const [a, b] = bestFilm().map((c) => c.id);
      return run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [a], reason: 'deliberation' });
    },
  },
  { action: 'round.open_special', call: () => run(openSpecialRoundSpec, chair, {}) },
  {
    action: 'round.finalise',
    prepare: () => {
      vote('special_jury_prize', strict, jurors);
      expect(run(closeRoundSpec, chair, {}).ok).toBe(true);
    },
    call: () => run(finaliseSpec, chair, {}),
  },
  { action: 'round.publish', call: () => run(publishSpec, organiser, {}) },
];

describe('the audit log of the ballot and round actions', () => {
  it('gets exactly one entry per successful action, named after it, and the chain stays valid', () => {
    expect(verifyChain(t.db).ok).toBe(true);
    for (const step of steps) {
      step.prepare?.();
      const before = auditRows();
      expect(step.call(), step.action).toMatchObject({ ok: true });
      const added = auditRows().slice(before.length);
      expect(auditRows().slice(0, before.length), step.action).toEqual(before);
      expect(added.map((r) => r.action), step.action).toEqual([step.action]);
      expect(verifyChain(t.db), step.action).toMatchObject({ ok: true });
    }
    expect(t.db.select().from(festival).get()!.phase).toBe('published');
  });
});
