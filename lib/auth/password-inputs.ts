// What a password must not be built from, beside the dictionaries (zxcvbn's user inputs): the
// festival's names and city in every language, and every account's login and names. "Real Fest
// 2026" is the first guess anyone at the festival makes (issue 20, route 10).
import { edition, user as userTable } from '@/db/schema';
import type { DB } from '@/db';

/** Each text, whole, without its spaces, and its words of four letters or more; lower case. */
function variants(text: string | null | undefined): string[] {
  const s = (text ?? '').trim().toLowerCase();
  if (!s) return [];
  const words = s.split(/[\s\p{P}]+/u).filter((w) => [...w].length >= 4);
  return [s, s.replace(/\s+/g, ''), ...words];
}

export function passwordUserInputs(db: Pick<DB, 'select'>): string[] {
  // Every edition's: a festival's name changes little from year to year.
  const editions = db.select({ name: edition.name, nameZh: edition.nameZh, nameRu: edition.nameRu, nameKk: edition.nameKk, city: edition.city, cityZh: edition.cityZh, cityRu: edition.cityRu, cityKk: edition.cityKk })
    .from(edition).all();
  const accounts = db.select({ login: userTable.login, displayName: userTable.displayName, latinName: userTable.latinName }).from(userTable).all();
  const texts = [...editions.flatMap((e) => Object.values(e)), ...accounts.flatMap((a) => [a.login, a.displayName, a.latinName])];
  return [...new Set(texts.flatMap(variants))];
}
