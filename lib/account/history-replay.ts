// audit:verify for an account's history (called from lib/audit-replay.ts): the sign-ins and the
// owner's answers that the owner is asked about and the chair's flags are read from (lib/account/
// history.ts, flags.ts) must be those the keyed log records. Whoever holds the file without the key
// could otherwise delete the sign-in of a hand that was not the owner's, or add an answer "this was
// all me" in the owner's name, and neither the owner nor the chair would be asked or shown anything.
// Sign-ins are matched from the first entry that names its `via` (entries written since the table
// exists); an earlier auth.login has no row to match.
import { asc } from 'drizzle-orm';
import type { DB } from '@/db';
import { accountSignIn, historyAnswer, type AuditEntry } from '@/db/schema';

function payloadOf(e: AuditEntry): Record<string, unknown> {
  try {
    return JSON.parse(e.payload) as Record<string, unknown>;
  } catch {
    return {};
  }
}

/** Compares two lists of keys per account, naming the first difference of each account. */
function compare(what: string, logged: Map<number, string[]>, stored: Map<number, string[]>): string[] {
  const problems: string[] = [];
  for (const id of new Set([...logged.keys(), ...stored.keys()])) {
    const a = logged.get(id) ?? [];
    const b = stored.get(id) ?? [];
    if (a.join('\n') === b.join('\n')) continue;
    const i = a.findIndex((x, k) => x !== b[k]);
    const n = i === -1 ? Math.min(a.length, b.length) : i;
    problems.push(`account ${id}: its ${what} differ from the audited ones (the log has ${a.length}, the table ${b.length}; the first difference is number ${n + 1})`);
  }
  return problems;
}

function push(m: Map<number, string[]>, id: number, key: string) {
  const list = m.get(id) ?? [];
  list.push(key);
  m.set(id, list);
}

export function replayAccountHistory(db: DB, entries: AuditEntry[]): string[] {
  const loggedIn = new Map<number, string[]>();
  const loggedAnswers = new Map<number, string[]>();
  for (const e of entries) {
    if (e.actorId === null) continue;
    const p = payloadOf(e);
    if (e.action === 'auth.login' && typeof p.via === 'string') push(loggedIn, e.actorId, JSON.stringify([p.via, p.address ?? null, p.device ?? null]));
    if (e.action === 'account.history_answer') push(loggedAnswers, e.actorId, JSON.stringify([p.verdict, p.signInUpTo, p.credentialUpTo]));
  }
  const storedIn = new Map<number, string[]>();
  for (const r of db.select().from(accountSignIn).orderBy(asc(accountSignIn.id)).all()) push(storedIn, r.userId, JSON.stringify([r.via, r.address, r.device]));
  const storedAnswers = new Map<number, string[]>();
  for (const r of db.select().from(historyAnswer).orderBy(asc(historyAnswer.id)).all()) push(storedAnswers, r.userId, JSON.stringify([r.verdict, r.signInUpTo, r.credentialUpTo]));
  return [...compare('sign-ins', loggedIn, storedIn), ...compare('answers to its history', loggedAnswers, storedAnswers)];
}
