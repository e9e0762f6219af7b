// Every edition's published results at an address a person can keep: /results/<edition>/<jury> (issue 23).
// The two parts are checked for their form before any query reads them; a jury is listed, and its results
// shown, only once it has published (before that its address says "not published yet", as /results does).
import 'server-only';
import { asc, desc, eq, inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '@/db';
import { audit, edition, jury, type Festival } from '@/db/schema';
import { parseHead } from '@/lib/audit';
import { festivalAt } from './phase';

/** An address part: the form rule of jury.slug and edition.slug (db/schema.ts). */
const part = z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/);
export const resultsAddress = z.object({ edition: part, jury: part });

/** The jury at /results/<edition>/<jury>, or undefined for a malformed or unknown address (the page answers 404). */
function juryAtAddress(db: DB, params: unknown): Festival | undefined {
  const parsed = resultsAddress.safeParse(params);
  return parsed.success ? festivalAt(db, parsed.data.edition, parsed.data.jury) : undefined;
}

/**
 * What a jury's address may show: its results once published; before that only that it has not published
 * (no row of it: a page or an export cannot show what it was not given); a 404 for an unknown address.
 */
export type JuryResults = { state: 'missing' } | { state: 'unpublished' } | { state: 'published'; fest: Festival };

export function juryResultsAt(db: DB, params: unknown): JuryResults {
  const fest = juryAtAddress(db, params);
  if (!fest) return { state: 'missing' };
  return fest.phase === 'published' ? { state: 'published', fest } : { state: 'unpublished' };
}

/** The address of a jury's results, or null for an edition without a slug (none after migration 0009). */
export function resultsPath(f: Pick<Festival, 'editionSlug' | 'slug'>): string | null {
  return f.editionSlug ? `/results/${f.editionSlug}/${f.slug}` : null;
}

export interface PublishedJury {
  juryId: number;
  path: string;
  edition: Pick<Festival, 'name' | 'nameZh' | 'nameRu' | 'nameKk' | 'city' | 'cityZh' | 'cityRu' | 'cityKk'>;
  competition: Pick<Festival, 'competitionName' | 'competitionNameZh' | 'competitionNameRu' | 'competitionNameKk'>;
  /** When the jury published (its publication's audit entry), or null where the log does not say. */
  publishedAt: string | null;
}

/** Every published jury of every edition, newest edition first, then in the edition's order of juries. */
export function publishedJuries(db: DB): PublishedJury[] {
  const rows = db
    .select({
      juryId: jury.id, slug: jury.slug, publishedHead: jury.publishedHead, editionSlug: edition.slug,
      competitionName: jury.competitionName, competitionNameZh: jury.competitionNameZh, competitionNameRu: jury.competitionNameRu, competitionNameKk: jury.competitionNameKk,
      name: edition.name, nameZh: edition.nameZh, nameRu: edition.nameRu, nameKk: edition.nameKk,
      city: edition.city, cityZh: edition.cityZh, cityRu: edition.cityRu, cityKk: edition.cityKk,
    })
    .from(jury)
    .innerJoin(edition, eq(edition.id, jury.editionId))
    .where(eq(jury.phase, 'published'))
    .orderBy(desc(edition.id), asc(jury.id))
    .all();
  // The head recorded at publication is the publication entry's hash: its time is the date shown.
  const hashes = rows.map((r) => (r.publishedHead ? parseHead(r.publishedHead)?.hash : undefined)).filter((h): h is string => !!h);
  const at = new Map(hashes.length ? db.select({ hash: audit.hash, at: audit.at }).from(audit).where(inArray(audit.hash, hashes)).all().map((a) => [a.hash, a.at]) : []);
  return rows.flatMap((r) => {
    const path = resultsPath(r);
    if (!path) return [];
    const hash = r.publishedHead ? parseHead(r.publishedHead)?.hash : undefined;
    return [{
      juryId: r.juryId, path,
      edition: { name: r.name, nameZh: r.nameZh, nameRu: r.nameRu, nameKk: r.nameKk, city: r.city, cityZh: r.cityZh, cityRu: r.cityRu, cityKk: r.cityKk },
      competition: { competitionName: r.competitionName, competitionNameZh: r.competitionNameZh, competitionNameRu: r.competitionNameRu, competitionNameKk: r.competitionNameKk },
      publishedAt: (hash && at.get(hash)) || null,
    }];
  });
}
