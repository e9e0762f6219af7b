// Group commit: concurrent autosaves share one transaction, each refusal or failure undoes only its
// own writes, a failed shared commit acknowledges nothing, and the audit chain stays whole.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, asc, eq, sql } from 'drizzle-orm';
import { recusal, score } from '@/db/schema';
import { executeActionGrouped } from '@/lib/server/action';
import { verifyChain } from '@/lib/audit';
import { saveScoreSpec } from '@/lib/ballot/specs';
import type { SessionUser } from '@/lib/auth/users';
import { setPhase } from '@/tests/actions';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { candidatesOf } from '@/tests/festival';
import { inGroupCommit } from './group-commit';

let t: TestDb;
let jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  jurors = ['azimov', 'juror03', 'juror04', 'juror05'].map((l) => userByLogin(t.db, l));
  setPhase(t, 'voting');
});
afterEach(() => {
  vi.restoreAllMocks();
  t.close();
});

const filmCands = () => candidatesOf(t.db, 'best_film');
const stored = () => t.db.select().from(score).orderBy(asc(score.jurorId), asc(score.candidateId)).all();

describe('group commit', () => {
  it('answers concurrent saves from one transaction; a refusal in the middle undoes only its own save', async () => {
    const cands = filmCands();
    t.db.insert(recusal).values({ jurorId: jurors[1].id, filmId: cands[0].filmId, reason: 'produced it' }).run();
    const transactions = vi.spyOn(t.db, 'transaction');
    const calls = [
      executeActionGrouped(saveScoreSpec, jurors[0], { candidateId: cands[0].id, value: 7 }, t.db),
      executeActionGrouped(saveScoreSpec, jurors[1], { candidateId: cands[0].id, value: 8 }, t.db), // recused
      executeActionGrouped(saveScoreSpec, jurors[2], { candidateId: cands[0].id, value: 7.5 }, t.db), // off the scale
      executeActionGrouped(saveScoreSpec, jurors[3], { candidateId: cands[1].id, value: 3 }, t.db),
      executeActionGrouped(saveScoreSpec, jurors[0], { candidateId: cands[0].id, value: 9 }, t.db), // later write wins
      executeActionGrouped(saveScoreSpec, jurors[3], { candidateId: 'x' }, t.db), // refused before any transaction
    ];
    const results = await Promise.all(calls);
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'ballot:recused', 'ballot:off_scale', 'ok', 'ok', 'invalid:input']);
    expect(stored().map((s) => [s.jurorId, s.candidateId, s.steps])).toEqual([
      [jurors[0].id, cands[0].id, 8],
      [jurors[3].id, cands[1].id, 2],
    ]);
    const chain = verifyChain(t.db);
    expect(chain).toMatchObject({ ok: true });
    const saves = t.db.all<{ n: number }>(sql`select count(*) as n from audit where action = 'ballot.save_score'`)[0].n;
    expect(saves).toBe(3);
  });

  it('an unexpected error in one piece fails that piece only', async () => {
    const cands = filmCands();
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const [a, b, c] = await Promise.all([
      inGroupCommit(t.db, (tx) => tx.insert(score).values({ jurorId: jurors[0].id, candidateId: cands[0].id, steps: 5 - 1 }).run()),
      inGroupCommit(t.db, (tx) => {
        tx.insert(score).values({ jurorId: jurors[1].id, candidateId: cands[0].id, steps: 5 - 1 }).run();
        tx.insert(score).values({ jurorId: jurors[1].id, candidateId: 999999, steps: 5 - 1 }).run(); // foreign key
      }).then(() => 'stored', (e: Error) => e.message),
      inGroupCommit(t.db, (tx) => tx.insert(score).values({ jurorId: jurors[2].id, candidateId: cands[0].id, steps: 6 - 1 }).run()),
    ]);
    expect(a).toMatchObject({ changes: 1 });
    expect(b).toMatch(/FOREIGN KEY/);
    expect(c).toMatchObject({ changes: 1 });
    expect(stored().map((s) => s.jurorId)).toEqual([jurors[0].id, jurors[2].id]);
    spy.mockRestore();
  });

  it('when the shared commit fails, every caller is refused and nothing is stored', async () => {
    const cands = filmCands();
    const before = snapshot(t.db);
    const results = await Promise.allSettled([
      inGroupCommit(t.db, (tx) => tx.insert(score).values({ jurorId: jurors[0].id, candidateId: cands[0].id, steps: 5 - 1 }).run()),
      inGroupCommit(t.db, (tx) => {
        // A deferred foreign key is checked only at COMMIT: the commit itself fails.
        tx.run(sql`pragma defer_foreign_keys = on`);
        tx.insert(score).values({ jurorId: jurors[1].id, candidateId: 999999, steps: 5 - 1 }).run();
      }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(snapshot(t.db)).toBe(before);
    expect(t.db.$client.inTransaction).toBe(false);
    // The next batch works.
    await inGroupCommit(t.db, (tx) => tx.insert(score).values({ jurorId: jurors[0].id, candidateId: cands[0].id, steps: 5 - 1 }).run());
    expect(t.db.select().from(score).where(and(eq(score.jurorId, jurors[0].id))).all()).toHaveLength(1);
  });

  it('refuses work that is not synchronous: it would finish after its savepoint, outside the transaction', async () => {
    const cands = filmCands();
    const [late, other] = await Promise.allSettled([
      inGroupCommit(t.db, async (tx) => tx.insert(score).values({ jurorId: jurors[0].id, candidateId: cands[0].id, steps: 5 - 1 }).run()),
      inGroupCommit(t.db, (tx) => tx.insert(score).values({ jurorId: jurors[1].id, candidateId: cands[0].id, steps: 6 - 1 }).run()),
    ]);
    expect(late).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ message: expect.stringMatching(/synchronous/) }) });
    expect(other.status).toBe('fulfilled');
    expect(stored().map((s) => s.jurorId)).toEqual([jurors[1].id]);
  });

  it('when SQLite has rolled back the whole transaction, the batch fails with the original error and stores nothing', async () => {
    const cands = filmCands();
    const before = snapshot(t.db);
    let thirdRan = false;
    const results = await Promise.allSettled([
      inGroupCommit(t.db, (tx) => tx.insert(score).values({ jurorId: jurors[0].id, candidateId: cands[0].id, steps: 5 - 1 }).run()),
      inGroupCommit(t.db, (tx) => {
        tx.run(sql`rollback`); // what SQLite does itself on a full disk or an I/O error
        throw new Error('disk I/O error (simulated)');
      }),
      inGroupCommit(t.db, () => { thirdRan = true; }),
    ]);
    expect(results.map((r) => (r.status === 'rejected' ? (r.reason as Error).message : 'fulfilled'))).toEqual(Array(3).fill('disk I/O error (simulated)'));
    expect(thirdRan).toBe(false);
    expect(snapshot(t.db)).toBe(before);
    expect(t.db.$client.inTransaction).toBe(false);
  });
});
