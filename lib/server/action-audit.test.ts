// Every successful ballot and round action appends exactly one audit entry, named after the
// action, and the hash chain stays intact: one festival from the first score to publication.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { audit, candidate, jury } from '@/db/schema';
import { executeAction, type Outcome } from '@/lib/server/action';
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
import { noAwardSpec, waiveSpecialSpec, withdrawDecisionSpec } from '@/lib/round/decision-specs';
import { setPhase } from '@/tests/actions';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';

let t: TestDb;
let chair: SessionUser, juror: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeAll(async () => {
  t = await seededDb();
  ({ chair, juror, organiser, jurors } = demoCast(t.db));
  // Best actress without performances: the main round's nomination nobody can win ("no award").
  t.db.delete(candidate).where(eq(candidate.nominationId, nominationId(t.db, 'best_actress'))).run();
  setPhase(t, 'voting');
});
afterAll(() => t.close());

const run = (spec: Parameters<typeof executeAction>[0], u: SessionUser, input: unknown) => executeAction(spec, u, input, t.db) as Outcome<unknown>;
const nomId = (code: string) => nominationId(t.db, code);
const auditRows = () => t.db.select().from(audit).orderBy(asc(audit.id)).all();
const vote = (code: string, score: (c: number) => number, who: SessionUser[]) => voteAndSubmit(t.db, code, (_j, c) => score(c), who);
const strict = (c: number) => Math.max(1, 10 - c);
const tiedTop = (c: number) => (c < 2 ? 9 : 5); // candidates 0 and 1 tie exactly

type Step = { action: string; prepare?: () => void; call: () => Outcome<unknown> };
const bestFilm = () => candidatesOf(t.db, 'best_film');

const steps: Step[] = [
  { action: 'ballot.save_score', call: () => run(saveScoreSpec, juror, { candidateId: bestFilm()[0].id, value: 5 }) },
  { action: 'ballot.save_note', call: () => run(saveNoteSpec, juror, { candidateId: bestFilm()[0].id, note: 'strong opening' }) },
  { action: 'ballot.declare_recusal', call: () => run(declareRecusalSpec, juror, { filmId: bestFilm()[1].filmId, reason: 'I know the director' }) },
  { action: 'ballot.withdraw_recusal', call: () => run(withdrawRecusalSpec, juror, { filmId: bestFilm()[1].filmId }) },
  {
    action: 'ballot.submit',
    prepare: () => {
      for (const code of ['best_director', 'best_screenplay', 'best_actor']) vote(code, strict, jurors);
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
  { action: 'round.withdraw_decision', call: () => run(withdrawDecisionSpec, chair, { nomination: 'best_film', reason: 'misclick' }) },
  {
    action: 'round.decide_tie',
    call: () => {
      const [a, b] = bestFilm().map((c) => c.id);
      return run(decideTieSpec, chair, { nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [b], reason: 'on reflection' });
    },
  },
  // Best actress has no candidate: nobody can win it, and the chair records no award.
  { action: 'round.no_award', call: () => run(noAwardSpec, chair, { nomination: 'best_actress', reason: 'No performance was entered' }) },
  { action: 'round.waive_special', call: () => run(waiveSpecialSpec, chair, { reason: 'not this year' }) },
  { action: 'round.withdraw_decision', call: () => run(withdrawDecisionSpec, chair, {}) },
  { action: 'round.open_special', call: () => run(openSpecialRoundSpec, chair, {}) },
  { action: 'round.close', prepare: () => vote('special_jury_prize', strict, jurors), call: () => run(closeRoundSpec, chair, {}) },
  { action: 'round.finalise', call: () => run(finaliseSpec, chair, {}) },
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
    expect(t.db.select().from(jury).get()!.phase).toBe('published');
  });
});
