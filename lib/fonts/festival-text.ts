import 'server-only';
// The text a page can show from the festival's data, for choosing font rules (lib/fonts/script-faces.ts):
// the festival's, films' and people's names and the films' synopses. Nothing private (no notes, no
// reasons) goes in, so the rules a page carries say nothing about what a juror wrote.
import type { DB } from '@/db';
import { candidate, festival, film, user } from '@/db/schema';

export function festivalText({ db }: { db: DB }): string {
  const parts: (string | null)[] = [];
  const add = (rows: Record<string, string | null>[]) => { for (const r of rows) parts.push(...Object.values(r)); };
  add(db.select({ a: festival.name, b: festival.city, c: festival.nameZh, d: festival.nameRu, e: festival.nameKk, f: festival.cityZh, g: festival.cityRu, h: festival.cityKk }).from(festival).all());
  add(db.select({
    a: film.originalTitle, b: film.englishTitle, c: film.titleZh, d: film.titleRu, e: film.titleKk, f: film.director,
    g: film.synopsis, h: film.synopsisZh, i: film.synopsisRu, j: film.synopsisKk,
  }).from(film).all());
  add(db.selectDistinct({ a: candidate.person }).from(candidate).all());
  add(db.select({ a: user.displayName, b: user.latinName }).from(user).all());
  return parts.filter(Boolean).join(' ');
}
