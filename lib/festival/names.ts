// Names shown in the reader's language: the festival's name and city, and a film's title, each
// stored in English (the fallback) plus the other interface languages where the organisers gave them.
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

type Titled = Pick<Film, 'englishTitle'> & Partial<Pick<Film, 'titleZh' | 'titleRu' | 'titleKk'>>;

/** The title for a reader of `locale`: the imported translation if there is one, else the English title. */
export function localTitle(f: Titled, locale: AppLocale | string): string {
  return pick(f.englishTitle, f.titleZh ?? null, f.titleRu ?? null, f.titleKk ?? null, locale);
}

/** The imported title for a reader of zh / ru / kk, or null (then the English title is shown). */
export function translatedTitle(f: Partial<Pick<Film, 'titleZh' | 'titleRu' | 'titleKk'>>, locale: AppLocale | string): { title: string; lang: string } | null {
  const title = (locale === 'zh' ? f.titleZh : locale === 'ru' ? f.titleRu : locale === 'kk' ? f.titleKk : null)?.trim();
  return title ? { title, lang: locale } : null;
}
