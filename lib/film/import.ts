// The film list from a CSV file (format in docs/import.md): parsed and checked row by row, then
// compared with the films in the database. The CSV is the whole list: films not in it are removed.
// Pure: no database access; the caller passes the current films in.
import type { Film } from '@/db/schema';
import { decodeUtf8, parseCsv } from '@/lib/csv';
import { Refusal } from '@/lib/server/refusal';
import { normaliseCountry } from './countries';
import { httpsUrl, imageUrl, MAX_SYNOPSIS, parseScreenings, screeningsKey, type Screening } from './details';

export type LineError = { line: number; code: string; params?: Record<string, string | number> };

/** The refusal of a whole file: how many bad rows, and the first ten of their line numbers. */
export function invalidImport(errors: LineError[]): Refusal {
  return new Refusal('import:invalid', { count: errors.length, lines: [...new Set(errors.map((e) => e.line))].slice(0, 10).join(', ') });
}

export type FilmFields = Pick<Film, 'originalTitle' | 'englishTitle' | 'director' | 'country' | 'year' | 'runtimeMinutes' | 'competition' | 'titleZh' | 'titleRu' | 'titleKk'
  | 'synopsis' | 'synopsisZh' | 'synopsisRu' | 'synopsisKk' | 'stillUrl' | 'screenerUrl'> & { screenings: Screening[] };
export type FilmRow = FilmFields & { line: number; id: number | null; position: number };
export type ExistingFilm = FilmFields & { id: number };

// title_zh / title_ru / title_kk (optional): the title shown to readers of that language.
// synopsis (+ _zh/_ru/_kk), still_url, screener_url, screenings (optional): the film's page for the jury.
export const FILM_COLUMNS = ['id', 'original_title', 'english_title', 'director', 'country', 'year', 'runtime', 'competition', 'title_zh', 'title_ru', 'title_kk',
  'synopsis', 'synopsis_zh', 'synopsis_ru', 'synopsis_kk', 'still_url', 'screener_url', 'screenings'] as const;
const REQUIRED = ['english_title', 'director', 'country'];
const ALIASES: Record<string, string> = { runtime_minutes: 'runtime', title: 'english_title', in_competition: 'competition' };

export const MAX_TEXT = 300;

/** Decodes and splits a CSV file into a header map and data records, or line errors. */
export function readTable(bytes: Uint8Array, columns: readonly string[], required: readonly string[], aliases: Record<string, string> = {}) {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { ok: false as const, errors: [{ line: decoded.line, code: 'import:encoding' }] };
  const parsed = parseCsv(decoded.text);
  if (!parsed.ok) return { ok: false as const, errors: [{ line: parsed.line, code: `import:${parsed.code.split(':')[1]}` }] };
  const [head, ...records] = parsed.records;
  if (!head) return { ok: false as const, errors: [{ line: 1, code: 'import:empty' }] };
  const errors: LineError[] = [];
  const index = new Map<string, number>();
  head.fields.forEach((raw, i) => {
    const name0 = raw.trim().toLowerCase().replace(/[\s-]+/g, '_');
    const name = aliases[name0] ?? name0;
    if (!columns.includes(name)) errors.push({ line: head.line, code: 'import:unknown_column', params: { column: raw.trim() } });
    else if (index.has(name)) errors.push({ line: head.line, code: 'import:duplicate_column', params: { column: name } });
    else index.set(name, i);
  });
  for (const r of required) if (!index.has(r)) errors.push({ line: head.line, code: 'import:missing_column', params: { column: r } });
  if (errors.length) return { ok: false as const, errors };
  if (records.length === 0) return { ok: false as const, errors: [{ line: head.line + 1, code: 'import:empty' }] };
  for (const rec of records) {
    if (rec.fields.length !== head.fields.length) errors.push({ line: rec.line, code: 'import:columns', params: { expected: head.fields.length, found: rec.fields.length } });
  }
  if (errors.length) return { ok: false as const, errors };
  const get = (rec: { fields: string[] }, name: string) => (index.has(name) ? rec.fields[index.get(name)!].trim() : '');
  return { ok: true as const, records, get };
}

function int(v: string, min: number, max: number): number | null | undefined {
  if (v === '') return null;
  if (!/^\d+$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
}

const YES = new Set(['', 'yes', 'y', 'true', '1', 'competition']);
const NO = new Set(['no', 'n', 'false', '0', 'out']);

export const filmKey = (englishTitle: string, director: string) => `${englishTitle.trim().toLowerCase()}\u0000${director.trim().toLowerCase()}`;

/** `timeZone`: the festival's (IANA), in which screening times without an offset are read. */
export function parseFilmCsv(bytes: Uint8Array, existingIds: ReadonlySet<number>, timeZone = 'UTC'): { ok: true; rows: FilmRow[] } | { ok: false; errors: LineError[] } {
  const table = readTable(bytes, FILM_COLUMNS, REQUIRED, ALIASES);
  if (!table.ok) return table;
  const { records, get } = table;
  const errors: LineError[] = [];
  const rows: FilmRow[] = [];
  const seenKey = new Map<string, number>();
  const seenId = new Map<number, number>();
  records.forEach((rec, i) => {
    const line = rec.line;
    const before = errors.length;
    const englishTitle = get(rec, 'english_title');
    const originalTitle = get(rec, 'original_title') || englishTitle;
    const director = get(rec, 'director');
    if (!englishTitle) errors.push({ line, code: 'import:missing_title' });
    if (!director) errors.push({ line, code: 'import:missing_director' });
    const titleZh = get(rec, 'title_zh');
    const titleRu = get(rec, 'title_ru');
    const titleKk = get(rec, 'title_kk');
    for (const [column, v] of [['original_title', originalTitle], ['english_title', englishTitle], ['director', director], ['title_zh', titleZh], ['title_ru', titleRu], ['title_kk', titleKk]] as const) {
      if (v.length > MAX_TEXT) errors.push({ line, code: 'import:too_long', params: { column, max: MAX_TEXT } });
    }
    const synopses = (['synopsis', 'synopsis_zh', 'synopsis_ru', 'synopsis_kk'] as const).map((column) => {
      const v = get(rec, column);
      if (v.length > MAX_SYNOPSIS) errors.push({ line, code: 'import:too_long', params: { column, max: MAX_SYNOPSIS } });
      return v || null;
    });
    const stillRaw = get(rec, 'still_url');
    const stillUrl = stillRaw ? imageUrl(stillRaw) : null;
    if (stillUrl === undefined) errors.push({ line, code: 'import:bad_image_url', params: { column: 'still_url', value: stillRaw } });
    const screenerRaw = get(rec, 'screener_url');
    const screenerUrl = screenerRaw ? httpsUrl(screenerRaw) : null;
    if (screenerUrl === undefined) errors.push({ line, code: 'import:bad_url', params: { column: 'screener_url', value: screenerRaw } });
    const screeningsParsed = parseScreenings(get(rec, 'screenings'), timeZone);
    if (!screeningsParsed.ok) errors.push({ line, code: `import:screening_${screeningsParsed.code}`, params: { column: 'screenings', value: screeningsParsed.value } });
    const countryRaw = get(rec, 'country');
    const country = normaliseCountry(countryRaw);
    if (!country) errors.push({ line, code: 'import:unknown_country', params: { value: countryRaw } });
    const year = int(get(rec, 'year'), 1880, 2100);
    if (year === undefined) errors.push({ line, code: 'import:bad_number', params: { column: 'year', value: get(rec, 'year') } });
    const runtimeMinutes = int(get(rec, 'runtime'), 1, 1000);
    if (runtimeMinutes === undefined) errors.push({ line, code: 'import:bad_number', params: { column: 'runtime', value: get(rec, 'runtime') } });
    const comp = get(rec, 'competition').toLowerCase();
    if (!YES.has(comp) && !NO.has(comp)) errors.push({ line, code: 'import:bad_boolean', params: { column: 'competition', value: get(rec, 'competition') } });
    const idRaw = get(rec, 'id');
    const id = int(idRaw, 1, Number.MAX_SAFE_INTEGER);
    if (id === undefined) errors.push({ line, code: 'import:bad_number', params: { column: 'id', value: idRaw } });
    else if (id !== null && !existingIds.has(id)) errors.push({ line, code: 'import:unknown_id', params: { value: id } });
    if (id) {
      if (seenId.has(id)) errors.push({ line, code: 'import:duplicate', params: { first: seenId.get(id)! } });
      else seenId.set(id, line);
    }
    if (englishTitle && director) {
      const key = filmKey(englishTitle, director);
      if (seenKey.has(key)) errors.push({ line, code: 'import:duplicate', params: { first: seenKey.get(key)! } });
      else seenKey.set(key, line);
    }
    if (errors.length > before) return;
    rows.push({
      line, id: id ?? null, position: i + 1, originalTitle, englishTitle, director, country: country!,
      year: year ?? null, runtimeMinutes: runtimeMinutes ?? null, competition: !NO.has(comp),
      titleZh: titleZh || null, titleRu: titleRu || null, titleKk: titleKk || null,
      synopsis: synopses[0], synopsisZh: synopses[1], synopsisRu: synopses[2], synopsisKk: synopses[3],
      stillUrl: stillUrl ?? null, screenerUrl: screenerUrl ?? null, screenings: screeningsParsed.ok ? screeningsParsed.screenings : [],
    });
  });
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

export type FilmChange = { id: number; row: FilmRow; fields: (keyof FilmFields)[] };
export type FilmPlan = { added: FilmRow[]; updated: FilmChange[]; removed: ExistingFilm[]; unchanged: FilmRow[]; errors: LineError[] };

const FIELDS: (keyof FilmFields)[] = ['originalTitle', 'englishTitle', 'director', 'country', 'year', 'runtimeMinutes', 'competition', 'titleZh', 'titleRu', 'titleKk',
  'synopsis', 'synopsisZh', 'synopsisRu', 'synopsisKk', 'stillUrl', 'screenerUrl', 'screenings'];
const same = (a: FilmFields, b: FilmFields, k: keyof FilmFields) => (k === 'screenings' ? screeningsKey(a.screenings) === screeningsKey(b.screenings) : a[k] === b[k]);

/** What applying the rows would do to the current films: rows match by id, else English title + director. */
export function planFilmImport(rows: FilmRow[], existing: ExistingFilm[]): FilmPlan {
  const byId = new Map(existing.map((f) => [f.id, f]));
  const byKey = new Map(existing.map((f) => [filmKey(f.englishTitle, f.director), f]));
  const matched = new Map<number, number>(); // film id -> line
  const plan: FilmPlan = { added: [], updated: [], removed: [], unchanged: [], errors: [] };
  for (const row of rows) {
    const target = row.id !== null ? byId.get(row.id) : byKey.get(filmKey(row.englishTitle, row.director));
    if (!target) { plan.added.push(row); continue; }
    if (matched.has(target.id)) {
      plan.errors.push({ line: row.line, code: 'import:duplicate', params: { first: matched.get(target.id)! } });
      continue;
    }
    matched.set(target.id, row.line);
    const fields = FIELDS.filter((k) => !same(target, row, k));
    if (fields.length) plan.updated.push({ id: target.id, row, fields });
    else plan.unchanged.push({ ...row, id: target.id });
  }
  plan.removed = existing.filter((f) => !matched.has(f.id));
  return plan;
}
