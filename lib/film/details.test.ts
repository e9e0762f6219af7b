import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { jury, film, screening } from '@/db/schema';
import { seededDb, type TestDb } from '@/tests/db';
import { bytes, expectRefused, run } from '@/tests/actions';
import { fullExport, awardsCsv } from '@/lib/round/results';
import { httpsUrl, imageUrl, parseScreenings, zonedToUtc } from './details';
import { importFilmsSpec, previewFilmImportSpec, currentFilms } from './specs';
import { filmsCsv } from './export';

describe('film details: links and times (pure)', () => {
  it('takes only https addresses, and for a still only an image', () => {
    expect(httpsUrl('https://films.example.org/screeners/42?t=abc')).toBe('https://films.example.org/screeners/42?t=abc');
    for (const bad of ['http://films.example.org/x', 'javascript:alert(1)', 'data:image/png;base64,AAAA', 'https://user:pw@example.org/', 'ftp://example.org/a.jpg', 'example.org/a.jpg', 'https://exa mple.org/']) {
      expect(httpsUrl(bad), bad).toBeUndefined();
    }
    expect(imageUrl('https://cdn.example.org/stills/diamond-sword.JPG')).toBe('https://cdn.example.org/stills/diamond-sword.JPG');
    expect(imageUrl('https://cdn.example.org/stills/page.html')).toBeUndefined();
    expect(imageUrl('http://cdn.example.org/still.jpg')).toBeUndefined();
  });

  it('reads screening times in the festival’s time zone, with an offset, or in UTC', () => {
    expect(parseScreenings('2026-06-11 19:30 @ Grand Theatre, Hall 1; 2026-06-10T09:00+03:00 @ Cinema 2\n2026-06-12 08:00Z', 'Asia/Shanghai')).toEqual({
      ok: true,
      screenings: [
        { startsAt: '2026-06-10T06:00:00Z', venue: 'Cinema 2' },
        { startsAt: '2026-06-11T11:30:00Z', venue: 'Grand Theatre, Hall 1' },
        { startsAt: '2026-06-12T08:00:00Z', venue: null },
      ],
    });
    expect(parseScreenings('', 'Asia/Shanghai')).toEqual({ ok: true, screenings: [] });
  });

  it('refuses a time that does not exist: a bad date, a bad hour, an hour skipped by daylight saving, no time at all', () => {
    for (const bad of ['2026-02-30 19:00', '2026-06-11 24:00', '2026-06-11 19:60', 'tomorrow at 7', '2026-06-11', '11.06.2026 19:00', '2026-06-11 19:00+15:00']) {
      expect(parseScreenings(bad, 'Asia/Shanghai'), bad).toEqual({ ok: false, value: bad, code: 'bad_time' });
    }
    expect(zonedToUtc({ y: 2026, mo: 3, d: 29, h: 2, mi: 30 }, 'Europe/Berlin')).toBeUndefined();
    expect(new Date(zonedToUtc({ y: 2026, mo: 10, d: 25, h: 2, mi: 30 }, 'Europe/Berlin')!).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(new Date(zonedToUtc({ y: 2026, mo: 7, d: 1, h: 12, mi: 0 }, 'America/New_York')!).toISOString()).toBe('2026-07-01T16:00:00.000Z');
  });
});

describe('film details: the films CSV import', () => {
  let t: TestDb;
  beforeEach(async () => { t = await seededDb(); });
  afterEach(() => t.close());

  const head = 'english_title,director,country,synopsis,synopsis_ru,still_url,screener_url,screenings';
  const good = `${head}\nThe Diamond Sword,Rustem Abdrashev,KZ,A sword and a steppe.,Меч и степь.,https://cdn.example.org/ds.jpg,https://screeners.example.org/ds?k=1,"2026-06-11 19:30 @ Hall 1; 2026-06-12 10:00 @ Hall 2"\nThe Prince of Our Town,Ermek Tursunov,KZ,,,,,\n`;
  const filmNamed = (title: string) => t.db.select().from(film).where(eq(film.englishTitle, title)).get()!;

  it('stores the synopsis per language, the links, and the screenings in UTC (festival time Asia/Shanghai)', () => {
    run(t, importFilmsSpec, { csv: bytes(good) });
    const ds = filmNamed('The Diamond Sword');
    expect(ds).toMatchObject({ synopsis: 'A sword and a steppe.', synopsisRu: 'Меч и степь.', synopsisZh: null, stillUrl: 'https://cdn.example.org/ds.jpg', screenerUrl: 'https://screeners.example.org/ds?k=1' });
    expect(t.db.select({ startsAt: screening.startsAt, venue: screening.venue }).from(screening).where(eq(screening.filmId, ds.id)).orderBy(asc(screening.startsAt)).all())
      .toEqual([{ startsAt: '2026-06-11T11:30:00Z', venue: 'Hall 1' }, { startsAt: '2026-06-12T02:00:00Z', venue: 'Hall 2' }]);
    // A second import that changes only the screenings is an update, and replaces them.
    const p = run(t, previewFilmImportSpec, { csv: bytes(good.replace('2026-06-12 10:00 @ Hall 2', '2026-06-13 10:00 @ Hall 3')) });
    expect(p.updated).toEqual([expect.objectContaining({ englishTitle: 'The Diamond Sword', fields: ['screenings'] })]);
  });

  it('refuses the whole file for a bad link, a bad time or an unknown film, naming the line and the column, and changes nothing', () => {
    run(t, importFilmsSpec, { csv: bytes(good) });
    const cases: [string, object][] = [
      [good.replace('https://screeners.example.org/ds?k=1', 'http://screeners.example.org/ds'), { line: 2, code: 'import:bad_url', params: { column: 'screener_url', value: 'http://screeners.example.org/ds' } }],
      [good.replace('https://cdn.example.org/ds.jpg', 'javascript:alert(1)'), { line: 2, code: 'import:bad_image_url', params: { column: 'still_url', value: 'javascript:alert(1)' } }],
      [good.replace('https://cdn.example.org/ds.jpg', 'https://cdn.example.org/ds.html'), { line: 2, code: 'import:bad_image_url', params: { column: 'still_url', value: 'https://cdn.example.org/ds.html' } }],
      [good.replace('2026-06-12 10:00', '2026-06-31 10:00'), { line: 2, code: 'import:screening_bad_time', params: { column: 'screenings', value: '2026-06-31 10:00 @ Hall 2' } }],
      [`id,${head}\n99999,Nobody's Film,Someone,KZ,,,,,\n`, { line: 2, code: 'import:unknown_id', params: { value: 99999 } }],
    ];
    for (const [csv, error] of cases) {
      expect(run(t, previewFilmImportSpec, { csv: bytes(csv) }).errors).toEqual([error]);
      expectRefused(t, importFilmsSpec, 'organiser', { csv: bytes(csv) }, 'import:invalid');
    }
  });

  it('the organisers’ CSV writes the details back in festival time, and it imports again unchanged', () => {
    run(t, importFilmsSpec, { csv: bytes(good) });
    const csv = filmsCsv(t.db.transaction((tx) => currentFilms(tx)), 'Asia/Shanghai');
    expect(csv).toContain('2026-06-11 19:30 @ Hall 1; 2026-06-12 10:00 @ Hall 2');
    expect(run(t, previewFilmImportSpec, { csv: bytes(csv) })).toMatchObject({ errors: [], added: [], updated: [], removed: [] });
  });

  it('no public export carries a screener link, a still or a synopsis', () => {
    run(t, importFilmsSpec, { csv: bytes(good) });
    t.db.update(jury).set({ phase: 'published' }).where(eq(jury.id, 1)).run();
    const everything = JSON.stringify(fullExport(t.db)) + awardsCsv(t.db);
    for (const secret of ['screeners.example.org', 'cdn.example.org', 'A sword and a steppe', 'Hall 1']) expect(everything).not.toContain(secret);
  });
});
