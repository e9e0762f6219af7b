// A real festival in one step: the festival (name and city in the four interface languages, dates,
// time zone), the standard nominations, and one organiser with a generated one-time password that
// must be changed at the first sign-in. Shared by `npm run setup` (scripts/setup.ts) and the
// browser set-up behind the one-time link (app/setup), so both check exactly the same things.
import { createHash, randomBytes } from 'node:crypto';
import { and, count, eq, isNull } from 'drizzle-orm';
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
  })
  .superRefine((v, ctx) => {
    if (v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'dates_order' });
  });
export type SetupValues = z.infer<typeof SetupInput>;

export function hasFestival(db: Pick<DB, 'select'>): boolean {
  return (db.select({ n: count() }).from(edition).get()?.n ?? 0) > 0;
}

export const tokenHash = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * A new set-up link's token for an empty database, stored only as its hash; any older unused one
 * is void (the latest printed link is the one that works). Null when a festival exists.
 */
export function issueSetupToken(db: DB): string | null {
  const token = randomBytes(32).toString('base64url');
  return db.transaction((tx) => {
    if (hasFestival(tx)) return null;
    const now = new Date().toISOString();
    tx.update(setupToken).set({ usedAt: now }).where(isNull(setupToken.usedAt)).run();
    tx.insert(setupToken).values({ tokenHash: tokenHash(token) }).run();
    return token;
  }, { behavior: 'immediate' });
}

/** Whether a set-up link may be used now: its token is known and unused, and there is no festival. */
export function setupTokenUsable(db: Pick<DB, 'select'>, token: string): boolean {
  if (!token || token.length > 200 || hasFestival(db)) return false;
  const row = db.select({ usedAt: setupToken.usedAt }).from(setupToken).where(eq(setupToken.tokenHash, tokenHash(token))).get();
  return !!row && row.usedAt === null;
}

export type SetupResult = { organiser: string; password: string };

/**
 * The festival and its organiser, with its audit entry (which never holds the password), inside the
 * caller's transaction. `token` is the browser link's (used up here); null from the command line,
 * whose user already holds the database file.
 */
function writeFestival(tx: Tx, values: SetupValues, organiser: TemporaryPassword, token: string | null): SetupResult {
  if (hasFestival(tx)) throw new Refusal('setup:exists');
  if (token !== null) {
    // Used up here, in the same transaction: of two requests with one link, only one gets through.
    const used = tx.update(setupToken).set({ usedAt: new Date().toISOString() })
      .where(and(eq(setupToken.tokenHash, tokenHash(token)), isNull(setupToken.usedAt))).returning({ id: setupToken.id }).all();
    if (used.length !== 1) throw new Refusal('setup:token');
  }
  const { id: editionId } = tx.insert(edition).values({
    name: values.nameEn, nameZh: values.nameZh, nameRu: values.nameRu, nameKk: values.nameKk,
    city: values.cityEn, cityZh: values.cityZh, cityRu: values.cityRu, cityKk: values.cityKk,
    startsOn: values.startsOn, endsOn: values.endsOn, timeZone: values.timeZone, demo: false,
  }).returning({ id: edition.id }).get();
  assignEditionSlug(tx, editionId);
  const { id: juryId } = tx.insert(jury).values({ editionId, slug: 'main' }).returning({ id: jury.id }).get();
  DEMO_NOMINATIONS.forEach((n, i) => tx.insert(nomination).values({ ...n, juryId, position: i + 1 }).run());
  const { id } = tx.insert(user).values({
    login: values.organiser, displayName: values.organiserName || values.organiser, role: 'organiser',
    passwordHash: organiser.passwordHash, mustChangePassword: true,
  }).returning({ id: user.id }).get();
  appendAudit(tx, { actorId: null, action: 'festival.setup', payload: { ...values, organiserId: id, via: token === null ? 'command' : 'link', accounts: [accountState(tx, id)] } });
  return { organiser: values.organiser, password: organiser.password };
}

/** From the command line (`npm run setup`): the festival in one transaction. */
export async function createFestival(db: DB, values: SetupValues): Promise<SetupResult> {
  if (hasFestival(db)) throw new Refusal('setup:exists');
  const organiser = await prepareTemporaryPassword();
  return db.transaction((tx) => writeFestival(tx, values, organiser, null), { behavior: 'immediate' });
}

/**
 * The browser set-up behind the one-time link the server prints when started with JURY_DEMO=0.
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
  handler: ({ input, tx, prepared, token }) => writeFestival(tx, input, prepared, token),
} satisfies TokenActionSpec<typeof SetupInput, SetupResult, TemporaryPassword>;
