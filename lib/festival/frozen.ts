// The rules frozen when voting opens (scale, method, one award per film, recusal by nationality,
// quorum, publication level, each nomination's award rules and tie-break chain with its abstention rule), as the opening's audit entry records
// them: audit:verify (lib/replay/audit.ts) compares the stored ones with it, so a rule changed in
// the database file afterwards (the method, say, before the chair finalises) is caught.
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { jury, nomination } from '@/db/schema';
import { findFestival } from './phase';

type Reader = Pick<DB, 'select'>;

/** The rules of a jury (the served one unless named: audit:verify checks every jury's). */
export function frozenRules(db: Reader, juryId = findFestival(db)?.id ?? -1) {
  const f = db.select().from(jury).where(eq(jury.id, juryId)).get();
  if (!f) return null;
  return {
    scaleMin: f.scaleMin, scaleMax: f.scaleMax, scaleStep: f.scaleStep, method: f.method,
    oneAwardPerFilm: f.oneAwardPerFilm, recusalByNationality: f.recusalByNationality, quorum: f.quorum, publicationLevel: f.publicationLevel,
    nominations: db.select({ code: nomination.code, round: nomination.round, exemptOneAward: nomination.exemptOneAward, exAequoAllowed: nomination.exAequoAllowed, maxWinners: nomination.maxWinners, tieBreak: nomination.tieBreak, runoffAbstention: nomination.runoffAbstention })
      .from(nomination).where(eq(nomination.juryId, f.id)).orderBy(asc(nomination.id)).all(),
  };
}
