// Lists in people's words: joined the way the reader's language joins them ("A, B and C",
// "A、B和C", "A, B и C"), never with a comma typed by hand (an ASCII comma in Chinese).
import { intlLocale } from './style';

export type ListKind = 'and' | 'or' | 'plain';

const TYPES: Record<ListKind, Intl.ListFormatType> = { and: 'conjunction', or: 'disjunction', plain: 'unit' };

/** `items` joined for `locale`: "and" (the default), "or", or "plain" (a bare enumeration, e.g. "A, B, C"). */
export function listOf(locale: string, items: readonly string[], kind: ListKind = 'and'): string {
  return new Intl.ListFormat(intlLocale(locale), { type: TYPES[kind], style: 'long' }).format(items);
}
