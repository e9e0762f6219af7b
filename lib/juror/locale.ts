// A signed-in user's preferred language, stored so that it follows them to another device.
import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { user, type Locale } from '@/db/schema';
import { appendAudit } from '@/lib/audit';
import type { SessionUser } from '@/lib/auth/users';

/** Stores the preference with its audit entry (nothing when it is already the stored one). */
export function storeLocale(db: DB, me: Pick<SessionUser, 'id' | 'locale'>, locale: Locale): void {
  if (me.locale === locale) return;
  db.transaction(
    (tx) => {
      tx.update(user).set({ locale }).where(eq(user.id, me.id)).run();
      appendAudit(tx, { actorId: me.id, action: 'user.set_locale', payload: { locale } });
    },
    { behavior: 'immediate' },
  );
}
