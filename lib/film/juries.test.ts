// Issue 23: the film room sees and changes the served jury's films only. With a second jury in the
// same database the film list, its CSV export and a film's page are what they were without it; adding,
// editing, removing and importing films keeps both juries' candidates apart; another jury's film ids
// are refused as missing ones; and with a newer edition the older edition's films stay as they were.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, nomination } from '@/db/schema';
import { listFilms } from '@/lib/festival/queries';
import { seededDb, type TestDb } from '@/tests/db';
import { bytes, expectRefused, run } from '@/tests/actions';
import { addJury, juryRows } from '@/tests/juries';
import { auditRows } from '@/tests/jury-activity';
import { storedFilmsCsv } from './export';
import { filmPage } from './page';
import { addFilmSpec, importFilmsSpec, removeFilmSpec, updateFilmSpec } from './specs';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

/** A jury's candidates, every nomination's. */
const candidatesOfJury = (db: DB, juryId: number) =>
  db.select({ id: candidate.id, nominationId: candidate.nominationId, filmId: candidate.filmId, person: candidate.person, placeholder: candidate.placeholder })
    .from(candidate).innerJoin(nomination, eq(nomination.id, candidate.nominationId)).where(eq(nomination.juryId, juryId)).orderBy(asc(candidate.id)).all();

const demoFilm = () => t.db.select().from(film).where(eq(film.juryId, 1)).orderBy(asc(film.position)).get()!;
const good = { englishTitle: 'Kelin', originalTitle: 'Келін', director: 'Ermek Tursunov', country: 'kz', year: '2009', runtimeMinutes: '90', competition: 'on' };

describe('a second jury in the same edition', () => {
  it('shows none of its films, and the served jury\'s film actions leave its films and candidates as they were', () => {
    const f = demoFilm();
    const before = { films: listFilms(t.db), csv: storedFilmsCsv(t.db), page: filmPage(t.db, f.id) };
    const other = addJury(t.db, { edition: 'same' });
    expect({ films: listFilms(t.db), csv: storedFilmsCsv(t.db), page: filmPage(t.db, f.id) }).toEqual(before);
    const others = { rows: juryRows(t.db, other.juryId), candidates: candidatesOfJury(t.db, other.juryId) };
    // A film of the same title and director as one of the other jury's is no duplicate here.
    const { id } = run(t, addFilmSpec, { ...good, englishTitle: 'Generated film 1', originalTitle: '', director: 'Generated director 1' });
    run(t, updateFilmSpec, { ...good, id: String(id), competition: 'on' });
    run(t, removeFilmSpec, { id: String(demoFilm().id) });
    expect({ rows: juryRows(t.db, other.juryId), candidates: candidatesOfJury(t.db, other.juryId) }).toEqual(others);
    // The served jury's candidates are its own films only.
    const demoFilms = new Set(t.db.select({ id: film.id }).from(film).where(eq(film.juryId, 1)).all().map((r) => r.id));
    expect(candidatesOfJury(t.db, 1).every((c) => demoFilms.has(c.filmId))).toBe(true);
  });

  it('an import is the served jury\'s whole list: the other jury\'s films are neither removed nor matched', () => {
    const csv = storedFilmsCsv(t.db);
    const other = addJury(t.db, { edition: 'same' });
    const others = { rows: juryRows(t.db, other.juryId), candidates: candidatesOfJury(t.db, other.juryId) };
    // The import makes the demo's placeholders real films: only which films and candidates there are is compared.
    const ids = () => ({ films: listFilms(t.db).map((f) => f.id), candidates: candidatesOfJury(t.db, 1).map((c) => c.id) });
    const demo = ids();
    expect(run(t, importFilmsSpec, { csv: bytes(csv) })).toMatchObject({ added: 0, removed: 0, updated: 0 });
    expect({ rows: juryRows(t.db, other.juryId), candidates: candidatesOfJury(t.db, other.juryId) }).toEqual(others);
    expect(ids()).toEqual(demo);
  });

  it('refuses the other jury\'s film ids as missing ones, changing nothing of either jury', () => {
    const other = addJury(t.db, { edition: 'same' });
    const before = { demo: juryRows(t.db, 1), other: juryRows(t.db, other.juryId), audit: auditRows(t.db) };
    expectRefused(t, updateFilmSpec, 'organiser', { ...good, id: String(other.films[0]) }, 'film:not_found');
    expectRefused(t, removeFilmSpec, 'organiser', { id: String(other.films[1]) }, 'film:not_found');
    // Its id in the served jury's file is an unknown id.
    const csv = `${storedFilmsCsv(t.db).trimEnd()}\r\n${other.films[2]},Generated film 3,Generated film 3,Generated director 3,KZ,,,yes,,,,,,,,,,\r\n`;
    expectRefused(t, importFilmsSpec, 'organiser', { csv: bytes(csv) }, 'import:invalid');
    expect(filmPage(t.db, other.films[0])).toBeNull();
    expect({ demo: juryRows(t.db, 1), other: juryRows(t.db, other.juryId), audit: auditRows(t.db) }).toEqual(before);
  });
});

describe('a newer edition', () => {
  it('lists its own films only, and the older edition\'s films are unknown to it and stay as they were', () => {
    const old = demoFilm();
    const older = { rows: juryRows(t.db, 1), candidates: candidatesOfJury(t.db, 1) };
    const other = addJury(t.db, { edition: 'new' });
    expect(listFilms(t.db).map((f) => f.id)).toEqual(other.films);
    expect(storedFilmsCsv(t.db)).not.toContain(old.englishTitle);
    expect(filmPage(t.db, old.id)).toBeNull();
    expectRefused(t, updateFilmSpec, 'organiser', { ...good, id: String(old.id) }, 'film:not_found');
    expectRefused(t, removeFilmSpec, 'organiser', { id: String(old.id) }, 'film:not_found');
    const { id } = run(t, addFilmSpec, good);
    expect(candidatesOfJury(t.db, other.juryId).filter((c) => c.filmId === id).length).toBeGreaterThan(0);
    expect(run(t, importFilmsSpec, { csv: bytes(storedFilmsCsv(t.db)) })).toMatchObject({ removed: 0 });
    expect({ rows: juryRows(t.db, 1), candidates: candidatesOfJury(t.db, 1) }).toEqual(older);
  });
});
