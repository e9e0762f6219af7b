// What an approver reads beside a request about an account, besides its display name: what cannot
// be relabelled. The login, every name the account had (with when and by whom it changed), and the
// account's history: created, credentials set (by its owner or by someone else), resets, role and
// active changes, sign-ins. Read from the audit log, which every account writer feeds (the accounts
// contract, lib/auth/account-state.ts, and the entries listed in READERS below).
//
// To extend (a new credential kind, recorded sign-ins with a device): add the audit action to
// READERS with what it means for the account; nothing else changes.
import 'server-only';
import { asc, eq, inArray, or } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit, user as userTable, type Role } from '@/db/schema';
import { shownRole } from '@/lib/festival/members';

export type HistoryEventKind =
  | 'created' | 'renamed' | 'password_set' | 'password_changed' | 'slip' | 'reset_approved'
  | 'deactivated' | 'reactivated' | 'made_chair' | 'role_changed' | 'signed_in' | 'failed_signins';
export type Person = { name: string; latinName: string | null; role: Role } | null;
export type NameEntry = { displayName: string; latinName: string | null; at: string | null; by: Person; self: boolean };
export type HistoryEvent = { kind: HistoryEventKind; at: string; by: Person; self: boolean };
export type AccountHistory = { id: number; login: string; displayName: string; latinName: string | null; role: Role; names: NameEntry[]; events: HistoryEvent[] };

type Payload = Record<string, unknown>;
type Name = { displayName: string; latinName: string | null };
type Reading = { events?: HistoryEventKind[]; name?: Name; from?: Name };

const num = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
const nameOf = (v: unknown): Name | undefined => {
  const o = v as { displayName?: unknown; latinName?: unknown } | null;
  return o && typeof o.displayName === 'string' ? { displayName: o.displayName, latinName: typeof o.latinName === 'string' ? o.latinName : null } : undefined;
};
const ids = (v: unknown): number[] => (Array.isArray(v) ? v.map((x) => num(typeof x === 'object' && x ? (x as { id?: unknown }).id : x)) : []);

/** What each audit action says about account `uid` (acted on by `actor`), or nothing. */
const READERS: Record<string, (p: Payload, uid: number, actor: number | null, login: string) => Reading | undefined> = {
  // A new edition's set-up that reused an existing organiser's account created and changed nothing of it.
  'festival.setup': (p, uid) => (num(p.organiserId) === uid && p.organiserReused !== true ? { events: ['created', 'password_set'], name: { displayName: String(p.organiserName || p.organiser), latinName: null } } : undefined),
  'organiser.add': (p, uid) => (num(p.id) === uid ? { events: ['created', 'password_set'] } : undefined),
  'juror.add': (p, uid) => (num(p.id) === uid ? { events: ['created', 'password_set'], name: nameOf(p) } : undefined),
  'juror.import': (p, _uid, _a, login) => (Array.isArray(p.added) && p.added.includes(login) ? { events: ['created'] }
    : Array.isArray(p.updated) && (p.updated as { login?: string; fields?: string[] }[]).some((u) => u.login === login && u.fields?.some((f) => f === 'displayName' || f === 'latinName')) ? { events: ['renamed'] } : undefined),
  'juror.update': (p, uid) => (num(p.id) === uid ? { name: nameOf(p), from: nameOf(p.from) } : undefined),
  'juror.issue_slips': (p, uid) => (ids(p.jurors).includes(uid) ? { events: ['slip'] } : undefined),
  'juror.reset_password': (p, uid) => (num(p.id) === uid ? { events: ['password_set'] } : undefined),
  'juror.deactivate': (p, uid) => (num(p.id) === uid ? { events: ['deactivated'] } : undefined),
  'juror.reactivate': (p, uid) => (num(p.id) === uid ? { events: ['reactivated'] } : undefined),
  'juror.make_chair': (p, uid) => (num(p.id) === uid ? { events: ['made_chair'] } : ids(p.demoted).includes(uid) ? { events: ['role_changed'] } : undefined),
  'account.approve': (p, uid) => {
    if (num(p.target) === uid) {
      const kind = ({ reset_password: 'reset_approved', deactivate: 'deactivated', reactivate: 'reactivated', make_chair: 'made_chair' } as const)[String(p.kind) as 'deactivate'];
      return kind ? { events: [kind] } : undefined;
    }
    return ids(p.demoted).includes(uid) ? { events: ['role_changed'] } : undefined;
  },
  'account.approve_proposal': (p, uid) => (num(p.target) === uid ? { events: p.kind === 'add_organiser' ? ['created'] : [], from: nameOf(p.from) } : undefined),
  'account.issue_password': (p, uid) => (num(p.target) === uid ? { events: ['password_set'] } : undefined),
  'account.password': (_p, uid, actor) => (actor === uid ? { events: ['password_changed'] } : undefined),
  'auth.failed_signins': (p, uid) => (num(p.id) === uid ? { events: ['failed_signins'] } : undefined),
  'auth.login': (_p, uid, actor) => (actor === uid ? { events: ['signed_in'] } : undefined),
};

/** The account's own state in an entry that follows the accounts contract. */
function stateIn(p: Payload, uid: number): Name | undefined {
  if (!Array.isArray(p.accounts)) return undefined;
  const s = (p.accounts as { id?: unknown }[]).find((a) => a && num(a.id) === uid);
  return s ? nameOf(s) : undefined;
}

export function accountHistory(db: Pick<DB, 'select'>, userId: number): AccountHistory | null {
  const u = db.select({ id: userTable.id, login: userTable.login, displayName: userTable.displayName, latinName: userTable.latinName, role: shownRole, createdAt: userTable.createdAt })
    .from(userTable).where(eq(userTable.id, userId)).get();
  if (!u) return null;
  const people = new Map(db.select({ id: userTable.id, name: userTable.displayName, latinName: userTable.latinName, role: shownRole }).from(userTable).all().map((p) => [p.id, { name: p.name, latinName: p.latinName, role: p.role }]));
  const entries = db.select({ at: audit.at, actorId: audit.actorId, action: audit.action, payload: audit.payload })
    .from(audit)
    .where(or(inArray(audit.action, Object.keys(READERS)), eq(audit.actorId, userId)))
    .orderBy(asc(audit.id))
    .all();
  const names: NameEntry[] = [];
  const events: HistoryEvent[] = [];
  let current: Name | undefined;
  for (const e of entries) {
    let p: Payload;
    try {
      p = JSON.parse(e.payload) as Payload;
    } catch {
      continue;
    }
    const reading = READERS[e.action]?.(p, userId, e.actorId, u.login);
    const name = stateIn(p, userId) ?? reading?.name;
    if (!reading && !name) continue;
    const by = e.actorId === null ? null : people.get(e.actorId) ?? null;
    const self = e.actorId === userId;
    if (!current && reading?.from) names.push({ ...reading.from, at: null, by: null, self: false });
    const before = current ?? reading?.from;
    if (name && (!before || before.displayName !== name.displayName || before.latinName !== name.latinName)) {
      names.push({ ...name, at: e.at, by, self });
      if (before) events.push({ kind: 'renamed', at: e.at, by, self });
    }
    if (name) current = name;
    for (const kind of reading?.events ?? []) events.push({ kind, at: e.at, by, self });
  }
  // An account whose creation the log does not name (the demo seed): its name since it was created.
  if (names.length === 0) names.push({ displayName: u.displayName, latinName: u.latinName, at: u.createdAt, by: null, self: false });
  // A name the log never stated (written past the actions): shown, with nobody to answer for it.
  const last = names.at(-1)!;
  if (last.displayName !== u.displayName || last.latinName !== u.latinName) names.push({ displayName: u.displayName, latinName: u.latinName, at: null, by: null, self: false });
  return { id: u.id, login: u.login, displayName: u.displayName, latinName: u.latinName, role: u.role, names, events };
}
