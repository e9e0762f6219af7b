// An account is its owner's alone, and any other hand on it shows (issue 20, route 1). This module
// records every sign-in of every account (when, device, address) and every time a credential was
// set (a password chosen, a sign-in slip or a temporary password issued, a reset approved) with who
// set it, keeps the sign-in slips as one-time records of their own, and gives the owner the history
// they have not yet answered ("this was all me" / "something here was not me").
//
// When the owner is asked (needsAnswer): a credential was set since their last answer (by anyone,
// themselves included: a juror handed a password they never chose reads "your password was chosen
// on … from …" and knows), or someone signed in from a device other than the one they are on now
// and one they have not confirmed before. Their own sign-ins from a device they use or confirmed do
// not ask again: a notice at every sign-in would be clicked away unread.
import 'server-only';
import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { DB } from '@/db';
import { accountRequest, accountSignIn, credentialSet, historyAnswer, slip, user as userTable, type CredentialKind } from '@/db/schema';
import { Refusal, type ActionSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { JUROR_ROLES } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/users';
import type { From } from './device';
import { servedRole } from '@/lib/festival/members';

type Read = Pick<DB, 'select'>;
type Write = Pick<Tx, 'insert' | 'update' | 'select'>;
const nowIso = () => new Date().toISOString();

export function recordSignIn(tx: Write, userId: number, from: From, via: 'password' | 'slip', at = nowIso()) {
  tx.insert(accountSignIn).values({ userId, at, device: from.device, deviceId: from.deviceId, address: from.address, via }).run();
}

/**
 * A credential of `userId` was set: by its owner ('owner', with where from), by an organiser
 * directly ('organiser') or by an approved request ('approval', byId the approver).
 */
export function recordCredential(tx: Write, userId: number, kind: CredentialKind, by: { id: number | null; how: 'owner' | 'organiser' | 'approval' }, from?: From) {
  tx.insert(credentialSet).values({ userId, at: nowIso(), kind, byId: by.id, how: by.how, device: from?.device ?? null, deviceId: from?.deviceId ?? null, address: from?.address ?? null }).run();
}

// --- Sign-in slips ---------------------------------------------------------------------------

/** A new slip for `userId`: any earlier slip not yet used is void, so one slip at a time works. */
export function issueSlip(tx: Write, userId: number, hash: string, issuedBy: number) {
  const at = nowIso();
  voidSlips(tx, userId, at);
  tx.insert(slip).values({ userId, hash, issuedBy, issuedAt: at }).run();
}

/** Every unused slip of the account becomes void (a password was set, a new slip was issued). */
export function voidSlips(tx: Write, userId: number, at = nowIso()) {
  tx.update(slip).set({ voidAt: at }).where(and(eq(slip.userId, userId), isNull(slip.usedAt), isNull(slip.voidAt))).run();
}

/** The account's slip that still works, if any (newest first; issueSlip keeps at most one). */
export function openSlip(db: Read, userId: number) {
  return db.select({ id: slip.id, hash: slip.hash }).from(slip)
    .where(and(eq(slip.userId, userId), isNull(slip.usedAt), isNull(slip.voidAt))).orderBy(desc(slip.id)).get();
}

/** The account's most recently used slip: the only one a sign-in is told about ("already used"). */
export function lastUsedSlip(db: Read, userId: number) {
  return db.select({ id: slip.id, hash: slip.hash, usedAt: slip.usedAt, usedDevice: slip.usedDevice }).from(slip)
    .where(and(eq(slip.userId, userId), sql`${slip.usedAt} is not null`)).orderBy(desc(slip.usedAt), desc(slip.id)).get();
}

/** Marks the slip used; false if another request used (or voided) it first. */
export function useSlip(tx: Write, slipId: number, from: From, at = nowIso()): boolean {
  const done = tx.update(slip).set({ usedAt: at, usedDevice: from.device, usedAddress: from.address })
    .where(and(eq(slip.id, slipId), isNull(slip.usedAt), isNull(slip.voidAt))).returning({ id: slip.id }).all();
  return done.length === 1;
}

/** Accounts that still hold a slip that works (the opening checks count them as having an account). */
export function accountsWithOpenSlip(db: Read): Set<number> {
  return new Set(db.select({ userId: slip.userId }).from(slip).where(and(isNull(slip.usedAt), isNull(slip.voidAt))).all().map((r) => r.userId));
}

// --- Approved changes the owner has not read yet (lib/juror/notice.ts) ---------------------------

/** Approved changes to this account that its holder has not yet acknowledged. */
export function unseenChanges(db: Read, userId: number) {
  return db.select({ id: accountRequest.id }).from(accountRequest)
    .where(and(eq(accountRequest.targetId, userId), eq(accountRequest.state, 'approved'), isNull(accountRequest.seenAt)))
    .orderBy(asc(accountRequest.id)).all();
}

export function markChangesSeen(tx: Write, changes: { id: number }[], at = nowIso()) {
  if (changes.length) tx.update(accountRequest).set({ seenAt: at }).where(inArray(accountRequest.id, changes.map((c) => c.id))).run();
}

// --- The owner's history ----------------------------------------------------------------------

export type HistoryEvent =
  | { type: 'credential'; id: number; at: string; kind: CredentialKind; by: 'self' | 'organiser' | 'chair'; device: string | null; address: string | null; thisDevice: boolean }
  | { type: 'signIn'; id: number; at: string; via: 'password' | 'slip'; device: string; address: string; thisDevice: boolean };

export type History = { events: HistoryEvent[]; needsAnswer: boolean; reported: boolean };

const SHOWN = 60; // the newest events; a longer history is summarised by its count

function answers(db: Read, userId: number) {
  return db.select().from(historyAnswer).where(eq(historyAnswer.userId, userId)).orderBy(asc(historyAnswer.id)).all();
}

/** Devices whose sign-ins the owner confirmed as theirs ("this was all me"). */
function confirmedDevices(db: Read, userId: number, given: ReturnType<typeof answers>): Set<string> {
  const out = new Set<string>();
  let from = 0;
  for (const a of given) {
    if (a.verdict === 'mine') {
      const rows = db.select({ d: accountSignIn.deviceId }).from(accountSignIn)
        .where(and(eq(accountSignIn.userId, userId), gt(accountSignIn.id, from), sql`${accountSignIn.id} <= ${a.signInUpTo}`)).all();
      for (const r of rows) if (r.d) out.add(r.d);
    }
    from = Math.max(from, a.signInUpTo);
  }
  return out;
}

/**
 * The history the owner has not yet answered, and whether to ask them now. `currentDeviceId` is the
 * device they are on (null: unknown, e.g. the chair's view, which takes the device of their latest
 * sign-in as theirs).
 */
export function unansweredHistory(db: Read, userId: number, currentDeviceId: string | null | undefined): History {
  const given = answers(db, userId);
  const last = given.at(-1);
  const creds = db.select().from(credentialSet)
    .where(and(eq(credentialSet.userId, userId), gt(credentialSet.id, last?.credentialUpTo ?? 0))).orderBy(asc(credentialSet.id)).all();
  const signIns = db.select().from(accountSignIn)
    .where(and(eq(accountSignIn.userId, userId), gt(accountSignIn.id, last?.signInUpTo ?? 0))).orderBy(asc(accountSignIn.id)).all();
  const current = currentDeviceId === undefined ? signIns.at(-1)?.deviceId ?? null : currentDeviceId;
  const confirmed = confirmedDevices(db, userId, given);
  const same = (d: string | null) => d === current; // two unknown devices cannot be told apart
  const roles = new Map(db.select({ id: userTable.id, role: servedRole }).from(userTable).all().map((u) => [u.id, u.role]));
  const events: HistoryEvent[] = [
    ...creds.map((c): HistoryEvent => ({
      type: 'credential', id: c.id, at: c.at, kind: c.kind,
      by: c.how === 'owner' && c.byId === userId ? 'self' : roles.get(c.byId ?? -1) === 'chair' ? 'chair' : 'organiser',
      device: c.device, address: c.address, thisDevice: c.device !== null && same(c.deviceId),
    })),
    ...signIns.map((s): HistoryEvent => ({ type: 'signIn', id: s.id, at: s.at, via: s.via, device: s.device, address: s.address, thisDevice: same(s.deviceId) })),
  ].sort((a, b) => a.at.localeCompare(b.at) || (a.type === b.type ? a.id - b.id : a.type === 'credential' ? -1 : 1));
  const foreignSignIn = signIns.some((s) => !same(s.deviceId) && !(s.deviceId && confirmed.has(s.deviceId)));
  return { events: events.slice(-SHOWN), needsAnswer: creds.length > 0 || foreignSignIn, reported: given.some((a) => a.verdict === 'not_me') };
}

/**
 * The page's read: the signed-in juror's (or chair's) own history, never anyone else's. Organisers
 * get nothing: the history is the owner's to read and answer.
 */
export function ownHistory(db: Read, viewer: SessionUser | null, currentDeviceId: string | null): History | null {
  if (!viewer || !viewer.active || !viewer.role || !JUROR_ROLES.includes(viewer.role)) return null;
  return unansweredHistory(db, viewer.id, currentDeviceId);
}

const AnswerInput = z.object({ verdict: z.enum(['mine', 'not_me']) }).strict();

/**
 * The owner answers the history shown to them, up to its newest entries; "not me" is shown to the
 * chair (lib/account/flags.ts). It also closes the notice of approved changes (lib/juror/notice.ts),
 * which is shown beside it.
 */
export const answerHistorySpec = {
  name: 'account.answerHistory',
  roles: JUROR_ROLES,
  schema: AnswerInput,
  revalidate: ['/jury', '/chair'],
  handler: ({ user, input, tx }) => {
    const signInUpTo = tx.select({ id: accountSignIn.id }).from(accountSignIn).where(eq(accountSignIn.userId, user.id)).orderBy(desc(accountSignIn.id)).get()?.id ?? 0;
    const credentialUpTo = tx.select({ id: credentialSet.id }).from(credentialSet).where(eq(credentialSet.userId, user.id)).orderBy(desc(credentialSet.id)).get()?.id ?? 0;
    const last = tx.select().from(historyAnswer).where(eq(historyAnswer.userId, user.id)).orderBy(desc(historyAnswer.id)).get();
    const unseen = unseenChanges(tx, user.id);
    const nothingNew = last && last.signInUpTo === signInUpTo && last.credentialUpTo === credentialUpTo && unseen.length === 0;
    if (nothingNew && input.verdict === 'mine') throw new Refusal('account:nothing_to_acknowledge');
    const at = nowIso();
    tx.insert(historyAnswer).values({ userId: user.id, at, verdict: input.verdict, signInUpTo, credentialUpTo }).run();
    markChangesSeen(tx, unseen, at);
    appendAudit(tx, { actorId: user.id, action: 'account.history_answer', payload: { verdict: input.verdict, signInUpTo, credentialUpTo, requests: unseen.map((r) => r.id) } });
    return null;
  },
} satisfies ActionSpec<typeof AnswerInput, null>;
