// Issue 23, task "scope": adding a juror by hand with the login of another jury's member seats that
// account on this jury (one person, one account), its names, password and other seat unchanged, stated
// in the audit log by the accounts contract; a login already on this jury, or an organiser's, is refused
// as taken, changing nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { audit, juryMember, user } from '@/db/schema';
import { runAction } from '@/lib/server/action';
import { servedJuryId } from '@/lib/festival/members';
import { accountState } from '@/lib/auth/account-state';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { expectRunRefused } from '@/tests/actions';
import { addJury, addMembers, type OtherJury } from '@/tests/juries';
import { addJurorSpec } from './specs';

let t: TestDb;
let b: OtherJury;
let other: { id: number; login: string; displayName: string; passwordHash: string | null };
beforeEach(async () => {
  t = await seededDb();
  b = addJury(t.db, { edition: 'same' });
  const [, id] = addMembers(t.db, b.juryId, { count: 2 });
  other = t.db.select({ id: user.id, login: user.login, displayName: user.displayName, passwordHash: user.passwordHash }).from(user).where(eq(user.id, id)).get()!;
});
afterEach(() => t.close());

const seats = (userId: number) => t.db.select({ jury: juryMember.juryId, role: juryMember.role }).from(juryMember).where(eq(juryMember.userId, userId)).orderBy(juryMember.juryId).all();
const servedId = () => t.db.select({ id: servedJuryId }).from(user).limit(1).get()!.id;

describe('adding a juror by hand with another jury’s login', () => {
  it('seats the existing account on the served jury, names and password unchanged, with its state in the audit entry', async () => {
    const out = await runAction(addJurorSpec, userByLogin(t.db, 'organiser'), { displayName: 'Someone else entirely', login: other.login.toUpperCase(), country: 'kz', locale: 'ru' }, t.db);
    expect(out).toMatchObject({ ok: true, data: { id: other.id, login: other.login, password: null, seated: true } });
    expect(t.db.select({ displayName: user.displayName, passwordHash: user.passwordHash }).from(user).where(eq(user.id, other.id)).get())
      .toEqual({ displayName: other.displayName, passwordHash: other.passwordHash });
    expect(seats(other.id)).toEqual([{ jury: servedId(), role: 'juror' }, { jury: b.juryId, role: 'juror' }].sort((x, y) => x.jury - y.jury));
    expect(t.db.select({ n: user.id }).from(user).where(eq(user.login, other.login)).all()).toHaveLength(1);
    const last = t.db.select().from(audit).all().at(-1)!;
    expect(last.action).toBe('juror.seat');
    expect(JSON.parse(last.payload)).toMatchObject({ id: other.id, jury: servedId(), accounts: [JSON.parse(JSON.stringify(accountState(t.db, other.id)))] });
  });

  it('refuses as taken a login already on this jury, and an organiser’s; nothing changes', async () => {
    await runAction(addJurorSpec, userByLogin(t.db, 'organiser'), { displayName: 'X', login: other.login }, t.db);
    await expectRunRefused(t, addJurorSpec, 'organiser', { displayName: 'X', login: other.login }, 'juror:login_taken');
    await expectRunRefused(t, addJurorSpec, 'organiser', { displayName: 'X', login: 'azimov' }, 'juror:login_taken');
    await expectRunRefused(t, addJurorSpec, 'organiser', { displayName: 'X', login: 'organiser' }, 'juror:login_taken');
    expect(t.db.select().from(juryMember).where(and(eq(juryMember.userId, userByLogin(t.db, 'organiser').id))).all()).toEqual([]);
  });
});
