// audit:verify for an account's history (called from lib/replay/audit.ts): the sign-ins, the
// passwords its owner chose (where from) and the owner's answers, which the owner is asked about and
// the chair's flags are read from (lib/account/history.ts, flags.ts), must be those the keyed log
// records. Whoever holds the file without the key could otherwise delete the sign-in of a hand that
// was not the owner's, move it to the owner's device (the device id decides "this device" and "an
// organiser's browser"), or add an answer "this was all me" in the owner's name, and neither the
// owner nor the chair would be asked or shown anything.
// Only entries that name what they are matched on count (written since: a sign-in's `via`, a
// password's `from`); a sign-in's device id, logged later than its `via`, matches anything in an
// entry without it (`undefined` below).
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { accountSignIn, credentialSet, historyAnswer, type AuditEntry } from '@/db/schema';
import { payloadOf } from '@/lib/audit';

type Key = (string | number | null | undefined)[];

const same = (logged: Key, stored: Key) => logged.length === stored.length && logged.every((x, i) => x === undefined || x === stored[i]);

/** Compares the logged and stored lists per account, naming the first difference of each account. */
function compare(what: string, logged: Map<number, Key[]>, stored: Map<number, Key[]>): string[] {
  const problems: string[] = [];
  for (const id of new Set([...logged.keys(), ...stored.keys()])) {
    const a = logged.get(id) ?? [];
    const b = stored.get(id) ?? [];
    const first = a.findIndex((x, k) => k >= b.length || !same(x, b[k]));
    if (first === -1 && a.length === b.length) continue;
    const n = first === -1 ? Math.min(a.length, b.length) : first;
    problems.push(`account ${id}: its ${what} differ from the audited ones (the log has ${a.length}, the table ${b.length}; the first difference is number ${n + 1})`);
  }
  return problems;
}

function push(m: Map<number, Key[]>, id: number, key: Key) {
  const list = m.get(id) ?? [];
  list.push(key);
  m.set(id, list);
}

const text = (v: unknown) => (typeof v === 'string' || v === null ? v : undefined);

export function replayAccountHistory(db: DB, entries: AuditEntry[]): string[] {
  const loggedIn = new Map<number, Key[]>();
  const loggedChosen = new Map<number, Key[]>();
  const loggedAnswers = new Map<number, Key[]>();
  for (const e of entries) {
    if (e.actorId === null) continue;
    const p = payloadOf(e);
    if (e.action === 'auth.login' && typeof p.via === 'string') push(loggedIn, e.actorId, [p.via, text(p.address), text(p.device), 'deviceId' in p ? text(p.deviceId) : undefined]);
    const f = p.from as Record<string, unknown> | undefined;
    if (e.action === 'account.password' && f && typeof f === 'object') push(loggedChosen, e.actorId, [text(f.device), text(f.deviceId), text(f.address)]);
    if (e.action === 'account.history_answer') push(loggedAnswers, e.actorId, [text(p.verdict), Number(p.signInUpTo), Number(p.credentialUpTo)]);
  }
  const storedIn = new Map<number, Key[]>();
  for (const r of db.select().from(accountSignIn).orderBy(asc(accountSignIn.id)).all()) push(storedIn, r.userId, [r.via, r.address, r.device, r.deviceId]);
  const storedChosen = new Map<number, Key[]>();
  for (const r of db.select().from(credentialSet).where(eq(credentialSet.how, 'owner')).orderBy(asc(credentialSet.id)).all()) push(storedChosen, r.userId, [r.device, r.deviceId, r.address]);
  const storedAnswers = new Map<number, Key[]>();
  for (const r of db.select().from(historyAnswer).orderBy(asc(historyAnswer.id)).all()) push(storedAnswers, r.userId, [r.verdict, r.signInUpTo, r.credentialUpTo]);
  return [
    ...compare('sign-ins', loggedIn, storedIn),
    ...compare('passwords chosen by the owner', loggedChosen, storedChosen),
    ...compare('answers to its history', loggedAnswers, storedAnswers),
  ];
}
