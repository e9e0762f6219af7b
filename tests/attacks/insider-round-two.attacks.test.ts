// Issue 20, round two of the insiders: each route below meets a rule's letter without its intent and
// is played through the real actions (and, for the file holder, plain SQL on the file) on a real
// SQLite. Each failed on the code before its fix.
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ISSUE_SLIPS } from '@/lib/juror/slips-confirm';
import { desc } from 'drizzle-orm';
import { openDatabase } from '@/lib/database';
import { verifyChain } from '@/lib/audit';
import { listRestores, RESTORE_ACTION } from '@/lib/audit/roll-back';
import { openVotingSpec } from '@/lib/admin/phase';
import { backupTo } from '@/scripts/backup';
import { restoreFrom } from '@/scripts/restore';
import { audit } from '@/db/schema';
import { executeAction, runAction } from '@/lib/server/action';
import { replayAudit } from '@/lib/replay/audit';
import { accountFlags } from '@/lib/account/flags';
import { answerHistorySpec, unansweredHistory } from '@/lib/account/history';
import { hashPassword } from '@/lib/auth/password';
import { changePasswordSpec } from '@/lib/juror/account';
import { issueSlipsSpec } from '@/lib/juror/import-specs';
import { addOrganiserSpec } from '@/lib/juror/organisers';
import { approveAccountRequestSpec, issuePasswordSpec, requestAccountChangeSpec } from '@/lib/juror/requests';
import { run, setPhase } from '@/tests/actions';
import { approveProposalSpec, proposeRenameSpec } from '@/lib/juror/proposals';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { FRESH_BROWSER, JUROR_PHONE, ORGANISER_LAPTOP, signIn } from '@/tests/devices';


let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
  process.env.JURY_DB = t.file; // authorizeCredentials reads the app's database, as the sign-in does
});
afterEach(() => t.close());

const sql = (text: string, ...params: unknown[]) => t.db.$client.prepare(text).run(...params);

describe('the file holder (no audit key) takes a juror’s account', () => {
  it('a slip row added in the file does not open an account that has its own password', async () => {
    // The juror chose their own password; voting is open.
    const juror = userByLogin(t.db, 'azimov');
    expect(await runAction(changePasswordSpec, juror, { current: 'juror-demo', password: 'quiet river stones 47', confirm: 'quiet river stones 47' }, t.db, JUROR_PHONE)).toMatchObject({ ok: true });
    setPhase(t, 'voting');
    // The slip table is not replayed: the file holder adds a slip with a secret of their own. The
    // user row (replayed: hash, role, active) is untouched, so audit:verify would stay silent.
    sql('insert into slip (user_id, hash, issued_by, issued_at) values (?, ?, null, ?)', juror.id, await hashPassword('file-holder-key-99'), new Date().toISOString());
    // Before: a full session as the juror (the slip does not set "must change password"), to read
    // and vote their ballot; the sign_in row is then deleted and the juror is never asked.
    expect(await signIn('azimov', 'file-holder-key-99', FRESH_BROWSER)).toBeNull();
    expect(await signIn('azimov', 'quiet river stones 47', JUROR_PHONE)).not.toBeNull();
  });

  it('the sign-ins of another hand deleted, or an answer "this was all me" added in the file, are named by audit:verify', async () => {
    // Route 1 from a browser that never signed in as an organiser: the organiser uses the slip and
    // chooses the password, then hands it over; the juror signs in with it.
    const out = await runAction(issueSlipsSpec, userByLogin(t.db, 'organiser'), ISSUE_SLIPS, t.db);
    if (!out.ok) throw new Error(out.code);
    const slipPassword = out.data.find((s) => s.login === 'azimov')!.password;
    expect(await signIn('azimov', slipPassword, FRESH_BROWSER)).not.toBeNull();
    const chosen = 'handed-over-pass-7731';
    expect(await runAction(changePasswordSpec, userByLogin(t.db, 'azimov'), { current: slipPassword, password: chosen, confirm: chosen }, t.db, FRESH_BROWSER)).toMatchObject({ ok: true });
    expect(await signIn('azimov', chosen, JUROR_PHONE)).not.toBeNull();
    const juror = userByLogin(t.db, 'azimov');
    expect(accountFlags(t.db).find((a) => a.login === 'azimov')?.flags.map((f) => f.kind)).toContain('unconfirmed');
    expect(replayAudit(t.db)).toEqual([]);
    // The file holder deletes the slip's use from the fresh browser and answers for the juror.
    sql("delete from sign_in where user_id = ? and device = 'Firefox · Linux'", juror.id);
    const upTo = (table: string) => (t.db.$client.prepare(`select max(id) as m from ${table} where user_id = ?`).get(juror.id) as { m: number }).m;
    sql("insert into history_answer (user_id, at, verdict, sign_in_up_to, credential_up_to) values (?, ?, 'mine', ?, ?)", juror.id, new Date().toISOString(), upTo('sign_in'), upTo('credential_set'));
    // Nothing is shown any more: not to the juror, not to the chair.
    expect(unansweredHistory(t.db, juror.id, JUROR_PHONE.deviceId).needsAnswer).toBe(false);
    expect(accountFlags(t.db).find((a) => a.login === 'azimov')).toBeUndefined();
    // But the log has both: the replay names the sign-ins and the answer nobody gave.
    const problems = replayAudit(t.db).join('\n');
    expect(problems).toMatch(new RegExp(`account ${juror.id}: its sign-ins differ from the audited ones \\(the log has 2, the table 1`));
    expect(problems).toMatch(new RegExp(`account ${juror.id}: its answers to its history differ from the audited ones \\(the log has 0, the table 1`));
  });

  it('the organiser’s browser moved to the juror’s phone in the file (sign-ins and the password’s origin) is named by audit:verify', async () => {
    // Route 1 from the organiser's own browser: the chair's list says "a browser that also signed in as an organiser".
    const out = await runAction(issueSlipsSpec, userByLogin(t.db, 'organiser'), ISSUE_SLIPS, t.db);
    if (!out.ok) throw new Error(out.code);
    const slipPassword = out.data.find((s) => s.login === 'azimov')!.password;
    expect(await signIn('organiser', 'organiser-demo', ORGANISER_LAPTOP)).not.toBeNull();
    expect(await signIn('azimov', slipPassword, ORGANISER_LAPTOP)).not.toBeNull();
    const chosen = 'handed-over-pass-7731';
    expect(await runAction(changePasswordSpec, userByLogin(t.db, 'azimov'), { current: slipPassword, password: chosen, confirm: chosen }, t.db, ORGANISER_LAPTOP)).toMatchObject({ ok: true });
    expect(await signIn('azimov', chosen, JUROR_PHONE)).not.toBeNull();
    const juror = userByLogin(t.db, 'azimov');
    expect(accountFlags(t.db).find((a) => a.login === 'azimov')?.flags.map((f) => f.kind)).toEqual(['shared_device', 'unconfirmed']);
    expect(replayAudit(t.db)).toEqual([]);
    // The file holder gives the organiser's rows the juror's phone: its device id, name and address.
    for (const table of ['sign_in', 'credential_set']) {
      sql(`update ${table} set device_id = ?, device = ?, address = ? where user_id = ? and device_id = ?`, JUROR_PHONE.deviceId, JUROR_PHONE.device, JUROR_PHONE.address, juror.id, ORGANISER_LAPTOP.deviceId);
    }
    // The chair no longer sees an organiser's browser; the juror sees their own phone throughout.
    expect(accountFlags(t.db).find((a) => a.login === 'azimov')?.flags.map((f) => f.kind)).toEqual(['unconfirmed']);
    expect(unansweredHistory(t.db, juror.id, JUROR_PHONE.deviceId).events.filter((e) => e.type === 'signIn' || e.kind === 'chosen').every((e) => e.thisDevice)).toBe(true);
    const problems = replayAudit(t.db).join('\n');
    expect(problems).toMatch(new RegExp(`account ${juror.id}: its sign-ins differ from the audited ones \\(the log has 2, the table 2; the first difference is number 1\\)`));
    expect(problems).toMatch(new RegExp(`account ${juror.id}: its passwords chosen by the owner differ from the audited ones \\(the log has 1, the table 1; the first difference is number 1\\)`));
  });

  it('the owner’s own answers replay clean', async () => {
    const juror = userByLogin(t.db, 'azimov');
    expect(await signIn('azimov', 'juror-demo', JUROR_PHONE)).not.toBeNull();
    expect(await runAction(changePasswordSpec, juror, { current: 'juror-demo', password: 'quiet river stones 47', confirm: 'quiet river stones 47' }, t.db, JUROR_PHONE)).toMatchObject({ ok: true });
    expect(executeAction(answerHistorySpec, juror, { verdict: 'mine' }, t.db)).toEqual({ ok: true, data: null });
    expect(t.db.select().from(audit).all().at(-1)?.action).toBe('account.history_answer');
    expect(replayAudit(t.db)).toEqual([]);
  });
});

describe('the organiser is the "second organiser" of the two-person rule', () => {
  // The rule: a request about the chair is decided by another organiser. But the organiser who adds
  // the second organiser (in setup, without approval) is handed its temporary password, signs in with
  // it first and chooses its password: one person now holds both organiser accounts. Nothing shows
  // it (the chair's flags cover jury accounts only; an organiser's credentials are not recorded in
  // credential_set). With them: a reset of the chair's password, requested by one account, approved
  // by the other, issued to the first: the organiser signs in as the chair and reads the chair's
  // desk (every figure, before finalisation). The chair learns it only when their own password fails.
  // The organiser's credentials are now recorded like a juror's (who set each, lib/juror/rename.test.ts),
  // but that does not stop it: choosing "second"'s password from a private window looks exactly like
  // the new organiser choosing it. Refusing a decider whose first credential came from the requester
  // (either way round) is sound, but then the only two organisers a festival can have (one from
  // `npm run setup`, one added by them) can never decide a request about the chair: a chair locked out
  // during voting could not be reset and nobody could finalise (a dead end). A sound fix needs a
  // first credential for the new organiser that does not pass through the one who adds them (e.g.
  // confirmed in person by the chair), a redesign. `it.fails` until then.
  it.fails('one organiser holding two organiser accounts cannot approve their own request about the chair', async () => {
    const org = userByLogin(t.db, 'organiser');
    const added = await runAction(addOrganiserSpec, org, { displayName: 'Second Organiser', login: 'second' }, t.db);
    if (!added.ok) throw new Error(added.code);
    // The adding organiser signs in as "second" first and chooses its password.
    expect(await signIn('second', added.data.password, FRESH_BROWSER)).not.toBeNull();
    expect(await runAction(changePasswordSpec, userByLogin(t.db, 'second'), { current: added.data.password, password: 'second-held-by-first-81', confirm: 'second-held-by-first-81' }, t.db, FRESH_BROWSER)).toMatchObject({ ok: true });
    setPhase(t, 'voting');
    const chair = userByLogin(t.db, 'hansanping');
    const req = executeAction(requestAccountChangeSpec, org, { targetId: String(chair.id), kind: 'reset_password', reason: 'the chair lost their phone' }, t.db);
    if (!req.ok) throw new Error(req.code);
    // The rule should see one hand behind both accounts and refuse.
    const approved = executeAction(approveAccountRequestSpec, userByLogin(t.db, 'second'), { id: String(req.data.id) }, t.db);
    expect(approved.ok).toBe(false);
    // Today: approved; the temporary password goes to the first account, and the chair's account opens.
    const issued = await runAction(issuePasswordSpec, org, { id: String(req.data.id) }, t.db);
    if (!issued.ok) throw new Error(issued.code);
    expect(await signIn('hansanping', issued.data.password, ORGANISER_LAPTOP)).toBeNull();
  });
});

describe('a slip’s secret kept as the juror’s own password', () => {
  // The rule: a one-time password (a slip's included) is known to whoever handed it out and can never
  // become the permanent one. A slip's secret was not checked: the account has no password while the
  // slip stands, so nothing was retired when the juror chose one. A juror who types the slip's secret
  // again as "their own" (at a later change) leaves the account open to the organiser who printed it, and the history
  // shows only a password chosen by its owner from their own device: nothing for anyone to see.
  it('is refused, as every one-time password is', async () => {
    const out = await runAction(issueSlipsSpec, userByLogin(t.db, 'organiser'), ISSUE_SLIPS, t.db);
    if (!out.ok) throw new Error(out.code);
    const secret = out.data.find((s) => s.login === 'azimov')!.password;
    expect(await signIn('azimov', secret, JUROR_PHONE)).not.toBeNull();
    const juror = userByLogin(t.db, 'azimov');
    // The same password as the current one is refused already; but once they chose one, a second
    // change could go back to the slip's secret: no slip's secret was ever retired.
    const own = 'quiet river stones 47';
    expect(await runAction(changePasswordSpec, juror, { current: secret, password: own, confirm: own }, t.db, JUROR_PHONE)).toMatchObject({ ok: true });
    expect(await runAction(changePasswordSpec, userByLogin(t.db, 'azimov'), { current: own, password: secret, confirm: secret }, t.db, JUROR_PHONE))
      .toEqual({ ok: false, code: 'invalid:input', fieldErrors: { password: ['password_one_time'] } });
    // The organiser's copy of the slip opens nothing.
    expect(await signIn('azimov', secret, ORGANISER_LAPTOP).catch(() => null)).toBeNull();
  });
});

describe('a rename proposal changed in the file between the proposal and its approval', () => {
  // The chair reads "Azimov -> Azimov Jr." on their desk; before they press approve, the file holder
  // changes the proposal's new name to "Juror 05" (route 2's relabelling). The approval applies the
  // row as it then is, and its entry states the new name as if the chair had approved it.
  it('is named by audit:verify', () => {
    setPhase(t, 'voting');
    const target = userByLogin(t.db, 'azimov');
    const proposal = run(t, proposeRenameSpec, { targetId: String(target.id), displayName: 'Azimov Jr.', reason: 'spelling of the name' });
    expect(replayAudit(t.db)).toEqual([]);
    sql("update account_proposal set display_name = 'Juror 05' where id = ?", proposal.id);
    run(t, approveProposalSpec, { id: String(proposal.id) }, 'hansanping');
    expect(userByLogin(t.db, 'azimov').displayName).toBe('Juror 05');
    expect(replayAudit(t.db).join('\n')).toMatch(new RegExp(`the approval of proposal ${proposal.id} renamed account ${target.id} to "Juror 05", but the name proposed was "Azimov Jr\\."`));
  });
});

describe('a roll-back whose record is cut off the log', () => {
  // The rule: a restore over a later phase leaves a record (audit.restore) that the next audit:verify
  // and the protocol show. The record is the restored log's last entry: the file holder who ran the
  // restore deletes it (a log cut short at its end still verifies), or copies the backup over the
  // database without the script at all. Only a head kept outside the file catches it (`audit:verify
  // --head` with the head printed in the protocol and on /results). Not fixable inside the file: the
  // log would need an anchor the file holder cannot roll back (the head sent or printed elsewhere at
  // each phase change). `it.fails` until then.
  it.fails('is still shown by audit:verify', async () => {
    const backup = (await backupTo(t.file, path.join(path.dirname(t.file), 'b', 'setup.db'))).file;
    run(t, openVotingSpec, {});
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    t.db.$client.close();
    const { rolledBack } = await restoreFrom(backup, t.file, { rollBack: true });
    expect(rolledBack).toMatchObject({ from: { phase: 'voting' }, to: { phase: 'setup' }, earlierPhase: true });
    const h = openDatabase(t.file);
    try {
      const last = h.db.select().from(audit).orderBy(desc(audit.id)).get()!;
      expect(last.action).toBe(RESTORE_ACTION);
      h.sqlite.prepare('delete from audit where id = ?').run(last.id);
      expect(verifyChain(h.db).ok).toBe(true);
      expect(replayAudit(h.db)).toEqual([]);
      // The rule wants the roll-back still seen; today nothing is left of it.
      expect(listRestores(h.db)).not.toEqual([]);
    } finally {
      h.sqlite.close();
    }
  });
});
