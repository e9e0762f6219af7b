'use server';
// Sets the interface language: a cookie for this browser, and the stored preference of the
// signed-in user so that it follows them to another device.
import { cookies } from 'next/headers';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db';
import { user } from '@/db/schema';
import { getCurrentUser } from '@/lib/auth';
import { appendAudit } from '@/lib/audit';
import { LOCALE_COOKIE, locales } from '@/i18n/config';

const Locale = z.enum(locales);

export async function setLocale(raw: unknown): Promise<{ ok: boolean }> {
  const parsed = Locale.safeParse(raw);
  if (!parsed.success) return { ok: false };
  (await cookies()).set(LOCALE_COOKIE, parsed.data, { path: '/', sameSite: 'lax', maxAge: 365 * 24 * 3600 });
  const me = await getCurrentUser();
  if (me && me.locale !== parsed.data) {
    getDb().transaction(
      (tx) => {
        tx.update(user).set({ locale: parsed.data }).where(eq(user.id, me.id)).run();
        appendAudit(tx, { actorId: me.id, action: 'user.set_locale', payload: { locale: parsed.data } });
      },
      { behavior: 'immediate' },
    );
  }
  return { ok: true };
}
