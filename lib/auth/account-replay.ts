// audit:verify for accounts (called from lib/replay/audit.ts): per account, the last state the keyed
// log states (every writer puts `accounts: [...]` in its entry, lib/auth/account-state.ts; databases
// older than that rule state them in their `audit.baseline`) must be the user row as stored: login,
// names, role, country, active flag, credential and must-change flag. A password hash swapped, two roles exchanged or a juror
// deactivated in the file alone is named here, and so is a user row that no entry ever stated: whoever
// holds the file without the key cannot make an account act as someone else unseen.
import { asc } from 'drizzle-orm';
import type { DB } from '@/db';
import { slip, user, type AuditEntry } from '@/db/schema';
import { payloadOf } from '@/lib/audit';
import { credentialDigest, membershipsByAccount, membershipsText, stateOfRow, type AccountState } from './account-state';

type Stated = { state: AccountState; entry: number; id: number };

function statesIn(e: AuditEntry): AccountState[] {
  const { accounts } = payloadOf(e);
  return Array.isArray(accounts) ? (accounts as AccountState[]).filter((a) => a && typeof a.id === 'number') : [];
}

const FIELDS: { key: keyof AccountState; say: (v: unknown) => string; name: string }[] = [
  { key: 'login', name: 'login', say: (v) => JSON.stringify(v) },
  { key: 'displayName', name: 'display name', say: (v) => JSON.stringify(v) },
  { key: 'latinName', name: 'Latin name', say: (v) => (v === null ? 'none' : JSON.stringify(v)) },
  { key: 'role', name: 'role', say: (v) => String(v) },
  { key: 'active', name: 'active flag', say: (v) => (v ? 'active' : 'inactive') },
  { key: 'country', name: 'country', say: (v) => (v === null ? 'none' : String(v)) },
  // Stated since the flag decides whether a temporary password must go (entries before say nothing of it).
  { key: 'mustChange', name: 'must-change-password flag', say: (v) => (v ? 'set' : 'clear') },
];

export function replayAccounts(db: DB, entries: AuditEntry[]): string[] {
  const problems: string[] = [];
  const stated = new Map<number, Stated>();
  for (const [i, e] of entries.entries()) {
    for (const s of statesIn(e)) stated.set(s.id, { state: s, entry: i + 1, id: e.id });
  }
  const rows = db.select().from(user).orderBy(asc(user.id)).all();
  const memberships = membershipsByAccount(db);
  for (const row of rows) {
    const now = stateOfRow(row, memberships.get(row.id) ?? []);
    const where = `user row ${row.id} (login ${row.login}, ${row.role})`;
    const last = stated.get(row.id);
    if (!last) {
      problems.push(`${where}: no audited entry created or stated this account (a user added in the file)`);
      continue;
    }
    const at = `entry ${last.entry} (id ${last.id})`;
    for (const f of FIELDS) {
      if (f.key in last.state && now[f.key] !== last.state[f.key]) problems.push(`${where}: ${f.name} is ${f.say(now[f.key])}, but the log's last statement of this account, ${at}, says ${f.say(last.state[f.key])}`);
    }
    // Stated since per-jury membership (lib/auth/members-upgrade.ts states every account): a chair
    // moved or a juror seated on a jury in the file alone is named here.
    if ('memberships' in last.state && membershipsText(now.memberships) !== membershipsText(last.state.memberships)) {
      problems.push(`${where}: its jury memberships are ${membershipsText(now.memberships)}, but the log's last statement of this account, ${at}, says ${membershipsText(last.state.memberships)}`);
    }
    if (now.credential !== last.state.credential) {
      problems.push(`${where}: its password hash is not the one the log last stated, ${at} (${last.state.credential === null ? 'none was set' : now.credential === null ? 'it was removed' : 'it was replaced'} without an audited change)`);
    }
  }
  const present = new Set(rows.map((r) => r.id));
  for (const [id, last] of stated) {
    if (!present.has(id)) problems.push(`account ${id} (login ${last.state.login}): stated at entry ${last.entry} (id ${last.id}), but the user table has no row for it`);
  }
  return problems;
}

/**
 * Each slip row must be one an audited issue of slips stated (its account and a digest of its hash,
 * lib/juror/import-specs.ts): a slip opens an account without a password of its own, so a slip's hash
 * replaced or a slip row added in the file would open it with a secret of the file holder's.
 */
export function replaySlips(db: DB, entries: AuditEntry[]): string[] {
  const stated = new Set<string>();
  for (const e of entries) {
    if (e.action !== 'juror.issue_slips') continue;
    const { slips } = payloadOf(e);
    for (const s of Array.isArray(slips) ? (slips as { id?: unknown; slip?: unknown }[]) : []) stated.add(`${String(s?.id)}:${String(s?.slip)}`);
  }
  return db.select({ id: slip.id, userId: slip.userId, hash: slip.hash }).from(slip).orderBy(asc(slip.id)).all()
    .filter((r) => !stated.has(`${r.userId}:${credentialDigest(r.hash)}`))
    .map((r) => `slip row ${r.id} (account ${r.userId}): no audited issue of slips stated it (its hash replaced, or the row added, in the file)`);
}
