// The film list as CSV, in the import format (docs/import.md) with the id column, so that the
// organisers can download it, edit it in a spreadsheet and import it again: it round-trips exactly.
import type { DB } from '@/db';
import { toCsv } from '@/lib/csv';
import { getFestival } from '@/lib/festival/phase';
import type { ExistingFilm } from './import';
import { formatScreenings, zoneOrUtc } from './details';
import { currentFilms } from './specs';

// For the organisers only (it holds the screener links): the public exports never read these columns.
export function filmsCsv(films: ExistingFilm[], timeZone = 'UTC'): string {
  const rows = films.map((f) => [
    f.id, f.originalTitle, f.englishTitle, f.director, f.country, f.year, f.runtimeMinutes, f.competition ? 'yes' : 'no', f.titleZh, f.titleRu, f.titleKk,
    f.synopsis, f.synopsisZh, f.synopsisRu, f.synopsisKk, f.stillUrl, f.screenerUrl, formatScreenings(f.screenings, timeZone),
  ]);
  const head = ['id', 'original_title', 'english_title', 'director', 'country', 'year', 'runtime', 'competition', 'title_zh', 'title_ru', 'title_kk',
    'synopsis', 'synopsis_zh', 'synopsis_ru', 'synopsis_kk', 'still_url', 'screener_url', 'screenings'];
  // A BOM, so that spreadsheet programs open it as UTF-8.
  return '\uFEFF' + toCsv([head, ...rows]);
}

/** The stored film list as CSV, read in one transaction, its screenings in the festival's time zone. */
export function storedFilmsCsv(db: DB): string {
  return db.transaction((tx) => filmsCsv(currentFilms(tx), zoneOrUtc(getFestival(tx).timeZone)));
}
