// Issue 23, task "scope": the two-person rule's requests and the locked accounts are per jury. A request
// is filed in the jury the organiser works in; only that jury's chair sees and decides it, organisers see
// the whole edition's, and the chair of another jury learns nothing of it, even about a person who sits
// on both. Played through the real specs in a database with a second jury of the same edition.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { juryMember, loginFailure, user } from '@/db/schema';
import type { z } from 'zod';
import { executeAction, type ActionSpec } from '@/lib/server/action';
import { inJury } from '@/lib/server/request-jury';
import { ACCOUNT_MAX_FAILURES, lockedAccounts } from '@/lib/auth/throttle';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { setPhase } from '@/tests/actions';
import { addJury, addMembers, type OtherJury } from '@/tests/juries';
import { approveAccountRequestSpec, refuseAccountRequestSpec, requestAccountChangeSpec } from './requests';
import { approveProposalSpec, proposeRenameSpec } from './proposals';
import { pendingApprovals } from './approvals';

let t: TestDb;
let b: OtherJury;
let bChair: number;
let bOnly: number;
let both: number;
beforeEach(async () => {
  t = await seededDb();
  t.db.insert(user).values({ login: 'organiser2', displayName: 'Second organiser', role: 'organiser', passwordHash: 'not-a-hash' }).run();
  setPhase(t, 'voting');
  b = addJury(t.db, { edition: 'same', phase: 'voting' });
  both = userByLogin(t.db, 'azimov').id;
  [bChair, bOnly] = addMembers(t.db, b.juryId, { count: 3, also: [{ id: both, role: 'juror' }] });
});
afterEach(() => t.close());

/** Runs a spec as `login` in a jury (undefined: the served default, the demo's jury A). */
function runIn<S extends z.ZodType, T>(juryId: number | undefined, spec: ActionSpec<S, T>, login: string | number, input: unknown) {
  return inJury(juryId, () => {
    const who = typeof login === 'number' ? inJury(juryId, () => userByLogin(t.db, t.db.select({ l: user.login }).from(user).where(eq(user.id, login)).get()!.l)) : userByLogin(t.db, login);
    return executeAction(spec, who, input, t.db);
  });
}
const inB = <T>(fn: () => T) => inJury(b.juryId, fn);

describe('requests per jury', () => {
  it('a request about a member of jury B only is invisible to the chair of A and cannot be decided by them; B’s chair sees and approves it', () => {
    const filed = runIn(b.juryId, requestAccountChangeSpec, 'organiser', { targetId: String(bOnly), kind: 'reset_password', reason: 'forgot the password' });
    expect(filed).toMatchObject({ ok: true });
    const id = (filed as { data: { id: number } }).data.id;
    // A's chair: nothing of it on the desk, and deciding it is refused as a missing request, changing nothing.
    expect(pendingApprovals(t.db).map((a) => a.id)).not.toContain(id);
    const before = snapshot(t.db);
    expect(runIn(undefined, approveAccountRequestSpec, 'hansanping', { id: String(id) })).toMatchObject({ ok: false, code: 'account:not_found' });
    expect(runIn(undefined, refuseAccountRequestSpec, 'hansanping', { id: String(id), reason: 'not mine to say' })).toMatchObject({ ok: false, code: 'account:not_found' });
    expect(snapshot(t.db)).toBe(before);
    // The organisers see the edition's requests, whichever jury they work in.
    expect(pendingApprovals(t.db, 'edition').map((a) => a.id)).toContain(id);
    // B's chair sees it and approves it.
    expect(inB(() => pendingApprovals(t.db).map((a) => a.id))).toContain(id);
    expect(runIn(b.juryId, approveAccountRequestSpec, bChair, { id: String(id) })).toMatchObject({ ok: true });
  });

  it('a request filed in B about a person who sits on both juries is B’s alone: A’s chair neither sees nor approves it', () => {
    const filed = runIn(b.juryId, requestAccountChangeSpec, 'organiser', { targetId: String(both), kind: 'reset_password', reason: 'forgot the password' });
    const id = (filed as { data: { id: number } }).data.id;
    expect(pendingApprovals(t.db).map((a) => a.id)).not.toContain(id);
    const before = snapshot(t.db);
    expect(runIn(undefined, approveAccountRequestSpec, 'hansanping', { id: String(id) })).toMatchObject({ ok: false, code: 'account:not_found' });
    expect(snapshot(t.db)).toBe(before);
    expect(runIn(b.juryId, approveAccountRequestSpec, bChair, { id: String(id) })).toMatchObject({ ok: true });
  });

  it('a change of chair filed in B is decided in B: a second organiser working in A is refused, and A’s chair stays', () => {
    const filed = runIn(b.juryId, requestAccountChangeSpec, 'organiser', { targetId: String(both), kind: 'make_chair', reason: 'the chair of the shorts' });
    const id = (filed as { data: { id: number } }).data.id;
    const before = snapshot(t.db);
    expect(runIn(undefined, approveAccountRequestSpec, 'organiser2', { id: String(id) })).toMatchObject({ ok: false, code: 'account:other_jury' });
    expect(snapshot(t.db)).toBe(before);
    expect(runIn(b.juryId, approveAccountRequestSpec, 'organiser2', { id: String(id) })).toMatchObject({ ok: true });
    const roleOf = (juryId: number, userId: number) => t.db.select({ role: juryMember.role }).from(juryMember).where(and(eq(juryMember.juryId, juryId), eq(juryMember.userId, userId))).get()?.role;
    const a = t.db.select({ jury: juryMember.juryId }).from(juryMember).where(eq(juryMember.userId, userByLogin(t.db, 'hansanping').id)).get()!.jury;
    expect(roleOf(b.juryId, both)).toBe('chair');
    expect(roleOf(a, both)).toBe('juror');
    expect(roleOf(a, userByLogin(t.db, 'hansanping').id)).toBe('chair');
  });

  it('a rename proposed in B is B’s: invisible to A’s chair and refused there', () => {
    const filed = runIn(b.juryId, proposeRenameSpec, 'organiser', { targetId: String(both), displayName: 'Sergey A.', latinName: '', reason: 'the name on the passport' });
    const id = (filed as { data: { id: number } }).data.id;
    expect(pendingApprovals(t.db).filter((a) => a.source === 'proposal').map((a) => a.id)).not.toContain(id);
    expect(runIn(undefined, approveProposalSpec, 'hansanping', { id: String(id) })).toMatchObject({ ok: false, code: 'account:not_found' });
    expect(runIn(b.juryId, approveProposalSpec, bChair, { id: String(id) })).toMatchObject({ ok: true });
  });
});

describe('locked accounts per jury', () => {
  it('the chair of A is not told of a lock on a member of B only; B’s chair is', () => {
    const login = t.db.select({ login: user.login }).from(user).where(eq(user.id, bOnly)).get()!.login;
    const now = Date.now();
    for (let i = 0; i < ACCOUNT_MAX_FAILURES; i++) t.db.insert(loginFailure).values({ login, address: `203.0.113.${(i % 200) + 1}`, at: now - 1000 + i }).run();
    expect(lockedAccounts(t.db, now).map((a) => a.login)).not.toContain(login);
    expect(inB(() => lockedAccounts(t.db, now).map((a) => a.login))).toContain(login);
  });
});
