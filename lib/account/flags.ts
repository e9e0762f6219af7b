// What the chair sees of accounts set up or used by anyone but their owner, from setup on.
//
// A signal here must be clear and rare, or the chair learns to ignore it. So, per juror account
// (the chair's included), only these, strongest first:
// - not_me: the owner answered "something here was not me" (lib/account/history.ts). Nobody else
//   can answer for them, so it is never noise.
// - shared_device: the account was signed in to, or its password chosen, from a browser that has
//   also signed in as an organiser (the device cookie). An organiser has no business at a juror's
//   account from their own browser; a juror borrowing an organiser's laptop is rare and worth a word.
// - foreign_credential: the only way in is a credential someone else set (a slip, a temporary
//   password) that the owner has not replaced by their own. Expected after printing the slips, so it
//   is listed apart, as a list of names, not as a warning.
// - unconfirmed: the owner has history they would be asked about and have not answered: a
//   credential set, or a sign-in from a device other than the one they last used that they have not
//   confirmed. Their own sign-ins from their usual device never count, so this stays quiet.
// Not flagged: sign-ins from many addresses (phones roam), or the same address as an organiser (a
// festival's wifi gives everyone one address).
import 'server-only';
import { and, desc, eq, inArray, isNotNull } from 'drizzle-orm';
import type { DB } from '@/db';
import { accountSignIn, credentialSet, historyAnswer, juryMember, user as userTable } from '@/db/schema';
import { memberOfServedJury, seatedActive } from '@/lib/festival/members';
import { Refusal } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { unansweredHistory } from './history';

type Read = Pick<DB, 'select'>;

export type AccountFlag =
  | { kind: 'not_me'; at: string }
  | { kind: 'shared_device'; at: string }
  | { kind: 'foreign_credential'; credential: 'slip' | 'temporary' | 'reset'; at: string }
  | { kind: 'unconfirmed' };

export type FlaggedAccount = { id: number; login: string; displayName: string; latinName: string | null; flags: AccountFlag[] };

/** Every juror account with at least one flag. */
export function accountFlags(db: Read): FlaggedAccount[] {
  const jury = db.select({ id: userTable.id, login: userTable.login, displayName: userTable.displayName, latinName: userTable.latinName, active: seatedActive })
    .from(userTable).innerJoin(juryMember, memberOfServedJury).all().filter((u) => u.active);
  const organisers = db.select({ id: userTable.id }).from(userTable).where(eq(userTable.role, 'organiser')).all().map((u) => u.id);
  const organiserDevices = new Set(organisers.length === 0 ? [] : db.select({ d: accountSignIn.deviceId }).from(accountSignIn)
    .where(and(inArray(accountSignIn.userId, organisers), isNotNull(accountSignIn.deviceId))).all().map((r) => r.d!));
  const out: FlaggedAccount[] = [];
  for (const u of jury) {
    const flags: AccountFlag[] = [];
    const notMe = db.select({ at: historyAnswer.at }).from(historyAnswer)
      .where(and(eq(historyAnswer.userId, u.id), eq(historyAnswer.verdict, 'not_me'))).orderBy(desc(historyAnswer.id)).get();
    if (notMe) flags.push({ kind: 'not_me', at: notMe.at });
    const shared = [
      ...db.select({ d: accountSignIn.deviceId, at: accountSignIn.at }).from(accountSignIn).where(eq(accountSignIn.userId, u.id)).all(),
      ...db.select({ d: credentialSet.deviceId, at: credentialSet.at }).from(credentialSet).where(eq(credentialSet.userId, u.id)).all(),
    ].filter((r) => r.d && organiserDevices.has(r.d)).map((r) => r.at).sort();
    if (shared.length) flags.push({ kind: 'shared_device', at: shared.at(-1)! });
    const lastSet = db.select({ kind: credentialSet.kind, how: credentialSet.how, at: credentialSet.at }).from(credentialSet)
      .where(eq(credentialSet.userId, u.id)).orderBy(desc(credentialSet.id)).get();
    // A used slip no longer works, but until the owner chooses a password nothing of theirs replaced it.
    if (lastSet && lastSet.kind !== 'chosen') flags.push({ kind: 'foreign_credential', credential: lastSet.kind, at: lastSet.at });
    if (unansweredHistory(db, u.id, undefined).needsAnswer) flags.push({ kind: 'unconfirmed' });
    if (flags.length) out.push({ id: u.id, login: u.login, displayName: u.displayName, latinName: u.latinName, flags });
  }
  const weight = (f: FlaggedAccount) => Math.min(...f.flags.map((x) => ['not_me', 'shared_device', 'foreign_credential', 'unconfirmed'].indexOf(x.kind)));
  return out.sort((a, b) => weight(a) - weight(b) || a.displayName.localeCompare(b.displayName));
}

/** The chair's read; anyone else is refused (organisers above all: it is about them). */
export function accountFlagsFor(db: Read, viewer: SessionUser | null): FlaggedAccount[] {
  if (!viewer || !viewer.active || viewer.role !== 'chair') throw new Refusal('forbidden:role');
  return accountFlags(db);
}
