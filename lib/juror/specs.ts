// The jury and its accounts: add a juror, edit, make one the chair, deactivate and reactivate,
// reset a password. Organisers never see or set a password: they issue a temporary one, shown once,
// stored only as its argon2id hash, that must be changed at the first sign-in.
import { and, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { juryMember, LOCALES, signinToken, user as userTable } from '@/db/schema';
import { seat, servedJury, memberOfServedJury } from '@/lib/festival/members';
import { Refusal, type ActionSpec, type Tx } from '@/lib/server/action';
import { appendAudit } from '@/lib/audit';
import { accountState } from '@/lib/auth/account-state';
import { prepareTemporaryPassword, temporaryPassword, type TemporaryPassword } from './password';
import { getFestival, requireSetup } from '@/lib/festival/phase';
import { needsApproval } from './approval-phases';
import { normaliseCountry, UNKNOWN_COUNTRY } from '@/lib/film/countries';
import { checkbox, id, text } from '@/lib/server/form';
import { login } from './fields';
import { recordCredential, voidSlips } from '@/lib/account/history';
import type { CredentialKind } from '@/db/schema';

const JURY_ROLES = ['juror', 'chair'] as const;

const country = z.preprocess(
  (v) => (v === '' || v == null ? null : v),
  z.string().refine((v) => normaliseCountry(v) !== null && normaliseCountry(v) !== UNKNOWN_COUNTRY, 'country').transform((v) => normaliseCountry(v)!).nullable(),
);
const locale = z.preprocess((v) => (v === '' || v == null ? null : v), z.enum(LOCALES).nullable());

export { temporaryPassword };

export function findJuror(tx: Tx, jurorId: number) {
  // A member of the served jury only (its role there): another jury's juror is not found here.
  const row = tx.select({ id: userTable.id, login: userTable.login, displayName: userTable.displayName, latinName: userTable.latinName, role: juryMember.role, active: userTable.active, seated: juryMember.active })
    .from(userTable).innerJoin(juryMember, memberOfServedJury).where(eq(userTable.id, jurorId)).get();
  if (!row || !(JURY_ROLES as readonly string[]).includes(row.role)) throw new Refusal('juror:not_found');
  return row;
}

/**
 * From the opening of voting until finalisation an account change (password, active flag, chair)
 * needs a second person: the organiser files a request (lib/juror/requests.ts) instead.
 */
function refuseDuringVoting(tx: Tx) {
  if (needsApproval(getFestival(tx).phase)) throw new Refusal('account:needs_approval');
}

/** Refuses once the awards are final; the jury's details stay editable during voting. */
function requireNotFinal(tx: Tx) {
  const f = getFestival(tx);
  if (f.phase === 'finalised' || f.phase === 'published') throw new Refusal('phase:finalised', { phase: f.phase });
  return f;
}

const AddInput = z.object({ displayName: text(200), login, country, locale });

export const addJurorSpec = {
  name: 'admin.addJuror',
  roles: ['organiser'],
  schema: AddInput,
  revalidate: ['/admin/jurors'],
  prepare: prepareTemporaryPassword,
  handler: ({ user, input, tx, prepared }) => {
    requireSetup(tx);
    const existing = tx.select({ id: userTable.id, role: userTable.role }).from(userTable).where(eq(userTable.login, input.login)).get();
    if (existing) return seatExisting(tx, user.id, existing);
    const { id: jurorId } = tx.insert(userTable).values({ ...input, passwordHash: prepared.passwordHash, role: 'juror', mustChangePassword: true }).returning({ id: userTable.id }).get();
    seat(tx, servedJury(tx), jurorId, 'juror');
    recordCredential(tx, jurorId, 'temporary', { id: user.id, how: 'organiser' });
    appendAudit(tx, { actorId: user.id, action: 'juror.add', payload: { id: jurorId, ...input, accounts: [accountState(tx, jurorId)] } });
    return { id: jurorId, login: input.login, password: prepared.password, seated: false };
  },
} satisfies ActionSpec<typeof AddInput, AddedJuror, TemporaryPassword>;

/** A new account with its temporary password (shown once), or an existing account seated (no password). */
type AddedJuror = { id: number; login: string; password: string | null; seated: boolean };

/**
 * A login that is already another jury's member's: one person, one account (issue 23). The account is
 * seated on the served jury as a juror, its names, password and other seats unchanged (the names typed
 * in the form are not applied: renaming is its own act, under its own rules). A login already on this
 * jury, or an organiser's (they run every jury already), is refused as taken, as before.
 */
function seatExisting(tx: Tx, actorId: number, existing: { id: number; role: string }): AddedJuror {
  const juryId = servedJury(tx);
  const here = tx.select({ id: juryMember.id }).from(juryMember).where(and(eq(juryMember.juryId, juryId), eq(juryMember.userId, existing.id))).get();
  if (existing.role === 'organiser' || here) throw new Refusal('juror:login_taken');
  seat(tx, juryId, existing.id, 'juror');
  const state = accountState(tx, existing.id);
  appendAudit(tx, { actorId, action: 'juror.seat', payload: { id: existing.id, jury: juryId, login: state.login, accounts: [state] } });
  return { id: existing.id, login: state.login, password: null, seated: true };
}

const UpdateInput = z.object({ id, displayName: text(200), country, locale });

export const updateJurorSpec = {
  name: 'admin.updateJuror',
  roles: ['organiser'],
  schema: UpdateInput,
  revalidate: ['/admin/jurors'],
  handler: ({ user, input, tx }) => {
    const f = requireNotFinal(tx);
    findJuror(tx, input.id);
    const before = tx.select({ country: userTable.country, displayName: userTable.displayName, latinName: userTable.latinName }).from(userTable).where(eq(userTable.id, input.id)).get()!;
    // The country decides recusal by nationality: frozen with the rest of the setup.
    if (before.country !== input.country && f.phase !== 'setup') throw new Refusal('phase:frozen', { phase: f.phase });
    // A rename during voting goes through the two-person rule (lib/juror/proposals.ts): a name is
    // what an approver reads (issue 20, route 2: relabel, then ask).
    if (before.displayName !== input.displayName && needsApproval(f.phase)) throw new Refusal('account:needs_approval');
    const { id: jurorId, ...values } = input;
    tx.update(userTable).set({ ...values, placeholder: false }).where(eq(userTable.id, jurorId)).run();
    const renamed = before.displayName !== input.displayName;
    appendAudit(tx, {
      actorId: user.id,
      action: 'juror.update',
      payload: { ...input, ...(renamed ? { from: { displayName: before.displayName, latinName: before.latinName } } : {}), accounts: [accountState(tx, jurorId)] },
    });
    return null;
  },
} satisfies ActionSpec<typeof UpdateInput, null>;

const IdInput = z.object({ id });

export const makeChairSpec = {
  name: 'admin.makeChair',
  roles: ['organiser'],
  schema: IdInput,
  revalidate: ['/admin/jurors', '/admin'],
  handler: ({ user, input, tx }) => {
    refuseDuringVoting(tx);
    requireSetup(tx);
    const target = findJuror(tx, input.id);
    if (!target.active) throw new Refusal('juror:inactive');
    const demoted = applyMakeChair(tx, target.id);
    appendAudit(tx, { actorId: user.id, action: 'juror.make_chair', payload: { id: target.id, demoted, accounts: [target.id, ...demoted].map((a) => accountState(tx, a)) } });
    return null;
  },
} satisfies ActionSpec<typeof IdInput, null>;

const ActiveInput = z.object({ id, active: checkbox });

export const setJurorActiveSpec = {
  name: 'admin.setJurorActive',
  roles: ['organiser'],
  schema: ActiveInput,
  revalidate: ['/admin/jurors', '/admin'],
  handler: ({ user, input, tx }) => {
    requireNotFinal(tx);
    const target = findJuror(tx, input.id);
    if (!input.active && target.role === 'chair') throw new Refusal('juror:chair');
    if (target.active === input.active) return null;
    refuseDuringVoting(tx);
    applyActive(tx, target.id, input.active);
    appendAudit(tx, { actorId: user.id, action: input.active ? 'juror.reactivate' : 'juror.deactivate', payload: { id: target.id, accounts: [accountState(tx, target.id)] } });
    return null;
  },
} satisfies ActionSpec<typeof ActiveInput, null>;

const SeatInput = z.object({ id, seated: checkbox });

/**
 * Removes a person from the served jury only, or seats them there again (issue 23): their account, and
 * their seat and rights in any other jury, stay as they are (deactivating the account is
 * setJurorActiveSpec). In this jury it does what deactivation does: no right here, not expected to vote,
 * and a ballot already submitted keeps counting (lib/juror/standing.ts). The chair is not removed (make
 * another the chair first); from the opening of voting it needs the two-person rule, as a deactivation
 * does, and is refused here.
 */
export const setSeatActiveSpec = {
  name: 'admin.setSeatActive',
  roles: ['organiser'],
  schema: SeatInput,
  revalidate: ['/admin/jurors', '/admin'],
  handler: ({ user, input, tx }) => {
    requireNotFinal(tx);
    const target = findJuror(tx, input.id);
    if (!input.seated && target.role === 'chair') throw new Refusal('juror:chair');
    if (target.seated === input.seated) return null;
    refuseDuringVoting(tx);
    const juryId = servedJury(tx);
    tx.update(juryMember).set({ active: input.seated }).where(and(eq(juryMember.juryId, juryId), eq(juryMember.userId, target.id))).run();
    appendAudit(tx, { actorId: user.id, action: input.seated ? 'juror.reseat' : 'juror.remove', payload: { id: target.id, jury: juryId, accounts: [accountState(tx, target.id)] } });
    return null;
  },
} satisfies ActionSpec<typeof SeatInput, null>;

// The changes themselves, shared by the direct actions (setup) and the approval of a request (voting).

/**
 * Makes `targetId` the served jury's chair; exactly one chair per jury: that jury's old one becomes a
 * juror of it in the same transaction (another jury's chair stays its chair). Returns the demoted.
 */
export function applyMakeChair(tx: Tx, targetId: number): number[] {
  return seat(tx, servedJury(tx), targetId, 'chair').filter((id) => id !== targetId);
}

/** Deactivation ends the juror's sessions at once: the guard compares session versions. */
export function applyActive(tx: Tx, targetId: number, active: boolean) {
  tx.update(userTable).set({ active, sessionVersion: sql`${userTable.sessionVersion} + 1` }).where(eq(userTable.id, targetId)).run();
}

/**
 * Replaces the password (null: none until a temporary one is issued), ends every session and voids
 * any sign-in link or slip still outstanding: one way in at a time. `set` says who set it, for the
 * owner's history and the chair (lib/account/history.ts).
 */
export function applyPassword(tx: Tx, targetId: number, passwordHash: string | null, set: { kind: CredentialKind; by: number; how: 'organiser' | 'approval' }) {
  tx.update(userTable)
    .set({ passwordHash, mustChangePassword: true, sessionVersion: sql`${userTable.sessionVersion} + 1` })
    .where(eq(userTable.id, targetId))
    .run();
  tx.update(signinToken).set({ usedAt: new Date().toISOString() }).where(and(eq(signinToken.userId, targetId), isNull(signinToken.usedAt))).run();
  voidSlips(tx, targetId);
  recordCredential(tx, targetId, set.kind, { id: set.by, how: set.how });
}

const ResetInput = z.object({ id });

export const resetPasswordSpec = {
  name: 'admin.resetPassword',
  roles: ['organiser'],
  schema: ResetInput,
  revalidate: ['/admin/jurors', '/admin'],
  prepare: prepareTemporaryPassword,
  handler: ({ user, input, tx, prepared }) => {
    requireNotFinal(tx);
    const target = findJuror(tx, input.id);
    if (!target.active) throw new Refusal('juror:inactive');
    refuseDuringVoting(tx);
    applyPassword(tx, target.id, prepared.passwordHash, { kind: 'temporary', by: user.id, how: 'organiser' });
    appendAudit(tx, { actorId: user.id, action: 'juror.reset_password', payload: { id: target.id, accounts: [accountState(tx, target.id)] } });
    return { login: target.login, password: prepared.password };
  },
} satisfies ActionSpec<typeof ResetInput, { login: string; password: string }, TemporaryPassword>;
