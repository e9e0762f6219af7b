// What a film's page shows the jury: the film, its synopsis in the reader's language, its still,
// screener and screenings. Read only by signed-in jurors and the chair (app/jury/films/[id]); the
// screener link is never part of a public export (lib/round/results.ts picks its own columns).
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { film, screening } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';

export function filmPage(db: DB, id: number) {
  // Another jury's film is as unknown here as a missing one (issue 23).
  const f = db.select().from(film).where(and(eq(film.id, id), eq(film.juryId, (findFestival(db)?.id ?? -1)))).get();
  if (!f) return null;
  const screenings = db.select({ startsAt: screening.startsAt, venue: screening.venue }).from(screening).where(eq(screening.filmId, id)).orderBy(asc(screening.startsAt), asc(screening.id)).all();
  return { ...f, screenings };
}

/** The synopsis for a reader of `locale`, and the language it is written in (English when no translation is given). */
export function localSynopsis(f: { synopsis: string | null; synopsisZh: string | null; synopsisRu: string | null; synopsisKk: string | null }, locale: string): { text: string; lang: string } | null {
  const own = (locale === 'zh' ? f.synopsisZh : locale === 'ru' ? f.synopsisRu : locale === 'kk' ? f.synopsisKk : null)?.trim();
  if (own) return { text: own, lang: locale };
  return f.synopsis?.trim() ? { text: f.synopsis.trim(), lang: 'en' } : null;
}
