// Lists in people's words: joined the way the reader's language joins them ("A, B and C",
// "A、B和C", "A, B и C"), never with a comma typed by hand (an ASCII comma in Chinese).
import { intlLocale } from './style';

export type ListKind = 'and' | 'or' | 'plain';

// A bare enumeration is the narrow conjunction ("A, B, C", "A、B、C"): the "unit" type would join
// Chinese items with nothing at all.
const OPTIONS: Record<ListKind, Intl.ListFormatOptions> = {
  and: { type: 'conjunction', style: 'long' },
  or: { type: 'disjunction', style: 'long' },
  plain: { type: 'conjunction', style: 'narrow' },
};

/** `items` joined for `locale`: "and" (the default), "or", or "plain" (a bare enumeration, e.g. "A, B, C"). */
export function listOf(locale: string, items: readonly string[], kind: ListKind = 'and'): string {
  return new Intl.ListFormat(intlLocale(locale), OPTIONS[kind]).format(items);
}
