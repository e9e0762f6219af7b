import 'server-only';
import { asc, inArray, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { juryMember, user } from '@/db/schema';
import { memberOfServedJury } from '@/lib/festival/members';

/** The jury with the state of each account; whether a password is set, never the hash. */
export function listJuryAccounts(db: DB) {
  return db
    .select({
      id: user.id, login: user.login, displayName: user.displayName, latinName: user.latinName, country: user.country, role: juryMember.role,
      locale: user.locale, active: user.active, seated: juryMember.active, placeholder: user.placeholder, mustChangePassword: user.mustChangePassword,
      hasPassword: isNotNull(user.passwordHash),
    })
    .from(user)
    .innerJoin(juryMember, memberOfServedJury)
    .orderBy(asc(user.id))
    .all()
    .map((u) => ({ ...u, hasPassword: Boolean(u.hasPassword) }));
}

/** The names of the given accounts (the jurors a tally problem names), in both spellings. */
export function namesOf(db: DB, ids: number[]) {
  if (ids.length === 0) return [];
  return db.select({ id: user.id, name: user.displayName, latinName: user.latinName }).from(user).where(inArray(user.id, ids)).all();
}
