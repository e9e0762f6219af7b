// Issue 23: a page's font rules are chosen from the served jury's films and people and its edition's
// names only: another jury's films, or an older edition's, are no text of this jury's pages.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededDb, type TestDb } from '@/tests/db';
import { addJury } from '@/tests/juries';
import { festivalText } from './festival-text';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

describe('festivalText with two juries', () => {
  it('is the same with another jury of the edition beside the served one', () => {
    const before = festivalText({ db: t.db, locale: 'ru' });
    addJury(t.db, { edition: 'same' });
    expect(festivalText({ db: t.db, locale: 'ru' })).toBe(before);
  });

  it('holds the newer edition\'s names and films only', () => {
    addJury(t.db, { edition: 'new' });
    const text = festivalText({ db: t.db, locale: 'ru' });
    for (const s of ['Generated edition', 'Созданный', 'Generated film 1', 'Generated performer 1']) expect(text).toContain(s);
    for (const s of ['Qingdao', 'The Diamond Sword', 'Алмас қылыш']) expect(text).not.toContain(s);
  });
});
