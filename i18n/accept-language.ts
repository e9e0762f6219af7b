// The interface language a browser asks for: its Accept-Language header read by `negotiator`
// (q-values honoured, q=0 excluded) and matched to our locales by `@formatjs/intl-localematcher`.
import { match } from '@formatjs/intl-localematcher';
import Negotiator from 'negotiator';
import { defaultLocale, locales, type AppLocale } from './config';

/** Well-formed BCP 47 tags only: the matcher throws on anything else (`*`, `en_US`, noise). */
function wellFormed(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}

/**
 * The best of our locales for an Accept-Language header, English when none fits. RFC 4647 lookup,
 * not CLDR's "best fit": a tag falls back only to its own language (kk-KZ to kk, zh-Hant-TW to zh),
 * never to another one the reader did not ask for (best fit serves Russian for a bare `uk`).
 */
export function localeFromAcceptLanguage(header: string | null | undefined): AppLocale {
  const asked = new Negotiator({ headers: { 'accept-language': header ?? '' } }).languages().filter(wellFormed);
  return match(asked, [...locales], defaultLocale, { algorithm: 'lookup' }) as AppLocale;
}
