// The jury from a CSV file (format in docs/import.md): name in its original script and in Latin
// script, login, country, interface language, role. The file is the whole jury: rows match the
// jurors by login; jurors not in the file are deactivated (never deleted: a deactivated juror can be
// reactivated, and nothing that refers to them breaks). Pure: the caller passes the current users in.
import { LOCALES, type Locale } from '@/db/schema';
import { normaliseCountry, UNKNOWN_COUNTRY } from '@/lib/film/countries';
import { readTable, type LineError } from '@/lib/film/import';

export const JUROR_COLUMNS = ['name', 'latin_name', 'login', 'country', 'language', 'role'] as const;
const REQUIRED = ['name', 'login'];
const ALIASES: Record<string, string> = { display_name: 'name', name_latin: 'latin_name', locale: 'language', ui_language: 'language' };
export const MAX_NAME = 200;
export const LOGIN = /^[a-z0-9][a-z0-9._-]{1,39}$/;

export type JurorRow = {
  line: number; displayName: string; latinName: string | null; login: string;
  country: string | null; locale: Locale | null; role: 'juror' | 'chair';
};
/** `role`: its role in the jury being imported, 'organiser', or null for an account of another jury. */
export type ExistingUser = {
  id: number; login: string; role: 'juror' | 'chair' | 'organiser' | null; displayName: string; latinName: string | null;
  country: string | null; locale: Locale | null; active: boolean;
};

// Language names as an organiser may type them, besides the codes.
const LANGUAGE_ALIASES: Record<string, Locale> = {
  english: 'en', chinese: 'zh', '中文': 'zh', russian: 'ru', 'русский': 'ru', kazakh: 'kk', 'қазақша': 'kk', 'қазақ': 'kk', kz: 'kk',
};

function language(raw: string): Locale | null | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '') return null;
  if ((LOCALES as readonly string[]).includes(v)) return v as Locale;
  return LANGUAGE_ALIASES[v];
}

export function parseJurorCsv(bytes: Uint8Array, existing: readonly ExistingUser[]): { ok: true; rows: JurorRow[] } | { ok: false; errors: LineError[] } {
  const table = readTable(bytes, JUROR_COLUMNS, REQUIRED, ALIASES);
  if (!table.ok) return table;
  const { records, get } = table;
  const organisers = new Set(existing.filter((u) => u.role === 'organiser').map((u) => u.login));
  const errors: LineError[] = [];
  const rows: JurorRow[] = [];
  const seen = new Map<string, number>();
  let chairLine: number | null = null;
  for (const rec of records) {
    const line = rec.line;
    const before = errors.length;
    const displayName = get(rec, 'name');
    const latinName = get(rec, 'latin_name');
    const login = get(rec, 'login').toLowerCase();
    if (!displayName) errors.push({ line, code: 'import:missing_name' });
    for (const [column, v] of [['name', displayName], ['latin_name', latinName]] as const) {
      if (v.length > MAX_NAME) errors.push({ line, code: 'import:too_long', params: { column, max: MAX_NAME } });
    }
    if (!login) errors.push({ line, code: 'import:missing_login' });
    else if (!LOGIN.test(login)) errors.push({ line, code: 'import:bad_login', params: { value: get(rec, 'login') } });
    else if (organisers.has(login)) errors.push({ line, code: 'import:login_taken', params: { value: login } });
    else if (seen.has(login)) errors.push({ line, code: 'import:duplicate', params: { first: seen.get(login)! } });
    else seen.set(login, line);
    const countryRaw = get(rec, 'country');
    const country = countryRaw === '' ? null : normaliseCountry(countryRaw);
    if (countryRaw !== '' && (!country || country === UNKNOWN_COUNTRY)) errors.push({ line, code: 'import:unknown_country', params: { value: countryRaw } });
    const locale = language(get(rec, 'language'));
    if (locale === undefined) errors.push({ line, code: 'import:unknown_language', params: { value: get(rec, 'language') } });
    const roleRaw = get(rec, 'role').toLowerCase();
    const role = roleRaw === '' || roleRaw === 'juror' || roleRaw === 'member' ? 'juror' : roleRaw === 'chair' ? 'chair' : null;
    if (!role) errors.push({ line, code: 'import:bad_role', params: { value: get(rec, 'role') } });
    else if (role === 'chair') {
      if (chairLine !== null) errors.push({ line, code: 'import:second_chair', params: { first: chairLine } });
      else chairLine = line;
    }
    if (errors.length > before) continue;
    rows.push({ line, displayName, latinName: latinName || null, login, country, locale: locale ?? null, role: role! });
  }
  return errors.length ? { ok: false, errors } : { ok: true, rows };
}

export type JurorChange = { id: number; row: JurorRow; fields: string[] };
/**
 * `seated`: logins that already exist as another jury's members: one person, one account, so they join
 * this jury with that account, in the file's role, and nothing else of the account changes (its names,
 * country, language and password are the person's, not this file's).
 */
export type JurorPlan = { added: JurorRow[]; seated: { id: number; row: JurorRow }[]; updated: JurorChange[]; deactivated: ExistingUser[]; unchanged: JurorRow[] };

const FIELDS = ['displayName', 'latinName', 'country', 'locale', 'role'] as const;

/** What applying the rows would do: rows match jurors by login; active jurors not in the file are deactivated. */
export function planJurorImport(rows: JurorRow[], existing: readonly ExistingUser[]): JurorPlan {
  const byLogin = new Map(existing.filter((u) => u.role !== 'organiser').map((u) => [u.login, u]));
  const plan: JurorPlan = { added: [], seated: [], updated: [], deactivated: [], unchanged: [] };
  for (const row of rows) {
    const target = byLogin.get(row.login);
    if (!target) { plan.added.push(row); continue; }
    if (target.role === null) { plan.seated.push({ id: target.id, row }); continue; }
    const fields: string[] = FIELDS.filter((k) => target[k] !== row[k]);
    if (!target.active) fields.push('active');
    if (fields.length) plan.updated.push({ id: target.id, row, fields });
    else plan.unchanged.push(row);
  }
  const inFile = new Set(rows.map((r) => r.login));
  // Only this jury's members: an account of another jury only is not this file's to deactivate.
  plan.deactivated = [...byLogin.values()].filter((u) => u.role !== null && u.active && !inFile.has(u.login));
  return plan;
}
