// A second jury beside the demo festival's, from generated data (issue 23: the tests never invent the
// festival's other juries' members or films). `edition: 'same'` adds it to the demo's edition, after the
// demo jury, so the demo jury stays the one served (lib/festival/phase.ts findFestival); `'new'` adds it
// in a newer edition, which then becomes the one served.
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { candidate, edition, film, jury, juryMember, nomination, user, type MemberRole } from '@/db/schema';
import { DEMO_NOMINATIONS } from '@/lib/demo/seed';
import { assignEditionSlug } from '@/lib/festival/edition-slug';
import { appendAudit } from '@/lib/audit';
import { accountState } from '@/lib/auth/account-state';

export interface OtherJury {
  juryId: number;
  editionId: number;
  films: number[];
  /** Its nominations by code (the demo's codes: a code is unique only within its jury). */
  nominations: Record<string, number>;
  /** Its candidates by nomination code, in film order. */
  candidates: Record<string, number[]>;
}

export function addJury(db: DB, opts: { edition: 'same' | 'new'; films?: number; slug?: string; phase?: 'setup' | 'voting' }): OtherJury {
  return db.transaction((tx) => {
    const editionId = opts.edition === 'same'
      ? tx.select({ id: edition.id }).from(edition).orderBy(asc(edition.id)).get()!.id
      : tx.insert(edition).values({ name: 'Generated edition', city: 'Generated city', nameZh: '生成', nameRu: 'Созданный', nameKk: 'Жасалған', cityZh: '城', cityRu: 'Город', cityKk: 'Қала' }).returning({ id: edition.id }).get().id;
    if (opts.edition === 'new') assignEditionSlug(tx, editionId);
    const juryId = tx.insert(jury).values({ editionId, slug: opts.slug ?? 'shorts', competitionName: 'Generated competition', phase: opts.phase ?? 'setup' }).returning({ id: jury.id }).get().id;
    const films = Array.from({ length: opts.films ?? 5 }, (_, i) =>
      tx.insert(film).values({ juryId, originalTitle: `Generated film ${i + 1}`, englishTitle: `Generated film ${i + 1}`, director: `Generated director ${i + 1}`, country: 'KZ', position: i + 1 })
        .returning({ id: film.id }).get().id);
    const nominations: Record<string, number> = {};
    const candidates: Record<string, number[]> = {};
    DEMO_NOMINATIONS.forEach((n, i) => {
      const id = tx.insert(nomination).values({ ...n, juryId, position: i + 1 }).returning({ id: nomination.id }).get().id;
      nominations[n.code] = id;
      candidates[n.code] = n.round === 'special' ? [] : films.map((f, k) =>
        tx.insert(candidate).values({ nominationId: id, filmId: f, person: n.kind === 'performance' ? `Generated performer ${k + 1}` : n.code === 'best_director' ? `Generated director ${k + 1}` : null })
          .returning({ id: candidate.id }).get().id);
    });
    return { juryId, editionId, films, nominations, candidates };
  }, { behavior: 'immediate' });
}

/** The jury's rows as they stand, for "nothing of it changed" checks. */
export function juryRows(db: DB, juryId: number) {
  return {
    jury: db.select().from(jury).where(eq(jury.id, juryId)).get(),
    films: db.select().from(film).where(eq(film.juryId, juryId)).orderBy(asc(film.id)).all(),
    nominations: db.select().from(nomination).where(eq(nomination.juryId, juryId)).orderBy(asc(nomination.id)).all(),
  };
}

/**
 * Generated members of a jury (issue 23: never the festival's real people): `count` new accounts seated on
 * it, the first as its chair unless `chair: false`, and any existing accounts of `also` seated too (a
 * person on two juries keeps one account). Stated in the audit log as every writer must
 * (lib/auth/account-state.ts), so audit:verify's account replay stays green. Returns the new accounts' ids.
 */
export function addMembers(db: DB, juryId: number, opts: { count: number; chair?: boolean; prefix?: string; also?: { id: number; role: MemberRole }[] }): number[] {
  return db.transaction((tx) => {
    const prefix = opts.prefix ?? `j${juryId}`;
    const ids = Array.from({ length: opts.count }, (_, i) =>
      tx.insert(user).values({ login: `${prefix}-member-${i + 1}`, displayName: `Generated member ${i + 1}`, role: 'juror', country: 'FR', passwordHash: 'not-a-hash' })
        .returning({ id: user.id }).get().id);
    ids.forEach((userId, i) => tx.insert(juryMember).values({ juryId, userId, role: i === 0 && opts.chair !== false ? 'chair' : 'juror' }).run());
    for (const a of opts.also ?? []) tx.insert(juryMember).values({ juryId, userId: a.id, role: a.role }).run();
    const stated = [...ids, ...(opts.also ?? []).map((a) => a.id)];
    appendAudit(tx, { actorId: null, action: 'test.members', payload: { jury: juryId, accounts: stated.map((id) => accountState(tx, id)) } });
    return ids;
  }, { behavior: 'immediate' });
}

/**
 * Generated films of a jury that already has its nominations (one made by the set-up, lib/setup/festival.ts):
 * `count` films, each a candidate of every main-round nomination. Written straight into the rows, as
 * addJury does, before the jury opens voting (its opening states them).
 */
export function fillJury(db: DB, juryId: number, count = 5): OtherJury {
  return db.transaction((tx) => {
    const editionId = tx.select({ editionId: jury.editionId }).from(jury).where(eq(jury.id, juryId)).get()!.editionId;
    const films = Array.from({ length: count }, (_, i) =>
      tx.insert(film).values({ juryId, originalTitle: `Generated film ${i + 1}`, englishTitle: `Generated film ${i + 1}`, director: `Generated director ${i + 1}`, country: 'KZ', position: i + 1 })
        .returning({ id: film.id }).get().id);
    const nominations: Record<string, number> = {};
    const candidates: Record<string, number[]> = {};
    for (const n of tx.select().from(nomination).where(eq(nomination.juryId, juryId)).orderBy(asc(nomination.position)).all()) {
      nominations[n.code] = n.id;
      candidates[n.code] = n.round === 'special' ? [] : films.map((f, k) =>
        tx.insert(candidate).values({ nominationId: n.id, filmId: f, person: n.kind === 'performance' ? `Generated performer ${k + 1}` : n.code === 'best_director' ? `Generated director ${k + 1}` : null })
          .returning({ id: candidate.id }).get().id);
    }
    return { juryId, editionId, films, nominations, candidates };
  }, { behavior: 'immediate' });
}
