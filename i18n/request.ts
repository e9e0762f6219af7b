// Picks the locale for each request: the language cookie, then the signed-in user's stored
// preference, then the browser's Accept-Language, then English.
import { getRequestConfig } from 'next-intl/server';
import { cookies, headers } from 'next/headers';
import { isLocale, LOCALE_COOKIE, type AppLocale } from './config';
import { localeFromAcceptLanguage } from './accept-language';
import { loadMessages } from './messages';
import { getCurrentUser } from '@/lib/auth/session';
import { getDb } from '@/lib/database';
import { findFestival } from '@/lib/festival/phase';
import { chooseRequestJury } from '@/lib/server/chosen-jury';

/** Times are shown in the festival's time zone (set at setup), in UTC until one is set. */
function festivalTimeZone(): string {
  const tz = findFestival(getDb())?.timeZone;
  if (!tz) return 'UTC';
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return tz;
  } catch {
    return 'UTC';
  }
}

async function pickLocale(): Promise<AppLocale> {
  const fromCookie = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(fromCookie)) return fromCookie;
  const user = await getCurrentUser();
  if (user && isLocale(user.locale)) return user.locale;
  return localeFromAcceptLanguage((await headers()).get('accept-language'));
}

export default getRequestConfig(async () => {
  // The jury this request chose, before its time zone is read (next-intl's configuration is read
  // early in a render, often before the page's own session check).
  await chooseRequestJury();
  const locale = await pickLocale();
  return { locale, messages: await loadMessages(locale), timeZone: festivalTimeZone() };
});
