// The festival text that chooses a page's font rules: names in, private words out.
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { candidate, film, score, user } from '@/db/schema';
import { seededDb, type TestDb } from '@/tests/db';
import { festivalText } from './festival-text';

let t: TestDb | undefined;
afterEach(() => t?.close());

describe('festivalText', () => {
  it("holds the films' titles, the people's names and the jurors' names, never a juror's note", async () => {
    t = await seededDb();
    const [c] = t.db.select({ id: candidate.id, filmId: candidate.filmId }).from(candidate).limit(1).all();
    t.db.update(film).set({ titleZh: '盛夏', synopsisZh: '一个夏天' }).where(eq(film.id, c.filmId)).run();
    t.db.update(user).set({ displayName: 'राजेश कुमार', latinName: 'Rajesh Kumar' }).where(eq(user.login, 'juror03')).run();
    const juror = t.db.select({ id: user.id }).from(user).where(eq(user.login, 'azimov')).get()!;
    t.db.insert(score).values({ jurorId: juror.id, candidateId: c.id, note: '秘密笔记' }).run();
    const text = festivalText({ db: t.db, locale: 'zh' });
    for (const s of ['Алмас қылыш', 'The Diamond Sword', 'Rustem Abdrashev', '盛夏', '一个夏天', 'राजेश कुमार', 'Rajesh Kumar', 'Sergey Azimov', 'Qingdao']) expect(text).toContain(s);
    expect(text).not.toContain('秘密');
    // A title for Chinese readers is not shown to others; the original and English titles are.
    const en = festivalText({ db: t.db, locale: 'en' });
    expect(en).not.toContain('盛夏');
    for (const s of ['Алмас қылыш', 'The Diamond Sword', 'राजेश कुमार']) expect(en).toContain(s);
  });
});
