// The audit log as organisers read it: newest first, paginated, filtered by actor and action.
// Redacted here, in the query layer, before and after publication alike: every entry names its
// actor, so a score value, a private note or a receipt shown in it would sit beside a juror's name.
// A saved score shows that it was saved and for which nomination, never the value; a submitted
// ballot shows the nomination and how many scores, never the receipt. The stored payload itself is
// unchanged (the chain and the verification replay it).
import 'server-only';
import { and, count, desc, eq, like, type SQL } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit, candidate, nomination, user } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';

export const PAGE_SIZE = 50;
export const REDACTED = '[redacted]';
/** In score and ballot entries: what a juror entered or what identifies their ballot. */
const BALLOT_SECRETS = new Set(['value', 'values', 'steps', 'note', 'receipt', 'salt', 'canonical']);
/** In any entry: what identifies a ballot. */
const ALWAYS = new Set(['receipt', 'salt', 'canonical', 'choice']);

/**
 * In sign-in and history-answer entries: a juror's account history (device, address, how, and their
 * answer) is theirs and the chair's to read (lib/account/history.ts), never the organisers', whom it
 * is about. That the entry exists, and when, stays.
 */
const HISTORY_SECRETS = new Set([...ALWAYS, 'address', 'device', 'via', 'verdict']);
const isHistoryAction = (action: string) => action === 'auth.login' || action === 'account.history_answer';

const isScoreAction = (action: string) => action.startsWith('ballot.') || action.startsWith('score.');
/** In runoff entries: a closed runoff's counts are figures, which organisers read only once published (on /results). */
const RUNOFF_SECRETS = new Set([...ALWAYS, 'counts', 'abstentions']);

/**
 * Replaces score values, notes and receipts at any depth with REDACTED, and names the nomination of
 * an entry that holds a candidate id (`nominationOf`), so the log still says what was scored.
 */
export function redactPayload(action: string, payload: string, nominationOf: (candidateId: number) => string | undefined = () => undefined): string {
  const secret = isScoreAction(action) ? BALLOT_SECRETS : action.startsWith('runoff.') ? RUNOFF_SECRETS : isHistoryAction(action) ? HISTORY_SECRETS : ALWAYS;
  try {
    const walk = (v: unknown): unknown => {
      if (Array.isArray(v)) return v.map(walk);
      if (v && typeof v === 'object') {
        const out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, secret.has(k) ? REDACTED : walk(x)]));
        const code = typeof out.candidateId === 'number' && !('nomination' in out) ? nominationOf(out.candidateId) : undefined;
        return code ? { ...out, nomination: code } : out;
      }
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
  const codes = new Map(db.select({ id: candidate.id, code: nomination.code }).from(candidate).innerJoin(nomination, eq(nomination.id, candidate.nominationId)).all().map((c) => [c.id, c.code]));
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
    .map((r) => ({ ...r, payload: redactPayload(r.action, r.payload, (id) => codes.get(id)) }));
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
