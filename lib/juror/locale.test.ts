import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { desc, eq } from 'drizzle-orm';
import { audit, user } from '@/db/schema';
import { verifyChain } from '@/lib/audit';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { storeLocale } from './locale';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

describe('storeLocale', () => {
  it('stores the user’s own preference with its audit entry, and nobody else’s', () => {
    const me = userByLogin(t.db, 'juror04');
    const other = userByLogin(t.db, 'juror05');
    storeLocale(t.db, me, 'kk');
    expect(t.db.select().from(user).where(eq(user.id, me.id)).get()!.locale).toBe('kk');
    expect(t.db.select().from(user).where(eq(user.id, other.id)).get()!.locale).toBe(other.locale);
    const last = t.db.select().from(audit).orderBy(desc(audit.id)).get()!;
    expect(last).toMatchObject({ actorId: me.id, action: 'user.set_locale', payload: '{"locale":"kk"}' });
    expect(verifyChain(t.db)).toMatchObject({ ok: true });
  });

  it('writes nothing when the preference is already stored', () => {
    const me = { ...userByLogin(t.db, 'juror04'), locale: 'ru' as const };
    t.db.update(user).set({ locale: 'ru' }).where(eq(user.id, me.id)).run();
    const before = snapshot(t.db);
    storeLocale(t.db, me, 'ru');
    expect(snapshot(t.db)).toBe(before);
  });
});
