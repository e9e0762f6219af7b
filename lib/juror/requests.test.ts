// Attack 3 of issue 10, played through the real actions: during voting an organiser resets a
// juror's password to sign in as them. Now nothing changes until the chair approves; the organiser
// cannot approve their own request; a request about the chair needs a second organiser; the juror
// is told at the next sign-in, with every write made on the account since; refusals change nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, getTableColumns } from 'drizzle-orm';
import { accountRequest, audit, user } from '@/db/schema';
import { servedRole } from '@/lib/festival/members';
import { executeAction, runAction } from '@/lib/server/action';
import { verifyPassword } from '@/lib/auth/password';
import { userForClaims } from '@/lib/auth/session';
import { saveScoreSpec } from '@/lib/ballot/specs';
import { changePasswordSpec } from './account';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, voteAndSubmit } from '@/tests/festival';
import { expectRefused, run, setPhase } from '@/tests/actions';
import { makeChairSpec, resetPasswordSpec, setJurorActiveSpec } from './specs';
import {
  acknowledgeAccountNoticeSpec, approveAccountRequestSpec, cancelAccountRequestSpec, issuePasswordSpec, listAccountRequests,
  refuseAccountRequestSpec, requestAccountChangeSpec,
} from './requests';
import { accountNotice } from './notice';
import { buildTallyInput } from '@/lib/count/tally-input';
import { juryList } from '@/lib/round/results';
import { addJury, addMembers } from '@/tests/juries';

let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
  // A second organiser: the one who decides requests about the chair.
  t.db.insert(user).values({ login: 'organiser2', displayName: 'Second organiser', role: 'organiser', passwordHash: userRow('organiser').passwordHash }).run();
  setPhase(t, 'voting');
});
afterEach(() => t.close());

function userRow(login: string) {
  // Its role is the one in the served jury (issue 23).
  return t.db.select({ ...getTableColumns(user), role: servedRole }).from(user).where(eq(user.login, login)).get()!;
}
const idOf = (login: string) => String(userRow(login).id);
const requests = () => t.db.select().from(accountRequest).all();

function request(kind: string, login: string, by = 'organiser') {
  return run(t, requestAccountChangeSpec, { targetId: idOf(login), kind, reason: 'forgot the password' }, by).id;
}

describe('two people for account changes during voting', () => {
  it('the organiser’s direct reset, deactivation, reactivation and change of chair are refused in every phase from voting to finalisation; nothing changes', async () => {
    setPhase(t, 'setup');
    run(t, setJurorActiveSpec, { id: idOf('juror05') }); // in setup: directly, as before
    for (const phase of ['voting', 'main_closed', 'special_voting', 'special_closed'] as const) {
      setPhase(t, phase);
      const before = snapshot(t.db);
      expect(await runAction(resetPasswordSpec, userByLogin(t.db, 'organiser'), { id: idOf('azimov') }, t.db)).toMatchObject({ ok: false, code: 'account:needs_approval' });
      expect(snapshot(t.db)).toBe(before);
      expectRefused(t, setJurorActiveSpec, 'organiser', { id: idOf('azimov') }, 'account:needs_approval');
      expectRefused(t, setJurorActiveSpec, 'organiser', { id: idOf('juror05'), active: 'on' }, 'account:needs_approval');
      expectRefused(t, makeChairSpec, 'organiser', { id: idOf('azimov') }, 'account:needs_approval');
    }
  });

  it('a reset is a request: nothing changes until the chair approves; then the requester alone sees the temporary password, once', async () => {
    const before = userRow('azimov');
    const session = { uid: before.id, sv: before.sessionVersion };
    const reqId = request('reset_password', 'azimov');
    expect(userRow('azimov')).toEqual(before);
    expect(await verifyPassword(userRow('azimov').passwordHash, 'juror-demo')).toBe(true);
    expect(userForClaims(t.db, session)).not.toBeNull();
    // The requester cannot issue a password before approval.
    const early = await runAction(issuePasswordSpec, userByLogin(t.db, 'organiser'), { id: String(reqId) }, t.db);
    expect(early).toMatchObject({ ok: false, code: 'account:not_approved' });
    expect(userRow('azimov')).toEqual(before);

    run(t, approveAccountRequestSpec, { id: String(reqId) }, 'hansanping');
    // Applied in the approval's transaction: the old password and sessions are void, no password yet.
    const after = userRow('azimov');
    expect(after.passwordHash).toBeNull();
    expect(after.mustChangePassword).toBe(true);
    expect(userForClaims(t.db, session)).toBeNull();
    expect(requests()[0]).toMatchObject({ state: 'approved', decidedBy: userRow('hansanping').id });

    // Only the requesting organiser gets the password, and only once.
    const other = await runAction(issuePasswordSpec, userByLogin(t.db, 'organiser2'), { id: String(reqId) }, t.db);
    expect(other).toMatchObject({ ok: false, code: 'account:not_yours' });
    const out = await runAction(issuePasswordSpec, userByLogin(t.db, 'organiser'), { id: String(reqId) }, t.db);
    expect(out).toMatchObject({ ok: true, data: { login: 'azimov' } });
    const temp = out.ok ? out.data.password : '';
    expect(await verifyPassword(userRow('azimov').passwordHash, temp)).toBe(true);
    const again = await runAction(issuePasswordSpec, userByLogin(t.db, 'organiser'), { id: String(reqId) }, t.db);
    expect(again).toMatchObject({ ok: false, code: 'account:password_issued' });
    // No password, and no hash, in the audit log or the request.
    const log = t.db.select().from(audit).all().map((a) => a.payload).join('\n');
    expect(log).not.toContain(temp);
    expect(log).not.toContain('argon2');
    expect(JSON.stringify(requests())).not.toContain(temp);
    expect(t.db.select().from(audit).all().map((a) => a.action)).toEqual(expect.arrayContaining(['account.request', 'account.approve', 'account.issue_password']));
  });

  it('the organiser cannot approve their own request, nor any request about a juror; a juror cannot decide; nothing changes', () => {
    const reqId = String(request('reset_password', 'azimov'));
    for (const who of ['organiser', 'organiser2']) expectRefused(t, approveAccountRequestSpec, who, { id: reqId }, 'account:needs_chair');
    expectRefused(t, refuseAccountRequestSpec, 'organiser2', { id: reqId, reason: 'no' + 'pe' }, 'account:needs_chair');
    for (const who of ['azimov', 'juror03']) {
      expectRefused(t, approveAccountRequestSpec, who, { id: reqId }, 'forbidden:role');
      expectRefused(t, requestAccountChangeSpec, who, { targetId: idOf('juror03'), kind: 'reset_password', reason: 'let me in' }, 'forbidden:role');
    }
    expectRefused(t, requestAccountChangeSpec, 'hansanping', { targetId: idOf('juror03'), kind: 'reset_password', reason: 'let me in' }, 'forbidden:role');
    expectRefused(t, approveAccountRequestSpec, null, { id: reqId }, 'auth:required');
    expect(requests()[0].state).toBe('pending');
  });

  it('a request about the chair needs a second organiser: not the requester, not the chair', () => {
    const reset = String(request('reset_password', 'hansanping'));
    const change = String(request('make_chair', 'azimov'));
    for (const id of [reset, change]) {
      expectRefused(t, approveAccountRequestSpec, 'hansanping', { id }, 'account:needs_second_organiser');
      expectRefused(t, refuseAccountRequestSpec, 'hansanping', { id, reason: 'not me' }, 'account:needs_second_organiser');
      expectRefused(t, approveAccountRequestSpec, 'organiser', { id }, 'account:own_request');
    }
    const chairBefore = userRow('hansanping');
    run(t, approveAccountRequestSpec, { id: change }, 'organiser2');
    expect(userRow('azimov').role).toBe('chair');
    expect(userRow('hansanping').role).toBe('juror');
    expect(userRow('hansanping').passwordHash).toBe(chairBefore.passwordHash); // the reset is still only requested
    const last = t.db.select().from(audit).all().at(-1)!;
    expect(last).toMatchObject({ action: 'account.approve', actorId: userRow('organiser2').id });
    expect(JSON.parse(last.payload)).toMatchObject({ kind: 'make_chair', target: userRow('azimov').id, demoted: [chairBefore.id] });
  });

  it('refusals and cancellations change nothing but the request; only the requester cancels; a decided request stays decided', () => {
    const reqId = String(request('deactivate', 'juror03'));
    const people = () => JSON.stringify(t.db.select().from(user).all());
    const before = people();
    expectRefused(t, refuseAccountRequestSpec, 'hansanping', { id: reqId, reason: '' }, 'invalid:input');
    run(t, refuseAccountRequestSpec, { id: reqId, reason: 'The juror is here and voting.' }, 'hansanping');
    expect(people()).toBe(before);
    expect(requests()[0]).toMatchObject({ state: 'refused', decisionReason: 'The juror is here and voting.' });
    expectRefused(t, approveAccountRequestSpec, 'hansanping', { id: reqId }, 'account:decided');
    expectRefused(t, cancelAccountRequestSpec, 'organiser', { id: reqId }, 'account:decided');

    const second = String(request('deactivate', 'juror03'));
    expectRefused(t, requestAccountChangeSpec, 'organiser', { targetId: idOf('juror03'), kind: 'deactivate', reason: 'again and again' }, 'account:pending_exists');
    expectRefused(t, cancelAccountRequestSpec, 'organiser2', { id: second }, 'account:not_yours');
    run(t, cancelAccountRequestSpec, { id: second });
    expect(people()).toBe(before);
    expectRefused(t, approveAccountRequestSpec, 'hansanping', { id: second }, 'account:decided');
    expectRefused(t, approveAccountRequestSpec, 'hansanping', { id: '999999' }, 'account:not_found');
    expect(t.db.select().from(audit).all().map((a) => a.action).filter((a) => a.startsWith('account.'))).toEqual(['account.request', 'account.refuse', 'account.request', 'account.cancel']);
  });

  it('refuses requests that make no sense, outside voting, and bad input; nothing changes', () => {
    const bad = (input: Record<string, unknown>, code: string) => expectRefused(t, requestAccountChangeSpec, 'organiser', input, code);
    bad({ targetId: idOf('hansanping'), kind: 'deactivate', reason: 'go away' }, 'juror:chair');
    bad({ targetId: idOf('azimov'), kind: 'reactivate', reason: 'come back' }, 'account:no_change');
    bad({ targetId: idOf('hansanping'), kind: 'make_chair', reason: 'again' }, 'account:no_change');
    bad({ targetId: idOf('organiser2'), kind: 'reset_password', reason: 'colleague' }, 'juror:not_found');
    bad({ targetId: idOf('azimov'), kind: 'delete', reason: 'bye bye' }, 'invalid:input');
    bad({ targetId: idOf('azimov'), kind: 'reset_password', reason: 'x' }, 'invalid:input');
    setPhase(t, 'setup');
    bad({ targetId: idOf('azimov'), kind: 'reset_password', reason: 'forgot it' }, 'account:direct');
    setPhase(t, 'finalised');
    bad({ targetId: idOf('azimov'), kind: 'reset_password', reason: 'forgot it' }, 'phase:finalised');
  });

  it('after approval the juror signs in and sees when the password was reset and every write made on the account since; acknowledging dismisses it', async () => {
    const juror = userByLogin(t.db, 'azimov');
    // Before the reset: the juror's own writes are not part of the notice.
    expect(executeAction(saveScoreSpec, juror, { candidateId: candidatesOf(t.db, 'best_film')[0].id, value: 4 }, t.db).ok).toBe(true);
    const reqId = request('reset_password', 'azimov');
    run(t, approveAccountRequestSpec, { id: String(reqId) }, 'hansanping');
    const out = await runAction(issuePasswordSpec, userByLogin(t.db, 'organiser'), { id: String(reqId) }, t.db);
    const temp = out.ok ? out.data.password : '';
    // Whoever holds the temporary password signs in, sets a password and changes a score.
    expect(await runAction(changePasswordSpec, userByLogin(t.db, 'azimov'), { current: temp, password: 'taken-over-account', confirm: 'taken-over-account' }, t.db)).toEqual({ ok: true, data: null });
    const c = candidatesOf(t.db, 'best_film');
    for (const v of [9, 8, 7]) expect(executeAction(saveScoreSpec, userByLogin(t.db, 'azimov'), { candidateId: c[1].id, value: v }, t.db).ok).toBe(true);

    const notice = accountNotice(t.db, juror.id)!;
    expect(notice.changes).toEqual([{ kind: 'reset_password', at: requests()[0].decidedAt, decidedByRole: 'chair' }]);
    expect(notice.writes.map((w) => [w.action, w.actor, w.count, w.subject])).toEqual([
      ['account.approve', 'chair', 1, null],
      ['account.issue_password', 'organiser', 1, null],
      ['account.password', 'self', 1, null],
      ['ballot.save_score', 'self', 3, { nomination: 'best_film' }],
    ]);
    // Never a value.
    expect(JSON.stringify(notice)).not.toMatch(/"value"|:9|:8|:7/);
    expect(accountNotice(t.db, userRow('juror03').id)).toBeNull();

    // Whoever dismisses it, the next approved change brings back everything since the first one.
    run(t, acknowledgeAccountNoticeSpec, {}, 'azimov');
    expect(accountNotice(t.db, juror.id)).toBeNull();
    expectRefused(t, acknowledgeAccountNoticeSpec, 'azimov', {}, 'account:nothing_to_acknowledge');
    expectRefused(t, acknowledgeAccountNoticeSpec, 'organiser', {}, 'forbidden:role');
    run(t, approveAccountRequestSpec, { id: String(request('reset_password', 'azimov')) }, 'hansanping');
    const again = accountNotice(t.db, juror.id)!;
    expect(again.changes).toHaveLength(2);
    expect(again.writes.map((w) => w.action)).toContain('ballot.save_score');
  });
});

describe('deactivation and ballots already submitted (one rule: lib/juror/standing.ts)', () => {
  it('a submitted ballot of a juror deactivated afterwards keeps counting and the juror stays on the jury list; one without a ballot leaves both', () => {
    const { jurors } = demoCast(t.db);
    const [first, second] = jurors.filter((j) => j.role === 'juror');
    voteAndSubmit(t.db, 'best_film', (j, c) => ((j + c) % 10) + 1, [first]);
    const tallyBefore = buildTallyInput(t.db);
    for (const who of [first, second]) run(t, approveAccountRequestSpec, { id: String(request('deactivate', who.login)) }, 'hansanping');
    const tallyAfter = buildTallyInput(t.db);
    // The counted scores do not move when a juror is deactivated (no differencing by deactivation).
    expect(tallyAfter.scores).toEqual(tallyBefore.scores);
    expect(tallyAfter.jurors.map((j) => j.id)).toContain(String(first.id));
    expect(tallyAfter.jurors.map((j) => j.id)).not.toContain(String(second.id));
    const list = juryList(t.db);
    expect(list.find((j) => j.id === first.id)?.standing).toBe('left_counted');
    expect(list.find((j) => j.id === second.id)).toBeUndefined();
    expect(listAccountRequests(t.db).map((r) => r.state)).toEqual(['approved', 'approved']);
  });
});

describe('an account that chairs another jury (issue 23: one account, several juries)', () => {
  it('a change to it needs a second organiser, though it is only a juror of the jury the request is made in', () => {
    setPhase(t, 'voting');
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    addMembers(t.db, other.juryId, { count: 2, chair: false, also: [{ id: Number(idOf('azimov')), role: 'chair' }] });
    const { id, decider } = run(t, requestAccountChangeSpec, { targetId: idOf('azimov'), kind: 'reset_password', reason: 'forgot the password' }, 'organiser');
    expect(decider).toBe('organiser');
    // The served jury's chair, who sees a juror of their own jury, may not approve it alone.
    expectRefused(t, approveAccountRequestSpec, 'hansanping', { id: String(id) }, 'account:needs_second_organiser');
    expect(listAccountRequests(t.db).find((r) => r.id === id)?.aboutChair).toBe(true);
    run(t, approveAccountRequestSpec, { id: String(id) }, 'organiser2');
    expect(requests().find((r) => r.id === id)).toMatchObject({ state: 'approved' });
  });
});
