import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { candidate, film } from '@/db/schema';
import { seededDb, type TestDb } from '@/tests/db';
import { fixture, nominationId } from '@/tests/festival';
import { importFilmsSpec } from '@/lib/film/specs';
import { bytes, expectCommonRefusals, expectRefused, run } from '@/tests/actions';
import { addPerformanceSpec, importPerformancesSpec, previewPerformanceImportSpec, removePerformanceSpec, updatePerformanceSpec } from './performances';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

const nomId = (code: string) => nominationId(t.db, code);
const films = () => t.db.select().from(film).orderBy(asc(film.position)).all();
const perfs = (code: string) => t.db.select().from(candidate).where(eq(candidate.nominationId, nomId(code))).all();

describe('performances', () => {
  it('adds, edits and removes a performance', () => {
    const f = films()[0];
    const good = { nominationId: String(nomId('best_actress')), filmId: String(f.id), person: 'Айгерім' };
    const { id } = run(t, addPerformanceSpec, good);
    expect(perfs('best_actress').find((c) => c.id === id)).toMatchObject({ person: 'Айгерім', placeholder: false });
    run(t, updatePerformanceSpec, { ...good, id: String(id), person: 'Айгерім Т.' });
    expect(perfs('best_actress').find((c) => c.id === id)?.person).toBe('Айгерім Т.');
    run(t, removePerformanceSpec, { id: String(id) });
    expect(perfs('best_actress').find((c) => c.id === id)).toBeUndefined();
  });

  it('refuses a juror, the chair, bad input and any phase after setup', () => {
    const f = films()[0];
    const good = { nominationId: String(nomId('best_actor')), filmId: String(f.id), person: 'Someone' };
    const some = perfs('best_actor')[0];
    expectCommonRefusals(t, addPerformanceSpec, good, { ...good, person: '' });
    expectCommonRefusals(t, updatePerformanceSpec, { ...good, id: String(some.id) }, { ...good, id: '0' });
    expectCommonRefusals(t, removePerformanceSpec, { id: String(some.id) }, { id: 'abc' });
  });

  it('refuses a film-level nomination, a film out of competition, an unknown film, a duplicate and an unknown performance', () => {
    const [f] = films();
    const out = films().find((x) => !x.competition)!;
    const actor = String(nomId('best_actor'));
    expectRefused(t, addPerformanceSpec, 'organiser', { nominationId: String(nomId('best_film')), filmId: String(f.id), person: 'X' }, 'performance:nomination');
    expectRefused(t, addPerformanceSpec, 'organiser', { nominationId: actor, filmId: String(out.id), person: 'X' }, 'performance:not_competition');
    expectRefused(t, addPerformanceSpec, 'organiser', { nominationId: actor, filmId: '9999', person: 'X' }, 'film:not_found');
    expectRefused(t, addPerformanceSpec, 'organiser', { nominationId: actor, filmId: String(f.id), person: 'lead actor, film 01' }, 'performance:duplicate');
    const bestFilmCandidate = t.db.select().from(candidate).where(eq(candidate.nominationId, nomId('best_film'))).get()!;
    expectRefused(t, removePerformanceSpec, 'organiser', { id: String(bestFilmCandidate.id) }, 'performance:not_found');
    expectRefused(t, updatePerformanceSpec, 'organiser', { id: '99999', nominationId: actor, filmId: String(f.id), person: 'X' }, 'performance:not_found');
  });

  it('imports the whole list of performances from CSV: previews, then replaces the placeholders', () => {
    run(t, importFilmsSpec, { csv: fixture('films-23.csv') });
    const csv = fixture('performances.csv');
    const p = run(t, previewPerformanceImportSpec, { csv });
    expect(p.errors).toEqual([]);
    expect(p.added).toHaveLength(4);
    // The placeholders of the two films kept from the seed; none of them is in the file.
    const order = (xs: { code: string; film: string; person: string }[]) => [...xs].sort((a, b) => `${a.code}\n${a.film}\n${a.person}`.localeCompare(`${b.code}\n${b.film}\n${b.person}`));
    expect(order(p.removed)).toEqual([
      { code: 'best_actor', film: 'The Diamond Sword', person: 'Lead actor, film 01' },
      { code: 'best_actor', film: 'The Prince of Our Town', person: 'Lead actor, film 02' },
      { code: 'best_actress', film: 'The Diamond Sword', person: 'Lead actress, film 01' },
      { code: 'best_actress', film: 'The Prince of Our Town', person: 'Lead actress, film 02' },
    ]);
    run(t, importPerformancesSpec, { csv });
    expect(perfs('best_actor').map((c) => c.person).sort()).toEqual(['Zhang Yi', 'Нурлан Алимжанов']);
    expect(perfs('best_actress').map((c) => c.person).sort()).toEqual(['Tan Zhuo', 'Ирина Горбачёва']);
    expect(run(t, previewPerformanceImportSpec, { csv })).toMatchObject({ added: [], removed: [], unchanged: 4 });
  });

  it('refuses a CSV with any bad row whole, naming the lines', () => {
    const csv = bytes([
      'nomination,film,person',
      'best_actor,The Diamond Sword,A',
      'best_film,The Diamond Sword,B',
      'best_actor,No Such Film,C',
      'best_actor,The Road to Mother,D',
      'best_actor,The Diamond Sword,',
      'best_actor,the diamond sword,a',
    ].join('\n'));
    expect(run(t, previewPerformanceImportSpec, { csv }).errors).toEqual([
      { line: 3, code: 'import:unknown_nomination', params: { value: 'best_film' } },
      { line: 4, code: 'import:unknown_film', params: { value: 'No Such Film' } },
      { line: 5, code: 'import:not_competition', params: { value: 'The Road to Mother' } },
      { line: 6, code: 'import:missing_person' },
      { line: 7, code: 'import:duplicate', params: { first: 2 } },
    ]);
    expectRefused(t, importPerformancesSpec, 'organiser', { csv }, 'import:invalid');
  });

  it('import and preview refuse a juror, the chair, bad input and any phase after setup', () => {
    const csv = fixture('performances.csv');
    expectCommonRefusals(t, importPerformancesSpec, { csv }, { csv: '' });
    expectCommonRefusals(t, previewPerformanceImportSpec, { csv }, {});
  });
});
