// What a juror is told at their next sign-in after an approved change to their account (a password
// reset above all): every change approved on their account during voting, and every write made on
// it since the first of them, from the audit log: by whom (their own account, the chair, an
// organiser), what, on which nomination or film, and when. Never a value or a note.
//
// The notice lists everything since the *first* approved change, not since the last acknowledgement:
// someone who signed in with the temporary password and dismissed the notice (an organiser who
// kept it, say) cannot hide what they did, because the juror, locked out, needs another reset and
// then sees both resets and every write between them.
import { localTitle } from '@/lib/festival/names';
import 'server-only';
import { and, asc, eq, gte, inArray, or } from 'drizzle-orm';
import type { DB } from '@/db';
import { accountRequest, audit, candidate, film, nomination, user, type AccountRequestKind, type Role } from '@/db/schema';
import { servedRole } from '@/lib/festival/members';

// Entries written by someone else that may concern this account (their payload names it).
const ABOUT_OTHERS = ['ballot.reopen', 'account.request', 'account.approve', 'account.refuse', 'account.cancel', 'account.issue_password'];

export type NoticeChange = { kind: AccountRequestKind; at: string; decidedByRole: Role | null };
/** A run of consecutive writes of the same kind on the same subject by the same actor. */
export type NoticeWrite = { action: string; actor: 'self' | Role | 'unknown'; subject: { nomination?: string; film?: string } | null; from: string; to: string; count: number };

export function accountNotice(db: DB, userId: number, locale = 'en'): { changes: NoticeChange[]; writes: NoticeWrite[] } | null {
  const approved = db
    .select({ kind: accountRequest.kind, at: accountRequest.decidedAt, seenAt: accountRequest.seenAt, decidedBy: accountRequest.decidedBy })
    .from(accountRequest)
    .where(and(eq(accountRequest.targetId, userId), eq(accountRequest.state, 'approved')))
    .orderBy(asc(accountRequest.id))
    .all();
  if (!approved.some((r) => r.seenAt === null)) return null;
  const roles = new Map(db.select({ id: user.id, role: servedRole }).from(user).all().map((u) => [u.id, u.role]));
  const since = approved[0].at!;
  // From the first approval's own audit entry on, by position in the log: entries written in the
  // same millisecond before it (the request itself) are not "since".
  const candidates = db
    .select({ id: audit.id, at: audit.at, actorId: audit.actorId, action: audit.action, payload: audit.payload })
    .from(audit)
    .where(and(gte(audit.at, since), or(eq(audit.actorId, userId), inArray(audit.action, ABOUT_OTHERS))))
    .orderBy(asc(audit.id))
    .all();
  const first = candidates.findIndex((e) => e.action === 'account.approve' && approvalTarget(e.payload) === userId);
  const entries = first < 0 ? candidates : candidates.slice(first);
  const nominationOfCandidate = new Map(db.select({ id: candidate.id, code: nomination.code }).from(candidate).innerJoin(nomination, eq(nomination.id, candidate.nominationId)).all().map((c) => [c.id, c.code]));
  const codeOf = new Map(db.select({ id: nomination.id, code: nomination.code }).from(nomination).all().map((n) => [n.id, n.code]));
  const titleOf = new Map(db.select({ id: film.id, originalTitle: film.originalTitle, englishTitle: film.englishTitle, titleZh: film.titleZh, titleRu: film.titleRu, titleKk: film.titleKk }).from(film).all().map((f) => [f.id, localTitle(f, locale)]));
  const writes: NoticeWrite[] = [];
  for (const e of entries) {
    let p: Record<string, unknown> = {};
    try {
      p = JSON.parse(e.payload) as Record<string, unknown>;
    } catch { /* an unreadable payload still counts as a write by its actor */ }
    const mine = e.actorId === userId;
    if (!mine && p.jurorId !== userId && p.target !== userId) continue;
    const subject = typeof p.candidateId === 'number' ? { nomination: nominationOfCandidate.get(p.candidateId) }
      : typeof p.nominationId === 'number' ? { nomination: codeOf.get(p.nominationId) }
      : typeof p.filmId === 'number' ? { film: titleOf.get(p.filmId) }
      : null;
    const actor = mine ? 'self' : e.actorId === null ? 'unknown' : roles.get(e.actorId) ?? 'unknown';
    const last = writes.at(-1);
    if (last && last.action === e.action && last.actor === actor && JSON.stringify(last.subject) === JSON.stringify(subject)) {
      last.to = e.at;
      last.count++;
    } else {
      writes.push({ action: e.action, actor, subject, from: e.at, to: e.at, count: 1 });
    }
  }
  return {
    changes: approved.map((r) => ({ kind: r.kind, at: r.at!, decidedByRole: r.decidedBy ? roles.get(r.decidedBy) ?? null : null })),
    writes,
  };
}

function approvalTarget(payload: string): unknown {
  try {
    return (JSON.parse(payload) as { target?: unknown }).target;
  } catch {
    return undefined;
  }
}
