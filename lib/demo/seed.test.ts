import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { candidate, film, juryMember, nomination, user } from '@/db/schema';
import { seedDemo } from './seed';
import { findFestival } from '@/lib/festival/phase';
import { seededDb, type TestDb } from '@/tests/db';
import { verifyChain } from '@/lib/audit';
import { verifyPassword } from '@/lib/auth/password';

let t: TestDb;
beforeAll(async () => { t = await seededDb(); });
afterAll(() => t.close());

describe('demo festival seed', () => {
  it('is marked as a demo, with its name and city in the four languages', () => {
    const f = findFestival(t.db)!;
    expect(f.demo).toBe(true);
    expect([f.name, f.nameZh, f.nameRu, f.nameKk].every((n) => !!n)).toBe(true);
    expect([f.city, f.cityZh, f.cityRu, f.cityKk].every((n) => !!n)).toBe(true);
  });

  it('has 23 competition films, the two named ones among them, and 2 out of competition', () => {
    const films = t.db.select().from(film).all();
    expect(films.filter((f) => f.competition)).toHaveLength(23);
    const named = films.filter((f) => !f.placeholder);
    expect(named.map((f) => f.englishTitle).sort()).toEqual(['Oralman', 'The Diamond Sword', 'The Prince of Our Town', 'The Road to Mother']);
    expect(films.find((f) => f.englishTitle === 'The Diamond Sword')).toMatchObject({ originalTitle: 'Алмас қылыш', director: 'Rustem Abdrashev', country: 'KZ', competition: true });
    expect(films.filter((f) => !f.competition).map((f) => f.englishTitle).sort()).toEqual(['Oralman', 'The Road to Mother']);
    expect(films.filter((f) => f.placeholder).every((f) => /^Competition film \d\d$/.test(f.englishTitle))).toBe(true);
  });

  it('has 12 jurors with exactly one chair, Han Sanping, and one organiser', () => {
    const users = t.db.select().from(user).all();
    const jurors = users.filter((u) => u.role !== 'organiser');
    expect(jurors).toHaveLength(12);
    // Every juror sits on the demo jury; who chairs it is its membership (the account is a juror's).
    const members = t.db.select({ userId: juryMember.userId, role: juryMember.role }).from(juryMember).where(eq(juryMember.juryId, findFestival(t.db)!.id)).all();
    expect(members.map((m) => m.userId).sort((a, b) => a - b)).toEqual(jurors.map((j) => j.id).sort((a, b) => a - b));
    expect(jurors.every((j) => j.role === 'juror')).toBe(true);
    const chairs = members.filter((m) => m.role === 'chair').map((m) => users.find((u) => u.id === m.userId)!);
    expect(chairs.map((c) => c.displayName)).toEqual(['Han Sanping']);
    expect(users.filter((u) => u.role === 'organiser')).toHaveLength(1);
    expect(jurors.find((j) => j.displayName === 'Sergey Azimov')?.country).toBe('KZ');
  });

  it('has 6 nominations in award order, 23 candidates in each main one and none yet in the special round', () => {
    const noms = t.db.select().from(nomination).orderBy(nomination.position).all();
    expect(noms.map((n) => n.code)).toEqual(['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress', 'special_jury_prize']);
    for (const n of noms) {
      const c = t.db.select({ n: count() }).from(candidate).where(eq(candidate.nominationId, n.id)).get()!.n;
      expect(c, n.code).toBe(n.round === 'special' ? 0 : 23);
    }
    expect(noms.filter((n) => n.exemptOneAward).map((n) => n.code)).toEqual(['best_actor', 'best_actress']);
  });

  it('stores argon2id hashes that verify the documented demo passwords', async () => {
    const chair = t.db.select().from(user).where(eq(user.login, 'hansanping')).get()!;
    expect(chair.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(chair.passwordHash, 'chair-demo')).toBe(true);
    expect(await verifyPassword(chair.passwordHash, 'wrong')).toBe(false);
  });

  it('seeds only once and audits it', async () => {
    expect(await seedDemo(t.db)).toBe(false);
    expect(verifyChain(t.db)).toEqual({ ok: true, entries: 1 });
  });
});
