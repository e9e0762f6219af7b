// Issue 20, route 2 (relabel, then ask), played through the real actions: during voting the
// organiser renames juror 04 to "Juror 05", asks for a reset ("Juror 05 lost their phone"), the chair
// approves, the organiser renames back, takes the temporary password and signs in as juror 04.
// Now a rename during voting is itself a request the chair decides; every approval shows the
// target's login, names and history; and a request whose target was renamed since it was filed
// cannot be approved.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runAction } from '@/lib/server/action';
import { eq } from 'drizzle-orm';
import { accountProposal, audit, credentialSet, user } from '@/db/schema';
import { snapshot, seededDb, userByLogin, type TestDb } from '@/tests/db';
import { addOrganiserSpec } from './organisers';
import { changePasswordSpec } from './account';
import { expectRefused, run, setPhase } from '@/tests/actions';
import { updateJurorSpec } from './specs';
import { approveAccountRequestSpec, requestAccountChangeSpec } from './requests';
import { approveProposalSpec, cancelProposalSpec, issueOrganiserPasswordSpec, proposeOrganiserSpec, proposeRenameSpec, refuseProposalSpec } from './proposals';
import { pendingApprovals } from './approvals';
import { accountHistory } from './account-history';

let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
});
afterEach(() => t.close());

const row = (login: string) => t.db.select().from(user).where(eq(user.login, login)).get()!;
const idOf = (login: string) => String(row(login).id);
/** Every credential set of an account: what, how, by whom (login). */
const credentials = (login: string) => t.db.select().from(credentialSet).where(eq(credentialSet.userId, row(login).id)).all()
  .map((c) => [c.kind, c.how, c.byId === null ? null : t.db.select().from(user).where(eq(user.id, c.byId)).get()!.login]);

describe('relabel, then ask (issue 20, route 2)', () => {
  it('the organiser cannot rename juror 04 to "Juror 05" during voting: it is refused and nothing changes', () => {
    setPhase(t, 'voting');
    const j = row('juror04');
    expectRefused(t, updateJurorSpec, 'organiser', { id: String(j.id), displayName: 'Juror 05', country: '', locale: '' }, 'account:needs_approval');
    expect(row('juror04').displayName).toBe('Juror 04');
    // The reset the organiser asks next ("Juror 05 lost their phone") reaches the chair with the
    // login and the name it is really about, and the account's names: nothing says "Juror 05".
    const reset = run(t, requestAccountChangeSpec, { targetId: String(j.id), kind: 'reset_password', reason: 'Juror 05 lost their phone' }).id;
    const [shown] = pendingApprovals(t.db);
    expect(shown).toMatchObject({ source: 'request', id: reset, filed: { login: 'juror04', displayName: 'Juror 04' } });
    expect(shown.history).toMatchObject({ login: 'juror04', displayName: 'Juror 04', names: [{ displayName: 'Juror 04' }] });
    // The same rename in setup is direct, as before.
    setPhase(t, 'setup');
    run(t, updateJurorSpec, { id: String(j.id), displayName: 'Juror 05', country: '', locale: '' });
    expect(row('juror04').displayName).toBe('Juror 05');
  });

  it('the route: the rename needs the chair; the reset request shows login and names; renaming between filing and approval voids the approval', () => {
    setPhase(t, 'voting');
    const target = idOf('juror04');
    // 1. Rename, as a request: nothing changes until the chair decides, and the chair reads login and both names.
    const rename = run(t, proposeRenameSpec, { targetId: target, displayName: 'Juror 05', reason: 'spelling of the name' });
    expect(rename.decider).toBe('chair');
    expect(row('juror04').displayName).toBe('Juror 04');
    const [asked] = pendingApprovals(t.db);
    expect(asked).toMatchObject({ source: 'proposal', kind: 'rename', filed: { login: 'juror04', displayName: 'Juror 04' }, proposed: { displayName: 'Juror 05' } });
    expect(asked.history).toMatchObject({ login: 'juror04', displayName: 'Juror 04' });
    // The organiser cannot approve it, nor another juror; refusals change nothing.
    expectRefused(t, approveProposalSpec, 'organiser', { id: String(rename.id) }, 'account:needs_chair');
    expectRefused(t, approveProposalSpec, 'azimov', { id: String(rename.id) }, 'forbidden:role');

    // 2. The reset is asked about "Juror 05" while the rename waits: it records who it is about.
    const reset = run(t, requestAccountChangeSpec, { targetId: target, kind: 'reset_password', reason: 'Juror 05 lost their phone' }).id;
    // 3. The chair approves the rename: now "Juror 05" is juror04's name, and the chair approved that knowingly.
    run(t, approveProposalSpec, { id: String(rename.id) }, 'hansanping');
    expect(row('juror04').displayName).toBe('Juror 05');
    // 4. The reset was filed about "Juror 04": approving it now would approve something else. Refused.
    expectRefused(t, approveAccountRequestSpec, 'hansanping', { id: String(reset) }, 'account:relabelled');
    expect(row('juror04').passwordHash).not.toBeNull();

    // 5. A reset asked now shows the chair login juror04 and every name, with who renamed it.
    const [stale] = pendingApprovals(t.db).filter((a) => a.source === 'request');
    expect(stale.filed).toEqual({ login: 'juror04', displayName: 'Juror 04', latinName: null });
    expect(stale.history!.login).toBe('juror04');
    expect(stale.history!.names.map((n) => n.displayName)).toEqual(['Juror 04', 'Juror 05']);
    expect(stale.history!.names[1]).toMatchObject({ by: { role: 'chair' } });
    expect(stale.history!.events.map((e) => e.kind)).toContain('renamed');

    // 6. Renaming back is another request the chair sees, not a quiet edit.
    expectRefused(t, updateJurorSpec, 'organiser', { id: target, displayName: 'Juror 04', country: '', locale: '' }, 'account:needs_approval');
    const back = run(t, proposeRenameSpec, { targetId: target, displayName: 'Juror 04', reason: 'renaming back' });
    const backView = pendingApprovals(t.db).find((a) => a.source === 'proposal' && a.id === back.id)!;
    expect(backView.history!.names.map((n) => n.displayName)).toEqual(['Juror 04', 'Juror 05']);
    run(t, refuseProposalSpec, { id: String(back.id), reason: 'suspicious' }, 'hansanping');
    expect(row('juror04').displayName).toBe('Juror 05');
  });

  it('a rename of the chair is decided by a second organiser; the requester may cancel; refused after finalisation', () => {
    t.db.insert(user).values({ login: 'organiser2', displayName: 'Second organiser', role: 'organiser', passwordHash: row('organiser').passwordHash }).run();
    setPhase(t, 'voting');
    const p = run(t, proposeRenameSpec, { targetId: idOf('hansanping'), displayName: 'Juror 05', reason: 'new name' });
    expect(p.decider).toBe('organiser');
    expectRefused(t, approveProposalSpec, 'hansanping', { id: String(p.id) }, 'account:needs_second_organiser');
    expectRefused(t, approveProposalSpec, 'organiser', { id: String(p.id) }, 'account:own_request');
    run(t, approveProposalSpec, { id: String(p.id) }, 'organiser2');
    expect(row('hansanping').displayName).toBe('Juror 05');
    const q = run(t, proposeRenameSpec, { targetId: idOf('azimov'), displayName: 'S. Azimov', reason: 'shorter' });
    expectRefused(t, cancelProposalSpec, 'organiser2', { id: String(q.id) }, 'account:not_yours');
    run(t, cancelProposalSpec, { id: String(q.id) });
    expect(t.db.select().from(accountProposal).where(eq(accountProposal.id, q.id)).get()!.state).toBe('cancelled');
    setPhase(t, 'finalised');
    expectRefused(t, proposeRenameSpec, 'organiser', { targetId: idOf('azimov'), displayName: 'X Y', reason: 'late' }, 'phase:finalised');
  });

  it('the history names every name with who changed it, and the renames follow the accounts contract', () => {
    const j = idOf('juror06');
    run(t, updateJurorSpec, { id: j, displayName: 'Aigerim Sultan', country: '', locale: '' });
    setPhase(t, 'voting');
    const p = run(t, proposeRenameSpec, { targetId: j, displayName: 'Айгерим Султан', latinName: 'Aigerim Sultan', reason: 'Kazakh spelling' });
    run(t, approveProposalSpec, { id: String(p.id) }, 'hansanping');
    const h = accountHistory(t.db, Number(j))!;
    expect(h.login).toBe('juror06');
    expect(h.names.map((n) => [n.displayName, n.latinName, n.by?.role ?? null])).toEqual([
      ['Juror 06', null, null], ['Aigerim Sultan', null, 'organiser'], ['Айгерим Султан', 'Aigerim Sultan', 'chair'],
    ]);
    const entries = t.db.$client.prepare("select payload from audit where action in ('juror.update', 'account.approve_proposal') order by id").all() as { payload: string }[];
    for (const e of entries) expect(JSON.parse(e.payload).accounts).toEqual([expect.objectContaining({ id: Number(j), login: 'juror06' })]);
  });
});

describe('a second organiser', () => {
  it('during voting, a new organiser is a proposal the chair approves; an organiser alone cannot add one', () => {
    setPhase(t, 'voting');
    const before = snapshot(t.db);
    const p = run(t, proposeOrganiserSpec, { login: 'anna', displayName: 'Anna', reason: 'a second organiser for requests about the chair' });
    expect(t.db.select().from(user).where(eq(user.login, 'anna')).get()).toBeUndefined();
    expect(snapshot(t.db)).not.toBe(before);
    expectRefused(t, approveProposalSpec, 'organiser', { id: String(p.id) }, 'account:needs_chair');
    run(t, approveProposalSpec, { id: String(p.id) }, 'hansanping');
    expect(row('anna')).toMatchObject({ role: 'organiser', passwordHash: null, mustChangePassword: true });
    expectRefused(t, proposeOrganiserSpec, 'organiser', { login: 'anna', displayName: 'Anna', reason: 'again' }, 'juror:login_taken');
  });

  it('the approved new organiser’s temporary password is shown once, to the organiser who proposed them, and kept as a credential they set', async () => {
    setPhase(t, 'voting');
    const p = run(t, proposeOrganiserSpec, { login: 'anna', displayName: 'Anna', reason: 'a second organiser for requests about the chair' });
    t.db.insert(user).values({ login: 'organiser2', displayName: 'Second organiser', role: 'organiser', passwordHash: row('organiser').passwordHash }).run();
    const issue = (login: string) => runAction(issueOrganiserPasswordSpec, userByLogin(t.db, login), { id: String(p.id) }, t.db);
    expect(await issue('organiser')).toMatchObject({ ok: false, code: 'account:not_approved' });
    run(t, approveProposalSpec, { id: String(p.id) }, 'hansanping');
    const before = snapshot(t.db);
    expect(await issue('organiser2')).toMatchObject({ ok: false, code: 'account:not_yours' });
    expect(await issue('hansanping')).toMatchObject({ ok: false, code: 'forbidden:role' });
    expect(snapshot(t.db)).toBe(before);
    const shown = await issue('organiser');
    if (!shown.ok) throw new Error(JSON.stringify(shown));
    expect(shown.data.login).toBe('anna');
    expect(row('anna')).toMatchObject({ mustChangePassword: true, passwordHash: expect.stringMatching(/^\$argon2id\$/) });
    expect(credentials('anna')).toEqual([['temporary', 'organiser', 'organiser']]);
    const entry = t.db.select().from(audit).all().at(-1)!;
    expect(entry.action).toBe('account.issue_password');
    expect(entry.payload).not.toContain(shown.data.password);
    expect(JSON.parse(entry.payload).accounts).toEqual([expect.objectContaining({ login: 'anna', role: 'organiser' })]);
    expect(await issue('organiser')).toMatchObject({ ok: false, code: 'account:password_issued' });
  });

  it('in setup an organiser adds one directly; during voting the direct way is refused; the new organiser then decides a request about the chair', async () => {
    const added = await runAction(addOrganiserSpec, userByLogin(t.db, 'organiser'), { displayName: 'Anna', login: 'anna' }, t.db);
    if (!added.ok) throw new Error(JSON.stringify(added));
    expect(row('anna')).toMatchObject({ role: 'organiser', mustChangePassword: true });
    expect(await runAction(changePasswordSpec, userByLogin(t.db, 'anna'), { current: added.data.password, password: 'lantern orchard velvet', confirm: 'lantern orchard velvet' }, t.db)).toEqual({ ok: true, data: null });
    // Who set each of the new organiser's credentials is kept, as for a juror's.
    expect(credentials('anna')).toEqual([['temporary', 'organiser', 'organiser'], ['chosen', 'owner', 'anna']]);
    setPhase(t, 'voting');
    const before = snapshot(t.db);
    expect(await runAction(addOrganiserSpec, userByLogin(t.db, 'organiser'), { displayName: 'Boris', login: 'boris' }, t.db)).toMatchObject({ ok: false, code: 'account:needs_approval' });
    expect(snapshot(t.db)).toBe(before);
    const reset = run(t, requestAccountChangeSpec, { targetId: idOf('hansanping'), kind: 'reset_password', reason: 'the chair lost their phone' }).id;
    run(t, approveAccountRequestSpec, { id: String(reset) }, 'anna');
    expect(row('hansanping').passwordHash).toBeNull();
  });
});
