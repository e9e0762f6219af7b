// What else of the setup decides a result and is frozen when voting opens, beside the rules
// (lib/festival/frozen.ts): the films' countries and competition flags (recusal by nationality, the
// special round's candidates) and the main round's candidates (which film in which nomination). The
// opening's audit entry states a digest of them; audit:verify compares it with the stored ones, so a
// candidate added, removed or moved, or a film's country changed in the file afterwards is named.
import { createHash } from 'node:crypto';
import { and, asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, film, nomination } from '@/db/schema';
import { canonicalJson } from '@/lib/canonical';
import { findFestival } from './phase';

type Reader = Pick<DB, 'select'>;

/**
 * One jury's digest (the served one unless `juryId` names another: audit:verify checks each jury's
 * opening against its own rows). A database of one jury digests exactly as before issue 23.
 */
export function frozenSetupDigest(db: Reader, juryId = findFestival(db)?.id ?? -1): string {
  const films = db.select({ id: film.id, country: film.country, competition: film.competition }).from(film).where(eq(film.juryId, juryId)).orderBy(asc(film.id)).all();
  const candidates = db.select({ id: candidate.id, nominationId: candidate.nominationId, filmId: candidate.filmId })
    .from(candidate).innerJoin(nomination, eq(nomination.id, candidate.nominationId)).where(and(eq(nomination.round, 'main'), eq(nomination.juryId, juryId))).orderBy(asc(candidate.id)).all();
  return createHash('sha256').update(canonicalJson({ films, candidates })).digest('hex');
}
