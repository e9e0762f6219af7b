// The interface languages: English, Chinese, Russian and Kazakh (Cyrillic), the list the database
// stores as a user's preference (db/enums.ts).
import { LOCALES, type Locale } from '../db/enums';

export const locales = LOCALES;
export type AppLocale = Locale;
export const defaultLocale: AppLocale = 'en';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
export const localeNames: Record<AppLocale, string> = { en: 'English', zh: '中文', ru: 'Русский', kk: 'Қазақша' };

export function isLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (locales as readonly string[]).includes(v);
}
