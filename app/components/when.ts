// Dates and times as people read them: in the reader's language and the festival's time zone
// (i18n/request.ts), never the stored ISO text.
import 'server-only';
import { getFormatter } from 'next-intl/server';

export async function whenFormatter() {
  const format = await getFormatter();
  return {
    /** A moment from the audit log or a decision, e.g. "29 Nov 2026, 22:54:06". */
    at: (iso: string) => format.dateTime(new Date(iso), { dateStyle: 'medium', timeStyle: 'short' }),
    /** A calendar day stored as YYYY-MM-DD (the festival's own dates): no time zone shift. */
    day: (ymd: string) => format.dateTime(new Date(`${ymd}T12:00:00Z`), { dateStyle: 'long', timeZone: 'UTC' }),
  };
}
