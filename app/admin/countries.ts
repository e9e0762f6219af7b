// Country choices for the forms, named in the reader's language (Intl.DisplayNames), sorted by name.
import { COUNTRY_CODES } from '@/lib/film/countries';

export function countryOptions(locale: string, unknownLabel: string) {
  let names: Intl.DisplayNames | null = null;
  try { names = new Intl.DisplayNames([locale], { type: 'region' }); } catch { /* no ICU data: codes only */ }
  const opts = COUNTRY_CODES.map((code) => ({ value: code, label: `${names?.of(code) ?? code} (${code})` }));
  opts.sort((a, b) => a.label.localeCompare(b.label, locale));
  return [{ value: 'XX', label: unknownLabel }, ...opts];
}
