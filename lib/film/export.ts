// The film list as CSV, in the import format (docs/import.md) with the id column, so that the
// organisers can download it, edit it in a spreadsheet and import it again: it round-trips exactly.
import { toCsv } from '@/lib/csv';
import type { ExistingFilm } from './import';

export function filmsCsv(films: ExistingFilm[]): string {
  const rows = films.map((f) => [f.id, f.originalTitle, f.englishTitle, f.director, f.country, f.year, f.runtimeMinutes, f.competition ? 'yes' : 'no']);
  // A BOM, so that spreadsheet programs open it as UTF-8.
  return '\uFEFF' + toCsv([['id', 'original_title', 'english_title', 'director', 'country', 'year', 'runtime', 'competition'], ...rows]);
}
