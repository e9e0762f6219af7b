// Issue 20, route 1 ("first hand on a credential"), played through the real actions on a real
// SQLite: the organiser prints the sign-in slips, signs in with a juror's slip, chooses "the juror's
// own" password and hands it over; the juror signs in with it. Before, nothing showed. Now the juror
// is shown, at that sign-in, that their password was chosen from another device, with the slip's use;
// the chair's list flags the account; the used slip is refused in words; organisers can neither read
// nor answer a juror's history.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ISSUE_SLIPS } from '@/lib/juror/slips-confirm';
import { eq } from 'drizzle-orm';
import { audit, credentialSet, historyAnswer, loginFailure, slip } from '@/db/schema';
import { executeAction, runAction } from '@/lib/server/action';
import { SignInRefusal } from '@/lib/auth/options';
import { changePasswordSpec } from '@/lib/juror/account';
import { issueSlipsSpec } from '@/lib/juror/import-specs';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { JUROR_LAPTOP, JUROR_PHONE, ORGANISER_LAPTOP, signIn } from '@/tests/devices';
import { accountFlags, accountFlagsFor } from './flags';
import { answerHistorySpec, ownHistory, unansweredHistory } from './history';


let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
  process.env.JURY_DB = t.file; // authorizeCredentials reads the app's database, as the sign-in does
});
afterEach(() => t.close());

async function printSlips() {
  const out = await runAction(issueSlipsSpec, userByLogin(t.db, 'organiser'), ISSUE_SLIPS, t.db);
  if (!out.ok) throw new Error(JSON.stringify(out));
  return new Map(out.data.map((s) => [s.login, s.password]));
}

/** Route 1 up to the hand-over: returns the password the organiser chose "for" the juror. */
async function organiserTakesTheSlip(slips: Map<string, string>) {
  expect(await signIn('organiser', 'organiser-demo', ORGANISER_LAPTOP)).not.toBeNull();
  expect(await signIn('azimov', slips.get('azimov')!, ORGANISER_LAPTOP)).not.toBeNull();
  const chosen = 'handed-over-pass-7731';
  const set = await runAction(changePasswordSpec, userByLogin(t.db, 'azimov'), { current: slips.get('azimov')!, password: chosen, confirm: chosen }, t.db, ORGANISER_LAPTOP);
  expect(set).toEqual({ ok: true, data: null });
  return chosen;
}

describe('route 1: the organiser holds a juror’s account from the start', () => {
  it('the juror is shown the password chosen from another device, and the chair’s list flags the account', async () => {
    const slips = await printSlips();
    const chosen = await organiserTakesTheSlip(slips);
    // The juror, handed a slip with "their" password, signs in on their phone.
    expect(await signIn('azimov', chosen, JUROR_PHONE)).not.toBeNull();
    const juror = userByLogin(t.db, 'azimov');
    const history = ownHistory(t.db, juror, JUROR_PHONE.deviceId)!;
    expect(history.needsAnswer).toBe(true);
    const credentials = history.events.filter((e) => e.type === 'credential');
    expect(credentials.map((e) => [e.kind, e.by])).toEqual([['slip', 'organiser'], ['chosen', 'self']]);
    // "Your password was chosen on … from …": not this device, the organiser's laptop and address.
    expect(credentials[1]).toMatchObject({ device: 'Chrome · Linux', address: '10.0.0.5', thisDevice: false });
    const signIns = history.events.filter((e) => e.type === 'signIn');
    expect(signIns.map((e) => [e.via, e.device, e.thisDevice])).toEqual([['slip', 'Chrome · Linux', false], ['password', 'Safari · iPhone', true]]);
    // The chair sees it, during setup already: a browser that also signed in as the organiser, not confirmed.
    const flagged = accountFlagsFor(t.db, userByLogin(t.db, 'hansanping')).find((a) => a.login === 'azimov');
    expect(flagged?.flags.map((f) => f.kind)).toEqual(['shared_device', 'unconfirmed']);
    // The juror says so; the chair sees it, and the answer is in the audit log.
    const before = t.db.select().from(audit).all().length;
    expect(executeAction(answerHistorySpec, juror, { verdict: 'not_me' }, t.db)).toEqual({ ok: true, data: null });
    expect(t.db.select().from(audit).all().slice(before).map((e) => e.action)).toEqual(['account.history_answer']);
    expect(accountFlags(t.db).find((a) => a.login === 'azimov')?.flags.map((f) => f.kind)).toEqual(['not_me', 'shared_device']);
  });

  it('every credential set is recorded with who set it, and audited with the account’s state', async () => {
    const slips = await printSlips();
    await organiserTakesTheSlip(slips);
    const azimov = userByLogin(t.db, 'azimov').id;
    const sets = t.db.select().from(credentialSet).where(eq(credentialSet.userId, azimov)).all();
    expect(sets.map((s) => [s.kind, s.how])).toEqual([['slip', 'organiser'], ['chosen', 'owner']]);
    expect(sets[1]).toMatchObject({ device: 'Chrome · Linux', address: '10.0.0.5', deviceId: ORGANISER_LAPTOP.deviceId });
    const entries = t.db.select().from(audit).all().filter((e) => e.action === 'juror.issue_slips' || e.action === 'account.password');
    for (const e of entries) expect(JSON.parse(e.payload).accounts.map((a: { id: number }) => a.id)).toContain(azimov);
    // A slip is not the account's password: the account had none until one was chosen.
    expect(JSON.parse(entries[0].payload).accounts.find((a: { id: number }) => a.id === azimov).credential).toBeNull();
  });
});

describe('a sign-in slip works once', () => {
  it('a used slip is refused with its own message (when, which device); any other wrong secret is only wrong, and all stay throttled', async () => {
    const slips = await printSlips();
    await signIn('azimov', slips.get('azimov')!, ORGANISER_LAPTOP);
    const failures = () => t.db.select().from(loginFailure).where(eq(loginFailure.login, 'azimov')).all().length;
    const before = failures();
    const refusal = await signIn('azimov', slips.get('azimov')!, JUROR_PHONE).then(() => null, (e: unknown) => e);
    expect(refusal).toBeInstanceOf(SignInRefusal);
    expect((refusal as SignInRefusal).message).toBe('slip_used');
    expect((refusal as SignInRefusal).usedSlip).toMatchObject({ device: 'Chrome · Linux' });
    expect((refusal as SignInRefusal).usedSlip!.at).toBe(t.db.select().from(slip).where(eq(slip.userId, userByLogin(t.db, 'azimov').id)).get()!.usedAt);
    // Not an oracle: another juror's slip, or a guess, at this login is only "wrong".
    expect(await signIn('azimov', slips.get('juror03')!, JUROR_PHONE)).toBeNull();
    expect(await signIn('azimov', 'juror-demo', JUROR_PHONE)).toBeNull();
    expect(failures()).toBe(before + 3);
    // The other juror's slip still works for its own account, once.
    expect(await signIn('juror03', slips.get('juror03')!, JUROR_PHONE)).not.toBeNull();
    await expect(signIn('juror03', slips.get('juror03')!, JUROR_PHONE)).rejects.toThrow('slip_used');
  });

  it('a slip printed again voids the earlier one; choosing a password voids an unused slip', async () => {
    const first = await printSlips();
    const second = await printSlips();
    expect(await signIn('azimov', first.get('azimov')!, JUROR_PHONE)).toBeNull();
    expect(await signIn('azimov', second.get('azimov')!, JUROR_PHONE)).not.toBeNull();
    const own = 'my-own-secret-pass-4411';
    expect(await runAction(changePasswordSpec, userByLogin(t.db, 'azimov'), { current: second.get('azimov')!, password: own, confirm: own }, t.db, JUROR_PHONE)).toEqual({ ok: true, data: null });
    expect(await signIn('azimov', own, JUROR_PHONE)).not.toBeNull();
    expect(await signIn('juror03', first.get('juror03')!, JUROR_PHONE)).toBeNull();
  });
});

describe('the owner’s history and its answer', () => {
  it('asks after a credential set or a sign-in from an unconfirmed device, never for the owner’s own device again', async () => {
    const slips = await printSlips();
    await signIn('azimov', slips.get('azimov')!, JUROR_PHONE);
    const own = 'my-own-secret-pass-4411';
    await runAction(changePasswordSpec, userByLogin(t.db, 'azimov'), { current: slips.get('azimov')!, password: own, confirm: own }, t.db, JUROR_PHONE);
    await signIn('azimov', own, JUROR_PHONE);
    const juror = userByLogin(t.db, 'azimov');
    // The slip and the password are credential sets: asked once, even all from this device.
    expect(ownHistory(t.db, juror, JUROR_PHONE.deviceId)!.needsAnswer).toBe(true);
    expect(executeAction(answerHistorySpec, juror, { verdict: 'mine' }, t.db)).toEqual({ ok: true, data: null });
    expect(ownHistory(t.db, juror, JUROR_PHONE.deviceId)!.needsAnswer).toBe(false);
    expect(accountFlags(t.db).find((a) => a.login === 'azimov')).toBeUndefined();
    // Nothing new to confirm: "all me" again is refused and changes nothing.
    const before = snapshot(t.db);
    expect(executeAction(answerHistorySpec, juror, { verdict: 'mine' }, t.db)).toMatchObject({ ok: false, code: 'account:nothing_to_acknowledge' });
    expect(snapshot(t.db)).toBe(before);
    // Their own phone again: quiet. Their laptop (new): asked on the phone, not on the laptop itself.
    await signIn('azimov', own, JUROR_PHONE);
    expect(ownHistory(t.db, juror, JUROR_PHONE.deviceId)!.needsAnswer).toBe(false);
    await signIn('azimov', own, JUROR_LAPTOP);
    expect(ownHistory(t.db, juror, JUROR_PHONE.deviceId)!.needsAnswer).toBe(true);
    expect(unansweredHistory(t.db, juror.id, JUROR_LAPTOP.deviceId).needsAnswer).toBe(false);
    executeAction(answerHistorySpec, juror, { verdict: 'mine' }, t.db);
    // Confirmed devices stay confirmed.
    await signIn('azimov', own, JUROR_LAPTOP);
    expect(ownHistory(t.db, juror, JUROR_PHONE.deviceId)!.needsAnswer).toBe(false);
    expect(t.db.select().from(historyAnswer).all().map((a) => a.verdict)).toEqual(['mine', 'mine']);
  });

  it('organisers can neither read nor answer a juror’s history, nor read the chair’s list; nor can a juror read the list', async () => {
    const slips = await printSlips();
    await organiserTakesTheSlip(slips);
    const organiser = userByLogin(t.db, 'organiser');
    expect(ownHistory(t.db, organiser, ORGANISER_LAPTOP.deviceId)).toBeNull();
    const before = snapshot(t.db);
    expect(executeAction(answerHistorySpec, organiser, { verdict: 'mine' }, t.db)).toMatchObject({ ok: false, code: 'forbidden:role' });
    expect(executeAction(answerHistorySpec, organiser, { verdict: 'not_me' }, t.db)).toMatchObject({ ok: false, code: 'forbidden:role' });
    expect(snapshot(t.db)).toBe(before);
    expect(() => accountFlagsFor(t.db, organiser)).toThrow();
    expect(() => accountFlagsFor(t.db, userByLogin(t.db, 'juror03'))).toThrow();
    // The juror's answer covers only their own account: azimov's history still asks.
    expect(ownHistory(t.db, userByLogin(t.db, 'azimov'), JUROR_PHONE.deviceId)!.needsAnswer).toBe(true);
  });
});
