// A real festival in one step: the festival (name and city in the four interface languages, dates,
// time zone), the standard nominations, and one organiser with a generated one-time password that
// must be changed at the first sign-in. Shared by `npm run setup` (scripts/setup.ts) and the
// browser set-up behind the one-time link (app/setup), so both check exactly the same things.
// On a database that already holds a festival it adds a new edition beside the earlier ones (issue 23):
// they stay as they are, read-only, with their published results; the new one becomes the one served
// by default (the newest edition's first jury, lib/festival/phase.ts findFestival).
import { createHash, randomBytes } from 'node:crypto';
import { and, count, desc, eq, isNull, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '@/db';
import { edition, jury, nomination, setupToken, user } from '@/db/schema';
import { DEMO_NOMINATIONS } from '@/lib/demo/seed';
import { appendAudit } from '@/lib/audit';
import { assignEditionSlug } from '@/lib/festival/edition-slug';
import { accountState } from '@/lib/auth/account-state';
import { prepareTemporaryPassword, type TemporaryPassword } from '@/lib/juror/password';
import type { TokenActionSpec, Tx } from '@/lib/server/action';
import { Refusal } from '@/lib/server/refusal';

const name = z.string().trim().min(1).max(200);
const optionalName = z.string().trim().max(200).default('');
const date = z.string().trim().regex(/^\d{4}-\d{2}-\d{2}$/, 'date').refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), 'date');

export function isTimeZone(tz: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{1,60}$/.test(tz)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const SetupInput = z
  .object({
    nameEn: name, nameZh: name, nameRu: name, nameKk: name,
    cityEn: name, cityZh: name, cityRu: name, cityKk: name,
    startsOn: date,
    endsOn: date,
    timeZone: z.string().trim().refine(isTimeZone, 'time_zone'),
    organiser: z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,39}$/, 'login_format'),
    organiserName: z.string().trim().max(200).default(''),
    // The edition's part of its results' addresses (/results/<slug>/main); empty: the year it starts
    // (lib/festival/edition-slug.ts). The form rule of edition.slug.
    slug: z.string().trim().toLowerCase().regex(/^([a-z0-9][a-z0-9-]{0,39})?$/, 'slug_format').default(''),
    // The first jury's competition; empty: the main competition (the interface names it). In all four
    // languages or none, so that every reader sees it in their own.
    competitionEn: optionalName, competitionZh: optionalName, competitionRu: optionalName, competitionKk: optionalName,
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'dates_order' });
    const competition = [v.competitionEn, v.competitionZh, v.competitionRu, v.competitionKk];
    if (competition.some(Boolean)) {
      for (const key of ['competitionEn', 'competitionZh', 'competitionRu', 'competitionKk'] as const) {
        if (!v[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'competition_all' });
      }
    }
  });
export type SetupValues = z.infer<typeof SetupInput>;
/** The set-up's fields as given (the optional ones may be left out). */
export type SetupFields = z.input<typeof SetupInput>;

export function hasFestival(db: Pick<DB, 'select'>): boolean {
  return (db.select({ n: count() }).from(edition).get()?.n ?? 0) > 0;
}

/**
 * The juries of the newest edition that have not published yet: a new edition beside an unfinished one
 * would take the default address from a jury still at work, so it needs the operator's explicit say.
 */
export function unfinishedJuries(db: Pick<DB, 'select'>): string[] {
  const newest = db.select({ id: edition.id }).from(edition).orderBy(desc(edition.id)).limit(1).get();
  if (!newest) return [];
  return db.select({ slug: jury.slug }).from(jury).where(and(eq(jury.editionId, newest.id), ne(jury.phase, 'published'))).all().map((j) => j.slug);
}

export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/** Every unused link is void: the latest printed one is the one that works, and none outlives a set-up. */
function voidUnusedTokens(tx: Pick<DB, 'update'>) {
  tx.update(setupToken).set({ usedAt: new Date().toISOString() }).where(isNull(setupToken.usedAt)).run();
}

/**
 * A new set-up link's token, stored only as its hash; any older unused one is void. `for: 'festival'`
 * (the server's start, instrumentation.ts) only on an empty database, else null; `for: 'edition'`
 * (`npm run setup -- --link`, run by whoever holds the server) also beside a festival, for its next
 * edition. Every set-up voids the unused links, so a link printed before a festival existed never
 * starts an edition.
 */
export function issueSetupToken(db: DB, purpose: 'festival' | 'edition' = 'festival'): string | null {
  const token = randomBytes(32).toString('base64url');
  return db.transaction((tx) => {
    if (purpose === 'festival' && hasFestival(tx)) return null;
    voidUnusedTokens(tx);
    tx.insert(setupToken).values({ tokenHash: tokenHash(token) }).run();
    return token;
  }, { behavior: 'immediate' });
}

/** Whether a set-up link may be used now: its token is known and unused. */
export function setupTokenUsable(db: Pick<DB, 'select'>, token: string): boolean {
  if (!token || token.length > 200) return false;
  const row = db.select({ usedAt: setupToken.usedAt }).from(setupToken).where(eq(setupToken.tokenHash, tokenHash(token))).get();
  return !!row && row.usedAt === null;
}

/**
 * `password` is null when the organiser's login is an existing organiser's account: it is reused as it
 * is (never re-passworded), and its owner signs in with their own password. `edition`: the new
 * edition's slug (its results' address, /results/<edition>/main); `earlier`: how many editions it joins.
 */
export type SetupResult = { organiser: string; password: string | null; edition: string; earlier: number };

/**
 * The edition (the festival's first, or a new one beside the earlier ones), its first jury and its
 * organiser, with its audit entry (which never holds the password), inside the caller's transaction.
 * `token` is the browser link's (used up here); null from the command line, whose user already holds
 * the database file and alone may set `allowUnfinished` (a rehearsal beside an edition still at work).
 */
function writeEdition(tx: Tx, values: SetupValues, organiser: TemporaryPassword, token: string | null, allowUnfinished = false): SetupResult {
  if (token !== null) {
    // Used up here, in the same transaction: of two requests with one link, only one gets through.
    const used = tx.update(setupToken).set({ usedAt: new Date().toISOString() })
      .where(and(eq(setupToken.tokenHash, tokenHash(token)), isNull(setupToken.usedAt))).returning({ id: setupToken.id }).all();
    if (used.length !== 1) throw new Refusal(hasFestival(tx) ? 'setup:exists' : 'setup:token');
  }
  const earlier = tx.select({ n: count() }).from(edition).get()?.n ?? 0;
  const unfinished = unfinishedJuries(tx);
  if (unfinished.length > 0 && !allowUnfinished) throw new Refusal('setup:unfinished', { juries: unfinished.join(', ') });
  if (values.slug && tx.select({ id: edition.id }).from(edition).where(eq(edition.slug, values.slug)).get()) {
    throw new Refusal('setup:slug_taken', { slug: values.slug }, { slug: ['slug_taken'] });
  }
  // An existing login is reused only as an active organiser's, and then untouched; anyone else's
  // account is never made an organiser by whoever holds a link.
  const existing = tx.select({ id: user.id, role: user.role, active: user.active }).from(user).where(eq(user.login, values.organiser)).get();
  if (existing && !(existing.role === 'organiser' && existing.active)) throw new Refusal('setup:login_taken', { login: values.organiser }, { organiser: ['login_taken'] });
  voidUnusedTokens(tx);
  const { id: editionId } = tx.insert(edition).values({
    name: values.nameEn, nameZh: values.nameZh, nameRu: values.nameRu, nameKk: values.nameKk,
    city: values.cityEn, cityZh: values.cityZh, cityRu: values.cityRu, cityKk: values.cityKk,
    startsOn: values.startsOn, endsOn: values.endsOn, timeZone: values.timeZone, demo: false,
    slug: values.slug || null,
  }).returning({ id: edition.id }).get();
  const slug = values.slug || assignEditionSlug(tx, editionId);
  const { id: juryId } = tx.insert(jury).values({
    editionId, slug: 'main',
    competitionName: values.competitionEn || null, competitionNameZh: values.competitionZh || null,
    competitionNameRu: values.competitionRu || null, competitionNameKk: values.competitionKk || null,
  }).returning({ id: jury.id }).get();
  DEMO_NOMINATIONS.forEach((n, i) => tx.insert(nomination).values({ ...n, juryId, position: i + 1 }).run());
  const id = existing?.id ?? tx.insert(user).values({
    login: values.organiser, displayName: values.organiserName || values.organiser, role: 'organiser',
    passwordHash: organiser.passwordHash, mustChangePassword: true,
  }).returning({ id: user.id }).get().id;
  appendAudit(tx, {
    actorId: null, action: 'festival.setup',
    payload: {
      ...values, slug, edition: editionId, jury: juryId, earlierEditions: earlier, organiserId: id, organiserReused: !!existing,
      ...(unfinished.length > 0 ? { unfinishedAllowed: unfinished } : {}),
      via: token === null ? 'command' : 'link', accounts: [accountState(tx, id)],
    },
  });
  return { organiser: values.organiser, password: existing ? null : organiser.password, edition: slug, earlier };
}

/**
 * From the command line (`npm run setup`): the festival, or its new edition, in one transaction.
 * `allowUnfinished`: the operator's explicit say (`--unfinished`) to start it while the newest edition
 * has a jury that has not published.
 */
export async function createFestival(db: DB, given: SetupFields, opts: { allowUnfinished?: boolean } = {}): Promise<SetupResult> {
  const values = SetupInput.parse(given);
  const organiser = await prepareTemporaryPassword();
  return db.transaction((tx) => writeEdition(tx, values, organiser, null, opts.allowUnfinished), { behavior: 'immediate' });
}

/**
 * The browser set-up behind the one-time link the server prints when started with JURY_DEMO=0 on an
 * empty database, or `npm run setup -- --link` prints for a new edition.
 * Nobody is signed in yet: the link's token is the only credential, checked before anything else
 * (nobody makes the server hash a password for a link that cannot work) and used up in the
 * transaction that creates the festival. No revalidation: it would re-render the page in the same
 * response, now without a usable link, and the one-time password would be gone before it was read.
 * Every page is dynamic.
 */
export const setupFestivalSpec = {
  name: 'auth.setup',
  schema: SetupInput,
  token: (db, token) => (setupTokenUsable(db, token) ? null : hasFestival(db) ? 'setup:exists' : 'setup:token'),
  prepare: prepareTemporaryPassword,
  handler: ({ input, tx, prepared, token }) => writeEdition(tx, input, prepared, token),
} satisfies TokenActionSpec<typeof SetupInput, SetupResult, TemporaryPassword>;
