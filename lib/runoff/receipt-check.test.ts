// The check the "check my receipt" box runs in the browser, run here on a real receipt: the ballot
// submitted through the real action, the file built as the ballot page builds it, the published
// list as /results reads it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { executeAction } from '@/lib/server/action';
import { canonicalJson } from '@/lib/canonical';
import type { SessionUser } from '@/lib/auth/users';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId } from '@/tests/festival';
import { setPhase } from '@/tests/actions';
import { receiptList } from '@/lib/round/results';
import { ballotView } from '@/lib/ballot/queries';
import { receiptOf } from '@/lib/ballot/receipt';
import { saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { checkReceiptFile, receiptFileText, webSha256Hex } from './receipt-check';

let t: TestDb;
let juror: SessionUser;
let file: string;
beforeEach(async () => {
  t = await seededDb();
  ({ juror } = demoCast(t.db));
  setPhase(t, 'voting');
  candidatesOf(t.db, 'best_film').forEach((c, i) => expect(executeAction(saveScoreSpec, juror, { candidateId: c.id, value: 1 + (i % 10) }, t.db).ok).toBe(true));
  expect(executeAction(submitBallotSpec, juror, { nominationId: nominationId(t.db, 'best_film') }, t.db).ok).toBe(true);
  const r = ballotView(t.db, juror, 'best_film')!.receipt!;
  const lines = r.lines.map((l) => ({ candidate: l.candidateId, title: l.englishTitle, score: l.value }));
  file = receiptFileText({ about: 'Receipt', receipt: r.receipt, submittedAt: r.submittedAt, ballot: r.canonical, lines });
});
afterEach(() => t.close());

const published = () => receiptList(t.db).map((r) => ({ nomination: r.nomination, receipt: r.receipt }));
const edit = (f: (o: ReturnType<typeof JSON.parse>) => void) => {
  const o = JSON.parse(file);
  f(o);
  return JSON.stringify(o);
};

describe('checking a receipt file in the browser', () => {
  it('WebCrypto gives the code the server computed', async () => {
    const { ballot } = JSON.parse(file);
    expect(await webSha256Hex(canonicalJson(ballot))).toBe(receiptOf(ballot));
  });

  it('the downloaded file matches its published receipt, named by its award', async () => {
    const r = await checkReceiptFile(file, published(), webSha256Hex);
    expect(r).toEqual({ kind: 'matches', nomination: 'best_film', receipt: JSON.parse(file).receipt });
    expect(published().filter((p) => p.receipt === JSON.parse(file).receipt)).toHaveLength(1);
  });

  it('a score changed in the ballot, or in the words beside it, is an altered file', async () => {
    expect(await checkReceiptFile(edit((o) => { o.ballot.scores[0][1] = o.ballot.scores[0][1] === 10 ? 9 : 10; }), published(), webSha256Hex)).toEqual({ kind: 'altered' });
    expect(await checkReceiptFile(edit((o) => { o.lines[0].score = o.lines[0].score === 10 ? 9 : 10; }), published(), webSha256Hex)).toEqual({ kind: 'altered' });
    expect(await checkReceiptFile(edit((o) => { o.lines.pop(); }), published(), webSha256Hex)).toEqual({ kind: 'altered' });
    expect(await checkReceiptFile(edit((o) => { o.receipt = '0'.repeat(64); }), published(), webSha256Hex)).toEqual({ kind: 'altered' });
  });

  it('a consistent file whose receipt was never published (scores and code both rewritten) matches none', async () => {
    const forged = edit((o) => { o.ballot.scores[0][1] = o.ballot.scores[0][1] === 10 ? 9 : 10; o.receipt = receiptOf(o.ballot); delete o.lines; });
    expect(await checkReceiptFile(forged, published(), webSha256Hex)).toMatchObject({ kind: 'none' });
  });

  it('a file that is no receipt is unreadable', async () => {
    for (const text of ['', 'not json', '[]', '{"receipt":"ab"}', edit((o) => { o.ballot.version = 2; })]) {
      expect(await checkReceiptFile(text, published(), webSha256Hex), text).toEqual({ kind: 'unreadable' });
    }
  });
});
