// The interface languages: English, Chinese, Russian and Kazakh (Cyrillic).
export const locales = ['en', 'zh', 'ru', 'kk'] as const;
export type AppLocale = (typeof locales)[number];
export const defaultLocale: AppLocale = 'en';
export const LOCALE_COOKIE = 'NEXT_LOCALE';
export const localeNames: Record<AppLocale, string> = { en: 'English', zh: '中文', ru: 'Русский', kk: 'Қазақша' };

export function isLocale(v: unknown): v is AppLocale {
  return typeof v === 'string' && (locales as readonly string[]).includes(v);
}
