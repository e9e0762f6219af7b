// Forms carry their jury (issue 23). The jury a request works in is the person's choice, a cookie
// (lib/server/chosen-jury.ts) that any top-level visit to /e/<edition>/<jury> sets, from another tab or
// from another site (SameSite=Lax lets a cross-site GET set it). A page rendered for jury A whose form is
// sent after that switch would act in B, on ids that may mean something there too (a person who sits on
// both juries, a request about them). So every ActionForm sends the jury its page was rendered for as
// FORM_JURY_FIELD, and the machinery (lib/server/action.ts) refuses a call whose stated jury is not the
// request's, before anything runs, telling the person which is which (refused "jury:switched").
//
// Calls with an object carry it the same way when they state it (the ballot's autosave does); an object
// call that states none is bound by its ids instead: every id of a jury's rows (a candidate, a
// nomination, a request) is refused in another jury exactly as a missing one, and the only object calls
// without such ids change a person's own preferences, which belong to no jury.
import { asc, desc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { jury } from '@/db/schema';
import { FORM_JURY_FIELD } from '@/lib/http/form-jury-field';
import { requestJury } from './request-jury';

export { FORM_JURY_FIELD };

const JURY_ID = /^[1-9][0-9]{0,8}$/;

/** The jury a call states (a form's field, or an object's key), and the call's input without it. */
export function takeFormJury(raw: unknown): { stated: string | undefined; input: unknown } {
  if (raw instanceof FormData) {
    if (!raw.has(FORM_JURY_FIELD)) return { stated: undefined, input: raw };
    const stated = raw.get(FORM_JURY_FIELD);
    const rest = new FormData();
    for (const [k, v] of raw.entries()) if (k !== FORM_JURY_FIELD) rest.append(k, v);
    return { stated: typeof stated === 'string' ? stated : '', input: rest };
  }
  if (raw !== null && typeof raw === 'object' && !Array.isArray(raw) && Object.getPrototypeOf(raw) === Object.prototype && Object.hasOwn(raw, FORM_JURY_FIELD)) {
    const { [FORM_JURY_FIELD]: stated, ...rest } = raw as Record<string, unknown>;
    return { stated: typeof stated === 'string' || typeof stated === 'number' ? String(stated) : '', input: rest };
  }
  return { stated: undefined, input: raw };
}

/**
 * The jury this request works in, as findFestival serves it (lib/festival/phase.ts; written out here, as
 * lib/festival reads the machinery and not the other way round): the chosen one if it exists, else the
 * first jury of the newest edition; undefined in an empty database.
 */
export function requestJuryId(db: Pick<DB, 'select'>): number | undefined {
  const chosen = requestJury();
  const found = chosen === undefined ? undefined : db.select({ id: jury.id }).from(jury).where(eq(jury.id, chosen)).get();
  return (found ?? db.select({ id: jury.id }).from(jury).orderBy(desc(jury.editionId), asc(jury.id)).limit(1).get())?.id;
}

/** Null when the stated jury (if any) is the request's; else the refusal, with both juries' ids. */
export function switchedJury(db: Pick<DB, 'select'>, stated: string | undefined): { code: string; params?: Record<string, number> } | null {
  if (stated === undefined) return null;
  if (!JURY_ID.test(stated)) return { code: 'invalid:input' };
  const current = requestJuryId(db);
  if (current === undefined || current === Number(stated)) return null;
  return { code: 'jury:switched', params: { rendered: Number(stated), current } };
}

const pick = (en: string | null, zh: string | null, ru: string | null, kk: string | null, locale: string): string | null =>
  (locale === 'zh' ? zh : locale === 'ru' ? ru : locale === 'kk' ? kk : null)?.trim() || en?.trim() || null;

/**
 * The refusal's juries by their competitions' names in the reader's language (as lib/festival/names.ts
 * competitionName; `main` for the edition's main competition, which has no name of its own).
 */
export function switchedJuryNames(db: Pick<DB, 'select'>, params: Record<string, string | number>, locale: string, main: string): Record<string, string> {
  const nameOf = (id: unknown) => {
    const j = db.select({ en: jury.competitionName, zh: jury.competitionNameZh, ru: jury.competitionNameRu, kk: jury.competitionNameKk }).from(jury).where(eq(jury.id, Number(id))).get();
    return (j && pick(j.en, j.zh, j.ru, j.kk, locale)) || main;
  };
  return { rendered: nameOf(params.rendered), current: nameOf(params.current) };
}
