// Dates and times as people read them: in the reader's language, the festival's style (day month
// year) and the festival's time zone (i18n/request.ts), never the stored ISO text. The one formatter
// of the server's pages (lib/locale/dates.ts).
import 'server-only';
import { getLocale, getTimeZone } from 'next-intl/server';
import { when, type When } from '@/lib/locale/dates';

export async function whenFormatter(): Promise<When> {
  return when(await getLocale(), await getTimeZone());
}
