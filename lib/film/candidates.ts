// Candidates of the film-level main-round nominations follow the competition list: every
// competition film is a candidate of each (best_director's person is the film's director);
// a film that is removed or leaves the competition loses its candidates, and its performances.
import { and, eq, inArray, notInArray } from 'drizzle-orm';
import { candidate, film, nomination } from '@/db/schema';
import type { Tx } from '@/lib/server/action';
import { getFestival } from '@/lib/festival/phase';

/** The person a film-level nomination names for a film: the director for best_director, else none. */
export function filmCandidatePerson(code: string, director: string): string | null {
  return code === 'best_director' ? director : null;
}

/** The served jury's candidates follow its own competition list; another jury's are never touched (issue 23). */
export function syncFilmCandidates(tx: Tx): { added: number; removed: number; updated: number } {
  const juryId = getFestival(tx).id;
  const films = tx.select({ id: film.id, director: film.director, placeholder: film.placeholder }).from(film).where(and(eq(film.competition, true), eq(film.juryId, juryId))).all();
  const filmIds = films.map((f) => f.id);
  let added = 0, removed = 0, updated = 0;
  // Performances of films that are no longer in competition go too.
  const perfNoms = tx.select({ id: nomination.id }).from(nomination).where(and(eq(nomination.kind, 'performance'), eq(nomination.juryId, juryId))).all().map((n) => n.id);
  if (perfNoms.length) {
    removed += tx.delete(candidate).where(and(inArray(candidate.nominationId, perfNoms), notInArray(candidate.filmId, filmIds.length ? filmIds : [-1]))).run().changes;
  }
  const noms = tx.select({ id: nomination.id, code: nomination.code }).from(nomination).where(and(eq(nomination.kind, 'film'), eq(nomination.round, 'main'), eq(nomination.juryId, juryId))).all();
  for (const n of noms) {
    const existing = tx.select({ id: candidate.id, filmId: candidate.filmId, person: candidate.person, placeholder: candidate.placeholder }).from(candidate).where(eq(candidate.nominationId, n.id)).all();
    const byFilm = new Map<number, typeof existing>();
    for (const c of existing) byFilm.set(c.filmId, [...(byFilm.get(c.filmId) ?? []), c]);
    for (const f of films) {
      const person = filmCandidatePerson(n.code, f.director);
      const mine = byFilm.get(f.id) ?? [];
      byFilm.delete(f.id);
      const [keep, ...extra] = mine;
      for (const x of extra) removed += tx.delete(candidate).where(eq(candidate.id, x.id)).run().changes;
      if (!keep) {
        tx.insert(candidate).values({ nominationId: n.id, filmId: f.id, person, placeholder: f.placeholder }).run();
        added++;
      } else if (keep.person !== person || keep.placeholder !== f.placeholder) {
        tx.update(candidate).set({ person, placeholder: f.placeholder }).where(eq(candidate.id, keep.id)).run();
        updated++;
      }
    }
    // Whatever is left belongs to films no longer in competition.
    const gone = [...byFilm.values()].flat().map((c) => c.id);
    if (gone.length) removed += tx.delete(candidate).where(inArray(candidate.id, gone)).run().changes;
  }
  return { added, removed, updated };
}
