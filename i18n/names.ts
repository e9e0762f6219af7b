// Names the database keeps as codes (a nomination's `best_film`), in the reader's language.
import type { Messages } from './app-config';

export type NominationCode = keyof Messages['common']['nomination'];
type NominationKey = `nomination.${NominationCode}`;

/** What nominationName needs of useTranslations('common') or getTranslations('common'). */
export type CommonNames = { (key: NominationKey): string; has(key: NominationKey): boolean };

/** A nomination's name in the reader's language; `fallback` (its code) when the messages do not name it. */
export function nominationName(tc: CommonNames, code: string, fallback = code): string {
  // A code from the database, known only at run time: has() checks it before it is translated.
  const key = `nomination.${code}` as NominationKey;
  return tc.has(key) ? tc(key) : fallback;
}
