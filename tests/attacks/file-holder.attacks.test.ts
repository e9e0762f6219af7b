// Issue 20, route 6: whoever holds the database file without the audit key edits accounts and a
// close's counted ballots directly. Each edit is played after the real actions made the state, with
// plain SQL as the file holder would, and must be named by audit:verify's replay (and, for one, by
// `npm run audit:verify` itself). The same actions without the edit replay clean.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ISSUE_SLIPS } from '@/lib/juror/slips-confirm';
import { eq, inArray } from 'drizzle-orm';
import { audit, decision, nomination, user } from '@/db/schema';
import { executeAction, runAction } from '@/lib/server/action';
import { replayAudit } from '@/lib/replay/audit';
import { verifyChain } from '@/lib/audit';
import { run, setPhase } from '@/tests/actions';
import { changePasswordSpec } from '@/lib/juror/account';
import { authorizeCredentials } from '@/lib/auth/options';
import { hashPassword } from '@/lib/auth/password';
import { addJurorSpec, makeChairSpec, resetPasswordSpec, setJurorActiveSpec, updateJurorSpec } from '@/lib/juror/specs';
import { importJurorsSpec, issueSlipsSpec } from '@/lib/juror/import-specs';
import { approveAccountRequestSpec, issuePasswordSpec, requestAccountChangeSpec } from '@/lib/juror/requests';
import { closeRoundSpec, openSpecialRoundSpec } from '@/lib/round/specs';
import { reopenBallotSpec, saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { openVotingSpec } from '@/lib/admin/phase';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, fixture, nominationId, voteAndSubmit } from '@/tests/festival';

let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
});
afterEach(() => t.close());

const sql = (text: string, ...params: unknown[]) => t.db.$client.prepare(text).run(...params);
const idOf = (login: string) => t.db.select({ id: user.id }).from(user).where(eq(user.login, login)).get()!.id;
const problems = () => replayAudit(t.db).join('\n');

describe('accounts edited in the file', () => {
  it('the account actions of setup and voting, done through the real actions, replay clean', async () => {
    const org = userByLogin(t.db, 'organiser');
    expect(await runAction(addJurorSpec, org, { displayName: 'New Juror', login: 'newjuror', country: '', locale: '' }, t.db)).toMatchObject({ ok: true });
    run(t, updateJurorSpec, { id: String(idOf('newjuror')), displayName: 'Renamed Juror', country: '', locale: '' });
    run(t, makeChairSpec, { id: String(idOf('azimov')) });
    run(t, makeChairSpec, { id: String(idOf('hansanping')) });
    run(t, setJurorActiveSpec, { id: String(idOf('newjuror')) });
    run(t, setJurorActiveSpec, { id: String(idOf('newjuror')), active: 'on' });
    expect(await runAction(resetPasswordSpec, org, { id: String(idOf('newjuror')) }, t.db)).toMatchObject({ ok: true });
    run(t, importJurorsSpec, { csv: fixture('jurors-12.csv') });
    const slips = await runAction(issueSlipsSpec, org, ISSUE_SLIPS, t.db);
    if (!slips.ok) throw new Error(slips.code);
    expect(problems()).toBe('');

    setPhase(t, 'voting');
    const target = [...demoCast(t.db).jurors].find((j) => j.role === 'juror' && j.active)!;
    const reqId = run(t, requestAccountChangeSpec, { targetId: String(target.id), kind: 'reset_password', reason: 'lost the slip' }).id;
    const chair = demoCast(t.db).jurors.find((j) => j.role === 'chair')!;
    // The chair signs in with their slip (it works once, only to set their own password), sets it, then approves.
    const own = 'quiet river stones 47';
    process.env.JURY_DB = t.file; // the sign-in reads the app's database
    await authorizeCredentials({ login: chair.login, password: slips.data.find((s) => s.login === chair.login)!.password }, '192.0.2.10');
    expect(await runAction(changePasswordSpec, chair, { current: slips.data.find((s) => s.login === chair.login)!.password, password: own, confirm: own }, t.db)).toMatchObject({ ok: true });
    run(t, approveAccountRequestSpec, { id: String(reqId) }, chair.login);
    expect(await runAction(issuePasswordSpec, org, { id: String(reqId) }, t.db)).toMatchObject({ ok: true });
    const deact = run(t, requestAccountChangeSpec, { targetId: String(target.id), kind: 'deactivate', reason: 'left the festival' }).id;
    run(t, approveAccountRequestSpec, { id: String(deact) }, chair.login);
    expect(problems()).toBe('');
    expect(verifyChain(t.db).ok).toBe(true);
  }, 60_000);

  it('a password hash swapped (the organiser’s copied into a juror’s account) is named', async () => {
    const juror = userByLogin(t.db, 'azimov');
    expect(await runAction(changePasswordSpec, juror, { current: 'juror-demo', password: 'quiet river stones 47', confirm: 'quiet river stones 47' }, t.db)).toMatchObject({ ok: true });
    expect(problems()).toBe('');
    // The organiser's own password now opens the juror's account; every act through it is logged as azimov's.
    sql('update user set password_hash = (select password_hash from user where login = ?) where login = ?', 'organiser', 'azimov');
    expect(problems()).toMatch(/user row \d+ \(login azimov, juror\): its password hash is not the one the log last stated, entry \d+/);
  });

  it('the must-change flag cleared under a temporary password (the organiser’s copy stays the password) is named', async () => {
    const org = userByLogin(t.db, 'organiser');
    const juror = idOf('azimov');
    expect(await runAction(resetPasswordSpec, org, { id: String(juror) }, t.db)).toMatchObject({ ok: true });
    expect(problems()).toBe('');
    sql('update user set must_change_password = 0 where id = ?', juror);
    expect(problems()).toMatch(new RegExp(`user row ${juror} \\(login azimov, juror\\): must-change-password flag is clear, but the log's last statement of this account, entry \\d+ \\(id \\d+\\), says set`));
  });

  it('the chair’s and a juror’s roles swapped are named, both', () => {
    setPhase(t, 'voting');
    // Who chairs lives in jury_member (issue 23): swapped there, and an account made an organiser's in its row.
    sql("update jury_member set role = 'juror' where user_id = (select id from user where login = 'hansanping')");
    sql("update jury_member set role = 'chair' where user_id = (select id from user where login = 'azimov')");
    sql("update user set role = 'organiser' where login = 'azimov'");
    const p = problems();
    expect(p).toMatch(/login hansanping, juror\): its jury memberships are juror of jury 1, but the log's last statement of this account, entry \d+ \(id \d+\), says chair of jury 1/);
    expect(p).toMatch(/login azimov, organiser\): its jury memberships are chair of jury 1, .* says juror of jury 1/);
    expect(p).toMatch(/login azimov, organiser\): role is organiser, .* says juror/);
  });

  it('a juror deactivated in the file (an electorate shrunk for the quorum) is named', () => {
    setPhase(t, 'voting');
    sql("update user set active = 0 where login = 'azimov'");
    expect(problems()).toMatch(/login azimov, juror\): active flag is inactive, .* says active/);
  });

  it('a user row added in the file, and a login or name changed, are named', () => {
    sql("insert into user (login, display_name, role, password_hash) values ('ghost', 'Ghost', 'organiser', 'x')");
    sql("update user set display_name = 'Juror 05' where login = 'azimov'");
    const p = problems();
    expect(p).toMatch(/login ghost, organiser\): no audited entry created or stated this account/);
    expect(p).toMatch(/login azimov, juror\): display name is "Juror 05"/);
  });

  it('npm run audit:verify fails on a swapped role, naming the account', () => {
    sql("update user set role = 'chair' where login = 'azimov'");
    t.db.$client.pragma('wal_checkpoint(TRUNCATE)');
    const root = path.join(__dirname, '..', '..');
    const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(root, 'scripts', 'audit-verify.ts'), t.file], { cwd: root, encoding: 'utf8', env: { ...process.env, JURY_AUDIT_KEY: '' } });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/replay: user row \d+ \(login azimov, chair\): role is chair/);
  }, 60_000);
});

describe('a sign-in slip edited in the file', () => {
  // A slip opens an account that has no password of its own yet (after slips are issued, until the
  // juror chooses one). Whoever holds the file replaces the slip's hash with one of a secret they
  // know, or adds a newer slip row: their secret opens the juror's account, and the juror's own slip
  // is then "already used" or silently outranked.
  it('a slip’s hash replaced, or a slip row added, is named', async () => {
    const org = userByLogin(t.db, 'organiser');
    const slips = await runAction(issueSlipsSpec, org, ISSUE_SLIPS, t.db);
    if (!slips.ok) throw new Error(slips.code);
    expect(problems()).toBe('');
    const juror = idOf('azimov');
    const known = await hashPassword('file holder knows this 42');
    sql('update slip set hash = ? where user_id = ?', known, juror);
    process.env.JURY_DB = t.file; // the sign-in reads the app's database
    expect(await authorizeCredentials({ login: 'azimov', password: 'file holder knows this 42' }, '192.0.2.10')).not.toBeNull();
    expect(problems()).toMatch(new RegExp(`slip row \\d+ \\(account ${juror}\\): no audited issue of slips stated it`));
    const other = idOf('juror03');
    sql("insert into slip (user_id, hash, issued_by, issued_at) values (?, ?, null, '2026-01-01T00:00:00.000Z')", other, known);
    expect(problems()).toMatch(new RegExp(`slip row \\d+ \\(account ${other}\\): no audited issue of slips stated it`));
  }, 60_000);
});

describe('a close’s counted ballots edited in the file', () => {
  /** Best Film alone, every juror's ballot submitted, the main round closed by the chair. */
  function closedBestFilm() {
    const { chair, jurors } = demoCast(t.db);
    t.db.delete(nomination).where(inArray(nomination.code, ['best_director', 'best_screenplay', 'best_actor', 'best_actress'])).run();
    setPhase(t, 'voting');
    voteAndSubmit(t.db, 'best_film', (j, c) => 1 + ((3 * j + 7 * c) % 10), jurors);
    expect(executeAction(closeRoundSpec, chair, {}, t.db)).toMatchObject({ ok: true });
    return { jurors, row: t.db.select().from(decision).where(eq(decision.kind, 'close_round')).get()! };
  }

  it('the ballots a close records as counted, changed afterwards, are named', () => {
    const { jurors, row } = closedBestFilm();
    expect(problems()).toBe('');
    // One juror's ballot dropped from the set the close counted: the desk would count it as changed later.
    const counted = JSON.parse(row.counted!) as Record<string, Record<string, string>>;
    delete counted.best_film[String(jurors[3].id)];
    t.db.update(decision).set({ counted: JSON.stringify(counted) }).where(eq(decision.id, row.id)).run();
    expect(problems()).toMatch(/decision row \d+ \(close_round\): the ballots it records as counted differ from those audited at entry \d+/);
  });

  it('the scores a close records as counted (what the desk compares later closes with), changed afterwards, are named', () => {
    const { jurors, row } = closedBestFilm();
    // One juror's counted score dropped: the desk would withhold or show figures on a view never shown.
    const scores = JSON.parse(row.countedScores!) as Record<string, Record<string, Record<string, string>>>;
    const [first] = Object.keys(scores.best_film);
    delete scores.best_film[first][String(jurors[3].id)];
    t.db.update(decision).set({ countedScores: JSON.stringify(scores) }).where(eq(decision.id, row.id)).run();
    expect(problems()).toMatch(/decision row \d+ \(close_round\): the ballots it records as counted differ from those audited at entry \d+/);
  });
});

describe('the phase edited in the file', () => {
  // The main round closed with its counted set; whoever holds the file sets the phase back to voting,
  // a juror changes a score (through the real action: audited, but with no reopening on record), and
  // the phase is set back to main_closed: finalising would count the changed score.
  it('a closed round reopened in the file alone is named, and so is a score changed meanwhile', () => {
    const { chair, jurors } = demoCast(t.db);
    t.db.delete(nomination).where(inArray(nomination.code, ['best_director', 'best_screenplay', 'best_actor', 'best_actress'])).run();
    run(t, openVotingSpec, {});
    voteAndSubmit(t.db, 'best_film', (j, c) => 1 + ((3 * j + 7 * c) % 10), jurors);
    expect(executeAction(closeRoundSpec, chair, {}, t.db)).toMatchObject({ ok: true });
    expect(problems()).toBe('');
    sql("update jury set phase = 'voting' where id = 1");
    expect(problems()).toMatch(/the festival is in phase voting, but the log's last phase change, entry \d+ \(id \d+\), left it in phase main_closed/);
    // With the round open again in the file alone, the chair reopens a ballot and the juror changes a score.
    const juror = jurors.find((j) => j.role === 'juror')!;
    const best = nominationId(t.db, 'best_film');
    expect(executeAction(reopenBallotSpec, chair, { jurorId: String(juror.id), nominationId: String(best), reason: 'a second look' }, t.db)).toMatchObject({ ok: true });
    expect(executeAction(saveScoreSpec, juror, { candidateId: String(candidatesOf(t.db, 'best_film')[0].id), value: 10 }, t.db)).toMatchObject({ ok: true });
    expect(executeAction(submitBallotSpec, juror, { nominationId: String(best) }, t.db)).toMatchObject({ ok: true });
    sql("update jury set phase = 'main_closed' where id = 1");
    expect(problems()).toMatch(/entry \d+ \(id \d+\) \(ballot\.reopen\) was written in phase main_closed, with no round open on record \(the phase moved in the file\); 2 more after it/);
  });
});

describe('the rest of the setup that decides a result, edited in the file after voting opened', () => {
  it('a juror’s country and a film’s country (recusal by nationality) are named', () => {
    run(t, openVotingSpec, {});
    expect(problems()).toBe('');
    sql("update user set country = 'Uzbekistan' where login = 'azimov'");
    expect(problems()).toMatch(/login azimov, juror\): country is Uzbekistan, but the log's last statement of this account, entry \d+ \(id \d+\), says/);
    sql("update user set country = (select country from user where login = 'hansanping') where login = 'azimov'");
    sql('update film set country = (select f2.country from film f2 where f2.country <> film.country limit 1) where id = (select min(id) from film)');
    expect(problems()).toMatch(/the films and candidates frozen when voting opened, entry \d+ \(id \d+\), differ from the stored ones/);
  });

  it('a main-round candidate moved to another nomination is named', () => {
    run(t, openVotingSpec, {});
    sql("update candidate set nomination_id = (select id from nomination where code = 'best_screenplay') where id = (select min(c.id) from candidate c join nomination n on n.id = c.nomination_id where n.code = 'best_film')");
    expect(problems()).toMatch(/the films and candidates frozen when voting opened/);
  });
});

describe('the special round’s candidates edited in the file', () => {
  it('a film slipped into the Special Jury Prize after its round opened is named', () => {
    const { chair, jurors } = demoCast(t.db);
    t.db.delete(nomination).where(inArray(nomination.code, ['best_director', 'best_screenplay', 'best_actor', 'best_actress'])).run();
    setPhase(t, 'voting');
    voteAndSubmit(t.db, 'best_film', (_j, c) => Math.max(1, 10 - c), jurors);
    expect(executeAction(closeRoundSpec, chair, {}, t.db)).toMatchObject({ ok: true });
    expect(executeAction(openSpecialRoundSpec, chair, {}, t.db)).toMatchObject({ ok: true });
    expect(problems()).toBe('');
    // The best film's winner, which won a main award, put back among the special round's candidates.
    sql(`insert into candidate (nomination_id, film_id) select n.id, c.film_id from nomination n, candidate c join nomination m on m.id = c.nomination_id
         where n.code = 'special_jury_prize' and m.code = 'best_film' and c.film_id not in (select film_id from candidate where nomination_id = n.id) limit 1`);
    expect(problems()).toMatch(/the candidates of special_jury_prize \(films \[[\d,]+\]\) differ from the films its round's opening named, entry \d+/);
  });
});

describe('the audit entries state no secret', () => {
  it('a close states a digest of its counted set, not receipts beside juror ids; accounts state a digest of the hash', () => {
    const { chair, jurors } = demoCast(t.db);
    t.db.delete(nomination).where(inArray(nomination.code, ['best_director', 'best_screenplay', 'best_actor', 'best_actress'])).run();
    setPhase(t, 'voting');
    voteAndSubmit(t.db, 'best_film', () => 5, jurors);
    expect(executeAction(closeRoundSpec, chair, {}, t.db)).toMatchObject({ ok: true });
    const log = t.db.select({ payload: audit.payload }).from(audit).all().map((e) => e.payload).join('\n');
    const close = t.db.select().from(decision).where(eq(decision.kind, 'close_round')).get()!;
    for (const fp of Object.values((JSON.parse(close.counted!) as Record<string, Record<string, string>>).best_film)) expect(log).not.toContain(fp);
    expect(log).not.toMatch(/\$argon2id\$/);
  });
});
