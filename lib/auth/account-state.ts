// What the keyed audit log holds of an account, so that `npm run audit:verify` can replay it: whoever
// holds the database file without the audit key cannot swap a password hash, a role, an active flag or
// a name unseen (issue 20, route 6).
//
// The rule, for every writer: a transaction that changes an account's login, display name, Latin
// name, role, country, active flag, credential (password hash, passkey), must-change flag or jury memberships
// (jury_member: on which jury it sits, as juror or chair) appends, in its own audit entry's
// payload, `accounts: [accountState(tx, id), …]` for every account it changed, read after the change.
// The replay takes, per account, the last state the log states and compares it with the row.
// The credential is stored as a digest of the hash (itself salted): it tells that a hash changed,
// and nothing about the password.
import { createHash } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { juryMember, user as userTable } from '@/db/schema';
import type { DB } from '@/db';

type Tx = Pick<DB, 'select'>;

export interface AccountState {
  id: number;
  login: string;
  displayName: string;
  latinName: string | null;
  role: string;
  /** Decides recusal by nationality, hence which scores count. */
  country: string | null;
  active: boolean;
  /** SHA-256 of the stored password hash, or null when the account has no password. */
  credential: string | null;
  /** The password must be changed at the next sign-in: a temporary one cannot stay, and only then does a slip open the account (lib/auth/options.ts). */
  mustChange: boolean;
  /** The juries it sits on and its role in each, sorted by jury (issue 23): who chairs a jury or votes in it. */
  memberships: Membership[];
}

/** `left`: removed from that jury (jury_member.active false); absent while seated, so older statements read the same. */
export interface Membership { jury: number; role: string; left?: true }

/** Every account's memberships, by account id, each list sorted by jury. */
export function membershipsByAccount(tx: Tx, id?: number): Map<number, Membership[]> {
  const q = tx.select({ userId: juryMember.userId, jury: juryMember.juryId, role: juryMember.role, active: juryMember.active }).from(juryMember);
  const rows = (id === undefined ? q : q.where(eq(juryMember.userId, id))).orderBy(asc(juryMember.userId), asc(juryMember.juryId)).all();
  const by = new Map<number, Membership[]>();
  for (const r of rows) by.set(r.userId, [...(by.get(r.userId) ?? []), { jury: r.jury, role: r.role, ...(!r.active && { left: true as const }) }]);
  return by;
}

/** Memberships as one comparable string. */
export function membershipsText(m: Membership[] | undefined): string {
  return (m ?? []).map((x) => `${x.left ? 'removed ' : ''}${x.role} of jury ${x.jury}`).join(', ') || 'none';
}

export function credentialDigest(passwordHash: string | null): string | null {
  return passwordHash ? createHash('sha256').update(passwordHash).digest('hex') : null;
}

export function stateOfRow(u: { id: number; login: string; displayName: string; latinName: string | null; role: string; country: string | null; active: boolean; passwordHash: string | null; mustChangePassword: boolean }, memberships: Membership[]): AccountState {
  return { id: u.id, login: u.login, displayName: u.displayName, latinName: u.latinName, role: u.role, country: u.country, active: u.active, credential: credentialDigest(u.passwordHash), mustChange: u.mustChangePassword, memberships };
}

/** The account as it stands now in this transaction (call it after the change). */
export function accountState(tx: Tx, id: number): AccountState {
  const u = tx.select().from(userTable).where(eq(userTable.id, id)).get();
  if (!u) throw new Error(`accountState: no user ${id}`);
  return stateOfRow(u, membershipsByAccount(tx, id).get(id) ?? []);
}

/** Every account's state, for entries that create or change many at once (seed, import, slips). */
export function allAccountStates(tx: Tx): AccountState[] {
  const memberships = membershipsByAccount(tx);
  return tx.select().from(userTable).all().map((u) => stateOfRow(u, memberships.get(u.id) ?? [])).sort((a, b) => a.id - b.id);
}
