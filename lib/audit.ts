// The audit log: every write appends one entry inside the write's own transaction. Entries are
// hash-chained (sha256 of the previous hash and this entry's canonical content).
import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit } from '@/db/schema';
import { canonicalJson } from './canonical';
import { prepared } from './prepared';

export const GENESIS_HASH = '0'.repeat(64);

type Tx = Pick<DB, 'select' | 'insert' | 'update' | 'delete'>;

export interface AuditInput {
  actorId: number | null;
  action: string;
  payload: Record<string, unknown>;
}

export function entryHash(prevHash: string, e: { at: string; actorId: number | null; action: string; payload: string }): string {
  const content = canonicalJson({ at: e.at, actorId: e.actorId, action: e.action, payload: e.payload });
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex');
}

/** Appends an entry; call it inside the (immediate) transaction that makes the change. */
export function appendAudit(tx: Tx, input: AuditInput): void {
  const last = prepared(tx, 'audit.last', (q) => q.select({ hash: audit.hash }).from(audit).orderBy(desc(audit.id)).limit(1).prepare()).get();
  const prevHash = last?.hash ?? GENESIS_HASH;
  const at = new Date().toISOString();
  const payload = canonicalJson(input.payload);
  const hash = entryHash(prevHash, { at, actorId: input.actorId, action: input.action, payload });
  prepared(tx, 'audit.append', (q) =>
    q.insert(audit)
      .values({
        at: sql.placeholder('at'), actorId: sql.placeholder('actorId'), action: sql.placeholder('action'),
        payload: sql.placeholder('payload'), prevHash: sql.placeholder('prevHash'), hash: sql.placeholder('hash'),
      })
      .prepare(),
  ).run({ at, actorId: input.actorId, action: input.action, payload, prevHash, hash });
}

export type ChainStatus = { ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; why: string };

/** Walks the whole chain from the first entry. */
export function verifyChain(db: DB): ChainStatus {
  let prev = GENESIS_HASH;
  let n = 0;
  const rows = db.select().from(audit).orderBy(asc(audit.id)).all();
  for (const row of rows) {
    n++;
    if (row.prevHash !== prev) return { ok: false, entries: n, brokenAt: row.id, why: 'prev_hash' };
    const h = entryHash(prev, row);
    if (h !== row.hash) return { ok: false, entries: n, brokenAt: row.id, why: 'hash' };
    prev = row.hash;
  }
  return { ok: true, entries: n };
}
