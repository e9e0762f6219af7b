// The juries a person may work in, for the header's switch (issue 23): of the edition being served,
// every jury for an organiser (they run them all), the juries a member sits on for anyone else. Each
// with its address, /e/<edition>/<jury> (app/e/[edition]/[jury]/route.ts), which chooses it. Only the
// juries and their names: nothing of what happens in them.
import 'server-only';
import { and, asc, eq, exists } from 'drizzle-orm';
import type { DB } from '@/db';
import { edition, jury, juryMember, type Festival } from '@/db/schema';

export type JuryChoice = Pick<Festival, 'id' | 'competitionName' | 'competitionNameZh' | 'competitionNameRu' | 'competitionNameKk'> & { href: string };

export function juriesToChoose(db: Pick<DB, 'select'>, who: { id: number; organiser: boolean }, served: Pick<Festival, 'editionId'>): JuryChoice[] {
  const member = exists(db.select({ one: juryMember.id }).from(juryMember).where(and(eq(juryMember.juryId, jury.id), eq(juryMember.userId, who.id))));
  return db.select({
    id: jury.id, slug: jury.slug, editionSlug: edition.slug,
    competitionName: jury.competitionName, competitionNameZh: jury.competitionNameZh, competitionNameRu: jury.competitionNameRu, competitionNameKk: jury.competitionNameKk,
  }).from(jury).innerJoin(edition, eq(edition.id, jury.editionId))
    .where(who.organiser ? eq(jury.editionId, served.editionId) : and(eq(jury.editionId, served.editionId), member))
    .orderBy(asc(jury.id)).all()
    // An edition without its address part (never given by the set-up: lib/festival/edition-slug.ts) has no address to choose by.
    .flatMap(({ slug, editionSlug, ...j }) => (editionSlug ? [{ ...j, href: `/e/${editionSlug}/${slug}` }] : []));
}
