// The audit log: every write appends one entry inside the write's own transaction. Entries are
// chained: each hash is HMAC-SHA256, with the key kept outside the database (lib/audit/key.ts), over
// the previous hash and this entry's canonical content. Without the key nobody can edit an entry and
// re-hash the chain after it; a log cut short is caught by the head printed in the protocol.
// Entries written before the key existed (keyed = 0) are plain SHA-256 and are accepted only as the
// log's beginning, sealed by the keyed `audit.seal` entry written when the database was migrated.
import { createHash, createHmac } from 'node:crypto';
import { asc, desc, eq, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit } from '@/db/schema';
import { connectionOf } from '@/db/connection';
import { canonicalJson } from '@/lib/canonical';
import { loadAuditKey } from './key';
import { prepared } from '@/lib/server/prepared';

export const GENESIS_HASH = '0'.repeat(64);

type Tx = Pick<DB, 'select' | 'insert' | 'update' | 'delete'>;

export interface AuditInput {
  actorId: number | null;
  action: string;
  payload: Record<string, unknown>;
}

// The key of each connection, found from its database file once (db/connection.ts: a database and
// its transactions share one connection, as in lib/server/prepared.ts).
const keys = new WeakMap<object, Buffer>();

export function auditKeyOf(q: object): Buffer {
  const connection = connectionOf(q);
  let key = keys.get(connection);
  if (!key) {
    key = loadAuditKey(connection.name);
    keys.set(connection, key);
  }
  return key;
}

/** The hash of an entry: keyed (HMAC) unless `key` is null (an entry from before the key). */
export function entryHash(prevHash: string, e: { at: string; actorId: number | null; action: string; payload: string }, key: Buffer | null): string {
  const content = canonicalJson({ at: e.at, actorId: e.actorId, action: e.action, payload: e.payload });
  const h = key ? createHmac('sha256', key) : createHash('sha256');
  return h.update(prevHash).update('\n').update(content).digest('hex');
}

/** Appends an entry; call it inside the (immediate) transaction that makes the change. */
export function appendAudit(tx: Tx, input: AuditInput): void {
  const last = prepared(tx, 'audit.last', (q) => q.select({ hash: audit.hash }).from(audit).orderBy(desc(audit.id)).limit(1).prepare()).get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const payload = canonicalJson(input.payload);
  const hash = entryHash(prevHash, { at, actorId: input.actorId, action: input.action, payload }, auditKeyOf(tx));
  prepared(tx, 'audit.append', (q) =>
    q.insert(audit)
      .values({
        at: sql.placeholder('at'), actorId: sql.placeholder('actorId'), action: sql.placeholder('action'),
        payload: sql.placeholder('payload'), prevHash: sql.placeholder('prevHash'), hash: sql.placeholder('hash'),
      })
      .prepare(),
  ).run({ at, actorId: input.actorId, action: input.action, payload, prevHash, hash });
}

/** An entry's payload as an object ({} if it is not one): the replays read what each entry states. */
export function payloadOf(e: { payload: string }): Record<string, unknown> {
  try {
    const p: unknown = JSON.parse(e.payload);
    return p && typeof p === 'object' && !Array.isArray(p) ? (p as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** The chain's head: how many entries it has and the last one's hash ("<entries>:<hash>"). */
export interface ChainHead { entries: number; hash: string }

export function formatHead(h: ChainHead): string {
  return `${h.entries}:${h.hash}`;
}

/** "<entries>:<hash>" or a bare hash (then entries is null). */
export function parseHead(text: string): { entries: number | null; hash: string } | null {
  const m = /^(?:(\d{1,12}):)?([0-9a-f]{64})$/.exec(text.trim().toLowerCase());
  return m ? { entries: m[1] ? Number(m[1]) : null, hash: m[2] } : null;
}

export function chainHead(tx: Tx): ChainHead {
  const last = tx.select({ hash: audit.hash }).from(audit).orderBy(desc(audit.id)).limit(1).get();
  const n = tx.select({ n: sql<number>`count(*)` }).from(audit).get()!.n;
  return { entries: n, hash: last?.hash ?? GENESIS_HASH };
}

export type ChainBreak = 'prev_hash' | 'hash' | 'unsealed_legacy' | 'legacy_after_keyed';
export type ChainStatus = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; why: ChainBreak };

/** Walks the whole chain from the first entry; `onEntry` sees each verified entry in order (1-based). */
export function verifyChain(db: DB, onEntry?: (n: number, row: typeof audit.$inferSelect) => void): ChainStatus {
  return verifyEntries(db.select().from(audit).orderBy(asc(audit.id)).all(), auditKeyOf(db), onEntry);
}

/** The same walk over entries read by other means (a backup checked with the key it will be used with). */
export function verifyEntries<R extends typeof audit.$inferSelect>(rows: R[], key: Buffer, onEntry?: (n: number, row: R) => void): ChainStatus {
  let prev = GENESIS_HASH;
  let n = 0;
  let keyedSeen = false;
  let legacy = 0;
  for (const row of rows) {
    n++;
    if (row.prevHash !== prev) return { ok: false, entries: n, brokenAt: row.id, why: 'prev_hash' };
    if (!row.keyed) {
      if (keyedSeen) return { ok: false, entries: n, brokenAt: row.id, why: 'legacy_after_keyed' };
      legacy++;
    } else if (!keyedSeen) {
      keyedSeen = true;
      // Unkeyed entries count only when the migration that introduced the key sealed them.
      if (legacy > 0 && row.action !== 'audit.seal') return { ok: false, entries: n, brokenAt: row.id, why: 'unsealed_legacy' };
    }
    if (entryHash(prev, row, row.keyed ? key : null) !== row.hash) return { ok: false, entries: n, brokenAt: row.id, why: 'hash' };
    onEntry?.(n, row);
    prev = row.hash;
  }
  if (legacy > 0 && !keyedSeen) return { ok: false, entries: 1, brokenAt: rows[0].id, why: 'unsealed_legacy' };
  return { ok: true, entries: n };
}

/**
 * After the migration that introduced the key (0001–0002: every older entry marked keyed = 0), the
 * first open seals those entries with a keyed entry naming how many there were and the last one's
 * hash. Called by openDatabase only when that migration has just run, never later, so a log rewritten
 * as unkeyed entries afterwards is never sealed and fails verification.
 */
export function sealLegacyChain(db: DB): void {
  db.transaction((tx) => {
    const legacy = tx.select({ n: sql<number>`count(*)` }).from(audit).where(eq(audit.keyed, false)).get()!.n;
    const keyed = tx.select({ id: audit.id }).from(audit).where(eq(audit.keyed, true)).limit(1).get();
    if (legacy === 0 || keyed) return;
    const head = chainHead(tx);
    appendAudit(tx, { actorId: null, action: 'audit.seal', payload: { legacyEntries: legacy, legacyHead: head.hash } });
  }, { behavior: 'immediate' });
}
