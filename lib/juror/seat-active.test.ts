// Issue 23, task "scope": an organiser removes a person from one jury only. In that jury it does what a
// deactivation does (no right, not expected to vote, off the tally's jurors unless a ballot counts); the
// account, and its seat and rights on the other jury, are untouched; account-wide deactivation stays for
// the account. Stated in the audit log by the accounts contract, so audit:verify's account replay agrees.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { audit, user } from '@/db/schema';
import { inJury } from '@/lib/server/request-jury';
import { buildTallyInput } from '@/lib/count/tally-input';
import { replayAccounts } from '@/lib/auth/account-replay';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { expectRefused, run, setPhase } from '@/tests/actions';
import { addJury, addMembers, type OtherJury } from '@/tests/juries';
import { setSeatActiveSpec } from './specs';

let t: TestDb;
let b: OtherJury;
let both: number;
beforeEach(async () => {
  t = await seededDb();
  b = addJury(t.db, { edition: 'same' });
  both = userByLogin(t.db, 'azimov').id;
  addMembers(t.db, b.juryId, { count: 3, also: [{ id: both, role: 'juror' }] });
});
afterEach(() => t.close());

const jurorsOf = (juryId?: number) => inJury(juryId, () => buildTallyInput(t.db).jurors.map((j) => Number(j.id)));

describe('removal from one jury', () => {
  it('removes the person from the served jury only: no role and off the jurors here, still a juror of the other, the account active', () => {
    run(t, setSeatActiveSpec, { id: String(both), seated: '' });
    expect(userByLogin(t.db, 'azimov').role).toBeNull();
    expect(jurorsOf()).not.toContain(both);
    expect(inJury(b.juryId, () => userByLogin(t.db, 'azimov').role)).toBe('juror');
    expect(jurorsOf(b.juryId)).toContain(both);
    expect(t.db.select({ active: user.active }).from(user).where(eq(user.id, both)).get()!.active).toBe(true);
    const last = t.db.select().from(audit).orderBy(asc(audit.id)).all().at(-1)!;
    expect(last.action).toBe('juror.remove');
    expect(JSON.parse(last.payload).accounts[0].memberships).toEqual(expect.arrayContaining([expect.objectContaining({ jury: b.juryId, role: 'juror' }), expect.objectContaining({ left: true })]));
    expect(replayAccounts(t.db, t.db.select().from(audit).orderBy(asc(audit.id)).all())).toEqual([]);
    // Seated again: a juror here once more.
    run(t, setSeatActiveSpec, { id: String(both), seated: 'on' });
    expect(userByLogin(t.db, 'azimov').role).toBe('juror');
    expect(jurorsOf()).toContain(both);
    expect(replayAccounts(t.db, t.db.select().from(audit).orderBy(asc(audit.id)).all())).toEqual([]);
  });

  it('refuses the chair, a juror, another jury’s member, and voting (the two-person rule); nothing changes', () => {
    expectRefused(t, setSeatActiveSpec, 'organiser', { id: String(userByLogin(t.db, 'hansanping').id), seated: '' }, 'juror:chair');
    expectRefused(t, setSeatActiveSpec, 'azimov', { id: String(both), seated: '' }, 'forbidden:role');
    const bOnly = addMembers(t.db, b.juryId, { count: 1, chair: false, prefix: 'late' })[0];
    expectRefused(t, setSeatActiveSpec, 'organiser', { id: String(bOnly), seated: '' }, 'juror:not_found');
    setPhase(t, 'voting');
    expectRefused(t, setSeatActiveSpec, 'organiser', { id: String(both), seated: '' }, 'account:needs_approval');
  });

  it('a replay notices a seat removed in the file alone', () => {
    t.db.$client.prepare('update jury_member set active = 0 where user_id = ? and jury_id = ?').run(both, b.juryId);
    expect(replayAccounts(t.db, t.db.select().from(audit).orderBy(asc(audit.id)).all()).join('\n')).toMatch(/removed juror of jury/);
  });
});
