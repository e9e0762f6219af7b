// Names shown in the reader's language: the festival's name and city, a film's title and a person's
// name. Every page, file and print that shows a title or a person takes it from here.
import type { Festival, Film } from '@/db/schema';
import type { AppLocale } from '@/i18n/config';

type Named = Pick<Festival, 'name' | 'nameZh' | 'nameRu' | 'nameKk' | 'city' | 'cityZh' | 'cityRu' | 'cityKk'>;

const pick = (en: string, zh: string | null, ru: string | null, kk: string | null, locale: string): string =>
  (locale === 'zh' ? zh : locale === 'ru' ? ru : locale === 'kk' ? kk : null)?.trim() || en;

export function festivalName(f: Named, locale: AppLocale | string): string {
  return pick(f.name, f.nameZh, f.nameRu, f.nameKk, locale);
}

export function festivalCity(f: Named, locale: AppLocale | string): string {
  return pick(f.city, f.cityZh, f.cityRu, f.cityKk, locale);
}

/** The imported title for a reader of zh / ru / kk, or null (then the English title is shown). */
export function translatedTitle(f: Partial<Pick<Film, 'titleZh' | 'titleRu' | 'titleKk'>>, locale: AppLocale | string): { title: string; lang: string } | null {
  const title = (locale === 'zh' ? f.titleZh : locale === 'ru' ? f.titleRu : locale === 'kk' ? f.titleKk : null)?.trim();
  return title ? { title, lang: locale } : null;
}

export type Titles = { originalTitle: string; englishTitle: string; titleZh?: string | null; titleRu?: string | null; titleKk?: string | null };

/** A film's title as a reader of one language sees it: `title` in their language, and the original beside it where it differs. */
export interface ShownTitle {
  title: string;
  /** The language of `title` when known (an imported translation, or the English title); undefined for the original. */
  lang?: string;
  /** The original title, when it differs from `title`; never the same text twice. */
  original: string | null;
}

const SCRIPT: Partial<Record<string, RegExp>> = { zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u, kk: /\p{Script=Cyrillic}/u };
/** Whether two names read the same (case, spacing at the ends and Unicode composition aside): then one is shown, not both. */
export const sameName = (a: string, b: string) => a.trim().normalize('NFC').toLocaleLowerCase() === b.trim().normalize('NFC').toLocaleLowerCase();

/**
 * The one place that picks a film's title for a reader: the title imported for their language (title_zh,
 * title_ru, title_kk) first; in English the English title; else the original title when it is written in
 * the reader's script (a Kazakh film's own title for a Russian or Kazakh reader); else the English title,
 * which every film has. The original goes beside it wherever it reads differently.
 */
export function shownTitle(f: Titles, locale: AppLocale | string): ShownTitle {
  const original = f.originalTitle?.trim() || f.englishTitle;
  const own = translatedTitle(f, locale);
  const main: { title: string; lang?: string } = own
    ? own
    : locale !== 'en' && SCRIPT[locale]?.test(original) ? { title: original }
    : { title: f.englishTitle, lang: 'en' };
  return { ...main, original: sameName(main.title, original) ? null : original };
}

/** The title in the reader's language alone, for a sentence ("Winner: …") or a link's name. */
export function localTitle(f: Titles, locale: AppLocale | string): string {
  return shownTitle(f, locale).title;
}

/** The title on one line of plain text (an option, a file, a receipt): "盛夏 (Лето)", or the title alone when the original reads the same. */
export function titleLine(f: Titles, locale: AppLocale | string): string {
  const s = shownTitle(f, locale);
  return s.original ? `${s.title} (${s.original})` : s.title;
}

/** A candidate in a sentence or a list: the person with their film ("Ли Вэй (Лето)"), or the film alone; '?' for none. */
export function candidateName(c: { person: string | null; title: string } | undefined): string {
  if (!c) return '?';
  return c.person ? `${c.person} (${c.title})` : c.title;
}

type Person = { latinName?: string | null } & ({ name: string } | { displayName: string });

/** A person's name as a reader sees it: their own script, with the Latin form for readers of other scripts. */
export function personName(p: Person, locale: AppLocale | string): string {
  const name = 'displayName' in p ? p.displayName : p.name;
  const latin = p.latinName?.trim();
  if (!latin || sameName(latin, name)) return name;
  return readsScript(name, locale) ? name : `${name} (${latin})`;
}

const LOCALE_SCRIPT: Record<string, RegExp> = { en: /\p{Script=Latin}/u, zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u, kk: /\p{Script=Cyrillic}/u };
/** Whether a reader of `locale` reads the script `text` is written in (its letters all in that script). */
function readsScript(text: string, locale: string): boolean {
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch));
  const script = LOCALE_SCRIPT[locale] ?? LOCALE_SCRIPT.en;
  return letters.length > 0 && letters.every((ch) => script.test(ch) || (locale !== 'en' && LOCALE_SCRIPT.en.test(ch)));
}

type Competition = Pick<Festival, 'competitionName' | 'competitionNameZh' | 'competitionNameRu' | 'competitionNameKk'>;

/** A jury's competition in the reader's language; null for the edition's main competition (the interface names it). */
export function competitionName(j: Competition, locale: AppLocale | string): string | null {
  return j.competitionName?.trim() ? pick(j.competitionName, j.competitionNameZh, j.competitionNameRu, j.competitionNameKk, locale) : null;
}
