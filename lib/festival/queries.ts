import 'server-only';
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { film, juryMember, nomination, user } from '@/db/schema';
import { memberOfServedJury, seatedActive } from './members';
import { findFestival } from './phase';

/** The served jury's id; none (no rows) in a database not yet set up, as before there was a jury. */
const servedJury = (db: DB) => findFestival(db)?.id ?? -1;

// The served jury's films and nominations only (issue 23): another jury's, or an older edition's,
// never show on its pages.

export function listFilms(db: DB) {
  return db
    .select({
      id: film.id,
      originalTitle: film.originalTitle,
      englishTitle: film.englishTitle,
      titleZh: film.titleZh,
      titleRu: film.titleRu,
      titleKk: film.titleKk,
      director: film.director,
      country: film.country,
      year: film.year,
      runtimeMinutes: film.runtimeMinutes,
      competition: film.competition,
      placeholder: film.placeholder,
    })
    .from(film)
    .where(eq(film.juryId, servedJury(db)))
    .orderBy(asc(film.position), asc(film.id))
    .all();
}

/** The served jury's nominations, or the given jury's (its results' address). */
export function listNominations(db: DB, juryId = servedJury(db)) {
  return db
    .select({
      id: nomination.id,
      code: nomination.code,
      position: nomination.position,
      kind: nomination.kind,
      round: nomination.round,
      exemptOneAward: nomination.exemptOneAward,
      exAequoAllowed: nomination.exAequoAllowed,
      maxWinners: nomination.maxWinners,
      tieBreak: nomination.tieBreak,
      runoffAbstention: nomination.runoffAbstention,
    })
    .from(nomination)
    .where(eq(nomination.juryId, juryId))
    .orderBy(asc(nomination.position))
    .all();
}

/** Jurors (the chair among them), without anything secret. */
export function listJurors(db: DB) {
  return db
    .select({ id: user.id, login: user.login, displayName: user.displayName, latinName: user.latinName, country: user.country, role: juryMember.role, active: seatedActive, accountActive: user.active, placeholder: user.placeholder, locale: user.locale })
    .from(user)
    .innerJoin(juryMember, memberOfServedJury)
    .orderBy(asc(user.id))
    .all();
}
