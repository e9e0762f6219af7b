// What a password must not be built from, beside the dictionaries (zxcvbn's user inputs): the
// festival's names and city in every language, and every account's login and names. "Real Fest
// 2026" is the first guess anyone at the festival makes (issue 20, route 10).
import { festival, user as userTable } from '@/db/schema';
import type { DB } from '@/db';

/** Each text, whole, without its spaces, and its words of four letters or more; lower case. */
function variants(text: string | null | undefined): string[] {
  const s = (text ?? '').trim().toLowerCase();
  if (!s) return [];
  const words = s.split(/[\s\p{P}]+/u).filter((w) => [...w].length >= 4);
  return [s, s.replace(/\s+/g, ''), ...words];
}

export function passwordUserInputs(db: Pick<DB, 'select'>): string[] {
  const f = db.select({ name: festival.name, nameZh: festival.nameZh, nameRu: festival.nameRu, nameKk: festival.nameKk, city: festival.city, cityZh: festival.cityZh, cityRu: festival.cityRu, cityKk: festival.cityKk })
    .from(festival).get();
  const accounts = db.select({ login: userTable.login, displayName: userTable.displayName, latinName: userTable.latinName }).from(userTable).all();
  const texts = [...Object.values(f ?? {}), ...accounts.flatMap((a) => [a.login, a.displayName, a.latinName])];
  return [...new Set(texts.flatMap(variants))];
}
