// A refusal's parameters in people's words: the specs speak of nominations by their codes (the
// same in every language, and what the audit log records); a message shows their names in the
// reader's language, as a list joined the way that language joins lists.
import { listOf } from '@/lib/locale/lists';

export type NameOf = (code: string) => string;

const NOMINATION_PARAMS = new Set(['nomination', 'nominations']);

export function localiseRefusalParams(params: Record<string, string | number>, nameOf: NameOf, locale: string): Record<string, string | number> {
  const out: Record<string, string | number> = { ...params };
  for (const [k, v] of Object.entries(params)) {
    if (!NOMINATION_PARAMS.has(k) || typeof v !== 'string') continue;
    const names = v.split(',').map((c) => c.trim()).filter(Boolean).map(nameOf);
    out[k] = listOf(locale, names);
  }
  return out;
}

/** The fields people type into, whose refusal says what is wrong with them (errors.invalid_<field>). */
export type NamedField = 'reason' | 'note' | 'value';
const NAMED_FIELDS: readonly NamedField[] = ['reason', 'note', 'value'];

/**
 * The field a refused input is about, when the message can name it: a decision's, a reopening's or a
 * recusal's reason (3 to 500 characters), a juror's note, a score. The other fields (ids) come from
 * the page itself, never from typing: for them the general message stands.
 */
export function namedInvalidField(fieldErrors: Record<string, string[]> | undefined): NamedField | null {
  return NAMED_FIELDS.find((f) => fieldErrors && f in fieldErrors) ?? null;
}
