// Dates and times as the festival writes them, in every language: day month year (never the US
// month-first order), in the festival's time zone for moments, with no zone shift for calendar days.
// The one formatter every page uses (app/components/when.ts on the server; client components get the
// formatted text as data).
import { intlLocale } from './style';

export type When = {
  /** A moment (ISO text from the audit log, a decision, a request; or epoch ms, as the throttle keeps it), e.g. "29 Nov 2026, 22:54". */
  at: (moment: string | number) => string;
  /** The same with seconds, where two acts a moment apart must read apart (the audit log, sign-ins). */
  atExact: (iso: string) => string;
  /** A calendar day stored as YYYY-MM-DD (the festival's own dates), e.g. "10 June 2026". */
  day: (ymd: string) => string;
};

export function when(locale: string, timeZone: string | undefined): When {
  const tag = intlLocale(locale);
  const at = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const atExact = new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium', timeZone });
  const day = new Intl.DateTimeFormat(tag, { dateStyle: 'long', timeZone: 'UTC' });
  return {
    at: (moment) => at.format(new Date(moment)),
    atExact: (iso) => atExact.format(new Date(iso)),
    day: (ymd) => day.format(new Date(`${ymd}T12:00:00Z`)),
  };
}
