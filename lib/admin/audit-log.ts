// The audit log as organisers read it: newest first, paginated, filtered by actor and action.
// Redacted here, in the query layer: score values until the results are published, and private
// notes always (only their author ever sees them).
import 'server-only';
import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit, user } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';

export const PAGE_SIZE = 50;
export const REDACTED = '[redacted]';
// `steps` is a score too (the whole steps stored, lib/ballot/scale.ts), saved beside its value.
const UNTIL_PUBLISHED = new Set(['value', 'steps', 'note']);
const ALWAYS = new Set(['note']);

const isScoreAction = (action: string) => action.startsWith('ballot.') || action.startsWith('score.');

/** Removes `note` (and `value`, `steps` before publication) at any depth of a score or ballot entry's payload. */
export function redactPayload(action: string, payload: string, published: boolean): string {
  if (!isScoreAction(action)) return payload;
  const secret = published ? ALWAYS : UNTIL_PUBLISHED;
  try {
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, secret.has(k) ? REDACTED : walk(x)]));
      return v;
    };
    return JSON.stringify(walk(JSON.parse(payload)));
  } catch {
    return REDACTED; // unreadable: show nothing rather than risk a value
  }
}

export type AuditQuery = { page?: number; actorId?: number | null; action?: string | null };

export function auditPage(db: DB, q: AuditQuery = {}) {
  const published = findFestival(db)?.phase === 'published';
  const where: SQL[] = [];
  if (q.actorId) where.push(eq(audit.actorId, q.actorId));
  if (q.action) where.push(q.action.endsWith('.') ? like(audit.action, `${q.action.replace(/[%_]/g, '')}%`) : eq(audit.action, q.action));
  const cond = where.length ? and(...where) : undefined;
  const total = db.select({ n: count() }).from(audit).where(cond).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(q.page ?? 1)), pages);
  const rows = db
    .select({ id: audit.id, at: audit.at, action: audit.action, payload: audit.payload, actorId: audit.actorId, actor: user.displayName, actorLogin: user.login })
    .from(audit)
    .leftJoin(user, eq(user.id, audit.actorId))
    .where(cond)
    .orderBy(desc(audit.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all()
    .map((r) => ({ ...r, payload: redactPayload(r.action, r.payload, published) }));
  return { rows, page, pages, total, published };
}

/** The filter choices: every actor and every action that occurs in the log. */
export function auditFilters(db: DB) {
  const actors = db
    .selectDistinct({ id: audit.actorId, name: user.displayName, login: user.login })
    .from(audit)
    .innerJoin(user, eq(user.id, audit.actorId))
    .orderBy(user.displayName)
    .all();
  const actions = db.selectDistinct({ action: audit.action }).from(audit).orderBy(audit.action).all().map((a) => a.action);
  return { actors, actions };
}
