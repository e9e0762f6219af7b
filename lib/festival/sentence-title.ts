// A film's title inside a sentence people read ("Winner: …", "Your casting vote gives Best Film to …"):
// in the reader's language where it can be. The title imported for that language comes first; else
// the original title when it is written in the reader's script (a Chinese film's own title in a
// Chinese sentence, a Kazakh or Russian one in a Russian or Kazakh sentence); else the English title,
// which every film has. English sentences use the English title.
import type { AppLocale } from '@/i18n/config';
import { translatedTitle } from './names';

export type Titles = { originalTitle: string; englishTitle: string; titleZh?: string | null; titleRu?: string | null; titleKk?: string | null };

const SCRIPT: Partial<Record<string, RegExp>> = { zh: /\p{Script=Han}/u, ru: /\p{Script=Cyrillic}/u, kk: /\p{Script=Cyrillic}/u };

export function sentenceTitle(f: Titles, locale: AppLocale | string): string {
  const own = translatedTitle(f, locale);
  if (own) return own.title;
  if (locale !== 'en' && SCRIPT[locale]?.test(f.originalTitle)) return f.originalTitle;
  return f.englishTitle;
}
