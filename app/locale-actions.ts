'use server';
// Sets the interface language: the stored preference of the signed-in user (so that it follows
// them to another device), then a cookie for this browser. Open to anyone: a visitor of /login or
// /results chooses a language too; only a signed-in user's own row is ever written.
import { cookies } from 'next/headers';
import { z } from 'zod';
import { getDb } from '@/lib/database';
import { getCurrentUser } from '@/lib/auth';
import { storeLocale } from '@/lib/juror/locale';
import { LOCALE_COOKIE, locales } from '@/i18n/config';

const Locale = z.enum(locales);

export async function setLocale(raw: unknown): Promise<{ ok: boolean }> {
  const parsed = Locale.safeParse(raw);
  if (!parsed.success) return { ok: false };
  const me = await getCurrentUser();
  if (me) {
    try {
      storeLocale(getDb(), me, parsed.data);
    } catch (e) {
      // A busy or failing database: say so, and leave the cookie as it was, so the two agree.
      console.error('setLocale failed', e);
      return { ok: false };
    }
  }
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  return { ok: true };
}
