// Issue 20, route 10: what a chosen password may not be. The festival's names (every language,
// the city too) and every account's login and names are the first guesses anyone at the festival
// makes; a one-time password (set-up, slip, reset) is known to whoever handed it out and can never
// become the permanent one. Played through the real password change, on a real database.
import { afterEach, describe, expect, it } from 'vitest';
import { runAction } from '@/lib/server/action';
import { eq } from 'drizzle-orm';
import { edition, user } from '@/db/schema';
import { verifyPassword } from '@/lib/auth/password';
import { changePasswordSpec } from '@/lib/juror/account';
import { resetPasswordSpec } from '@/lib/juror/specs';
import { createFestival } from '@/lib/setup/festival';
import { seededDb, snapshot, tempDb, userByLogin, type TestDb } from '@/tests/db';

let t: TestDb;
afterEach(() => t.close());

const change = (login: string, current: string, password: string) => runAction(changePasswordSpec, userByLogin(t.db, login), { current, password, confirm: password }, t.db);

describe('the festival’s names and every account’s names are refused as passwords', () => {
  it('"Real Fest 2026" is refused at a festival of that name, with the reason on the field, and nothing changes', async () => {
    t = await seededDb();
    t.db.update(edition).set({ name: 'Real Fest 2026', nameRu: 'Кинофестиваль ШОС' }).where(eq(edition.id, 1)).run();
    for (const password of ['Real Fest 2026', 'RealFest2026!', 'Кинофестиваль ШОС 2026', 'Sergey Azimov 2026', 'hansanping-2026']) {
      const before = snapshot(t.db);
      const out = await change('juror05', 'juror-demo', password);
      expect(out, password).toMatchObject({ ok: false, code: 'invalid:input', fieldErrors: { password: [expect.stringMatching(/^password_weak_/)] } });
      expect(snapshot(t.db)).toBe(before);
    }
    expect(await change('juror05', 'juror-demo', 'lantern orchard velvet')).toEqual({ ok: true, data: null });
  });
});

describe('a one-time password never becomes the permanent one', () => {
  it('a reset’s temporary password: changed once, it cannot be chosen again', async () => {
    t = await seededDb();
    const issued = await runAction(resetPasswordSpec, userByLogin(t.db, 'organiser'), { id: String(userByLogin(t.db, 'juror06').id) }, t.db);
    if (!issued.ok) throw new Error('reset refused');
    const temporary = issued.data.password;
    expect(await change('juror06', temporary, 'lantern orchard velvet')).toEqual({ ok: true, data: null });
    const before = snapshot(t.db);
    expect(await change('juror06', 'lantern orchard velvet', temporary)).toEqual({ ok: false, code: 'invalid:input', fieldErrors: { password: ['password_one_time'] } });
    expect(snapshot(t.db)).toBe(before);
  });

  it('the set-up password of `npm run setup`: refused as the organiser’s own, now and later', async () => {
    t = tempDb();
    const { organiser, password: given } = await createFestival(t.db, {
      nameEn: 'Real Fest 2026', nameZh: '真实电影节', nameRu: 'Настоящий фестиваль', nameKk: 'Нағыз фестиваль',
      cityEn: 'Qingdao', cityZh: '青岛', cityRu: 'Циндао', cityKk: 'Циндао', startsOn: '2026-06-10', endsOn: '2026-06-17', timeZone: 'Asia/Shanghai', organiser: 'anna', organiserName: '',
    });
    const password = given!; // a new organiser: a one-time password
    expect(await change(organiser, password, password)).toMatchObject({ ok: false, fieldErrors: { password: ['password_same'] } });
    expect(await change(organiser, password, 'lantern orchard velvet')).toEqual({ ok: true, data: null });
    expect(await change(organiser, 'lantern orchard velvet', password)).toEqual({ ok: false, code: 'invalid:input', fieldErrors: { password: ['password_one_time'] } });
    const row = t.db.select({ hash: user.passwordHash }).from(user).where(eq(user.login, 'anna')).get()!;
    expect(await verifyPassword(row.hash, 'lantern orchard velvet')).toBe(true);
  });
});
