import 'server-only';
// The text a page can show a reader from the festival's data, for choosing font rules
// (lib/fonts/script-faces.ts): the festival's, films' and people's names and the films' synopses, in
// the forms every reader sees and in the reader's language (a title in Chinese only for Chinese
// readers). Nothing private (no notes, no reasons) goes in, so the rules a page carries say nothing
// about what a juror wrote.
import type { DB } from '@/db';
import type { AppLocale } from '@/i18n/config';
import { eq } from 'drizzle-orm';
import { candidate, edition, film, nomination, user } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';

export function festivalText({ db, locale }: { db: DB; locale: AppLocale }): string {
  // The served jury's films and people and its edition's names (issue 23): the page shows no other.
  const served = findFestival(db);
  const parts: (string | null)[] = [];
  const own = <T,>(forms: Record<'zh' | 'ru' | 'kk', T>): T | null => (locale === 'en' ? null : forms[locale]);
  const festivals = db
    .select({ name: edition.name, city: edition.city, nameZh: edition.nameZh, nameRu: edition.nameRu, nameKk: edition.nameKk, cityZh: edition.cityZh, cityRu: edition.cityRu, cityKk: edition.cityKk })
    .from(edition)
    .where(eq(edition.id, served?.editionId ?? -1))
    .all();
  for (const f of festivals) {
    parts.push(f.name, f.city, own({ zh: f.nameZh, ru: f.nameRu, kk: f.nameKk }), own({ zh: f.cityZh, ru: f.cityRu, kk: f.cityKk }));
  }
  const films = db
    .select({
      originalTitle: film.originalTitle, englishTitle: film.englishTitle, director: film.director, synopsis: film.synopsis,
      titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk, synopsisZh: film.synopsisZh, synopsisRu: film.synopsisRu, synopsisKk: film.synopsisKk,
    })
    .from(film)
    .where(eq(film.juryId, served?.id ?? -1))
    .all();
  for (const f of films) {
    parts.push(f.originalTitle, f.englishTitle, f.director, f.synopsis);
    parts.push(own({ zh: f.titleZh, ru: f.titleRu, kk: f.titleKk }), own({ zh: f.synopsisZh, ru: f.synopsisRu, kk: f.synopsisKk }));
  }
  for (const c of db.selectDistinct({ person: candidate.person }).from(candidate).innerJoin(nomination, eq(nomination.id, candidate.nominationId)).where(eq(nomination.juryId, served?.id ?? -1)).all()) parts.push(c.person);
  for (const u of db.select({ displayName: user.displayName, latinName: user.latinName }).from(user).all()) parts.push(u.displayName, u.latinName);
  return parts.filter(Boolean).join(' ');
}
