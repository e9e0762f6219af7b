// The festival's conventions for the interface languages, in one place: English is written the
// way the festival writes it (day month year, as in "10 June 2026"), not the US way Intl's plain
// "en" picks; the other languages use their own ICU data.
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : locale;
}
