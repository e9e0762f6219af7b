// The audit log as organisers read it: newest first, paginated, filtered by actor and action.
// Redacted here, in the query layer, before and after publication alike: every entry names its
// actor, so a score value, a private note or a receipt shown in it would sit beside a juror's name.
// A saved score shows that it was saved and for which nomination, never the value; a submitted
// ballot shows the nomination and how many scores, never the receipt. The stored payload itself is
// unchanged (the chain and the verification replay it).
//
// Until the awards are final (issue 20, "read the side channel"), also what names a tied, chosen,
// winning or non-winning candidate: the chair's decisions and runoffs (whom they concern), a "no
// award" (its nomination has no winner), the special round's films (those without a main award)
// and the special round's ballot entries (their candidates and counts, which with the recusals the
// organisers see tell which films are in it; its score and note entries are not listed at all), the
// recusals declared or withdrawn once it opened (their films), and the chair's reasons for reopening
// a round or a ballot and for waiving the special round (the chair's words may name the films).
// After finalisation the organisers may read them.
//
// One jury's log (issue 23): the served jury's entries and those of no jury (accounts, sign-ins), with
// the rules above applied by that jury's phase. Another jury's entries are not listed at all: with the
// rules applied by the served jury's phase, a finalised jury would have opened a jury still voting
// (its chair's choices, its runoffs' votes) to the organisers.
import 'server-only';
import { and, asc, count, desc, eq, like, sql, type SQL } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit, candidate, jury, nomination, user } from '@/db/schema';
import { EDITIONS_UPGRADE_ACTION } from '@/lib/festival/editions-upgrade';
import { findFestival } from '@/lib/festival/phase';
import { resultsFinal } from '@/lib/round/visibility';

const field = (path: string) => sql`json_extract(${audit.payload}, ${path})`;
/**
 * The jury an entry belongs to, or null for an entry of no jury. Read from what the entry states: the
 * jury it names (every round entry, the opening, the settings and the imports), else the jury of the
 * nomination, candidate, film or runoff it names (ids are unique across juries); an entry from before
 * editions (at or before the upgrade's own entry) is the one jury the database held then.
 */
export const entryJury = sql<number | null>`(case when json_valid(${audit.payload}) then coalesce(
  ${field('$.jury')},
  (select n.jury_id from nomination n where n.id = ${field('$.nominationId')}),
  (select n.jury_id from candidate c join nomination n on n.id = c.nomination_id where c.id = ${field('$.candidateId')}),
  (select f.jury_id from film f where f.id = ${field('$.filmId')}),
  (select n.jury_id from runoff r join nomination n on n.id = r.nomination_id where r.id = ${field('$.runoff')}),
  case when ${audit.action} like 'film.%' then coalesce(${field('$.juryId')}, (select f.jury_id from film f where f.id = ${field('$.id')})) end,
  case when ${audit.action} like 'performance.%' then (select n.jury_id from candidate c join nomination n on n.id = c.nomination_id where c.id = ${field('$.id')}) end,
  case when ${audit.id} <= (select max(u.id) from audit u where u.action = ${EDITIONS_UPGRADE_ACTION}) then (select min(j.id) from jury j) end
) end)`;

export const PAGE_SIZE = 50;
export const REDACTED = '[redacted]';
/** In score and ballot entries: what a juror entered or what identifies their ballot. */
const BALLOT_SECRETS = new Set(['value', 'values', 'steps', 'note', 'receipt', 'salt', 'canonical']);
/** In any entry: what identifies a ballot. */
const ALWAYS = new Set(['receipt', 'salt', 'canonical', 'choice']);

/**
 * In sign-in, history-answer and password-choice entries: a juror's account history (device, address, how, and their
 * answer) is theirs and the chair's to read (lib/account/history.ts), never the organisers', whom it
 * is about. That the entry exists, and when, stays.
 */
const HISTORY_SECRETS = new Set([...ALWAYS, 'address', 'device', 'deviceId', 'via', 'verdict']);
const isHistoryAction = (action: string) => action === 'auth.login' || action === 'account.history_answer' || action === 'account.password';

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

/**
 * Before finalisation: per action, the payload keys that name or single out a result ('*': all of
 * them). Kept: that a decision or a runoff happened, on which award where that names no candidate.
 */
const RESULT_SECRETS: Record<string, ReadonlySet<string> | '*'> = {
  'round.decide_tie': new Set(['tied', 'chosen', 'reason']),
  'round.no_award': '*',
  'round.withdraw_decision': '*',
  'round.open_special': '*',
  // Who may vote in a runoff (recusals, the nationality rule) points at the tied films' countries.
  'runoff.open': new Set(['tied', 'entitled']),
  'runoff.close': new Set(['entitled', 'votes']),
  // The chair's own words, which may name the films a reopening or a waiver is about.
  'round.reopen': new Set(['reason']),
  'ballot.reopen': new Set(['reason']),
  'round.waive_special': new Set(['reason']),
};
/** A recusal declared or withdrawn once the special round opened: its film is one without a main award. */
const RECUSAL_ACTIONS = new Set(['ballot.declare_recusal', 'ballot.withdraw_recusal']);
/** In a special-round ballot entry: its candidates and how many it scored. */
const SPECIAL_BALLOT_SECRETS = new Set(['candidateId', 'candidates', 'scores']);

interface ResultScope {
  /** Whether the awards are final (finalised or published). */
  final: boolean;
  /** Candidate ids and nomination ids of the special round. */
  specialCandidates: ReadonlySet<number>;
  specialNominations: ReadonlySet<number>;
  /** The audit id of the first opening of the special round, if any. */
  specialOpenedAt?: number | null;
}

/** Withholds, before finalisation, what names a result in an entry already redacted by redactPayload. */
function withholdResults(action: string, payload: string, scope: ResultScope, entryId?: number): string {
  if (scope.final || payload === REDACTED) return payload;
  const late = RECUSAL_ACTIONS.has(action) && !!scope.specialOpenedAt && entryId !== undefined && entryId > scope.specialOpenedAt;
  const secrets = late ? '*' : RESULT_SECRETS[action];
  const special = isScoreAction(action);
  if (!secrets && !special) return payload;
  try {
    const v = JSON.parse(payload) as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return REDACTED;
    const o = v as Record<string, unknown>;
    if (secrets) return JSON.stringify(Object.fromEntries(Object.entries(o).map(([k, x]) => [k, secrets === '*' || secrets.has(k) ? REDACTED : x])));
    const inSpecial = (typeof o.candidateId === 'number' && scope.specialCandidates.has(o.candidateId)) || (typeof o.nominationId === 'number' && scope.specialNominations.has(o.nominationId));
    if (!inSpecial) return payload;
    return JSON.stringify(Object.fromEntries(Object.entries(o).map(([k, x]) => [k, SPECIAL_BALLOT_SECRETS.has(k) ? REDACTED : x])));
  } catch {
    return REDACTED;
  }
}

export type AuditQuery = { page?: number; actorId?: number | null; action?: string | null };

/** The served jury's entries and those of no jury (-1: a database not yet set up lists only the latter). */
function ofJury(juryId: number) {
  return sql`coalesce(${entryJury}, -1) in (${juryId}, -1)`;
}

export function auditPage(db: DB, q: AuditQuery = {}) {
  const fest = findFestival(db);
  const juryId = fest?.id ?? -1;
  const phase = fest?.phase;
  const published = phase === 'published';
  const cands = db.select({ id: candidate.id, code: nomination.code, nominationId: nomination.id, round: nomination.round }).from(candidate)
    .innerJoin(nomination, eq(nomination.id, candidate.nominationId)).where(eq(nomination.juryId, juryId)).all();
  const codes = new Map(cands.map((c) => [c.id, c.code]));
  const scope: ResultScope = {
    final: resultsFinal(phase),
    specialCandidates: new Set(cands.filter((c) => c.round === 'special').map((c) => c.id)),
    specialNominations: new Set(db.select({ id: nomination.id }).from(nomination).where(and(eq(nomination.round, 'special'), eq(nomination.juryId, juryId))).all().map((n) => n.id)),
    specialOpenedAt: db.select({ id: audit.id }).from(audit).where(and(eq(audit.action, 'round.open_special'), sql`${entryJury} = ${juryId}`)).orderBy(asc(audit.id)).limit(1).get()?.id ?? null,
  };
  const where: SQL[] = [ofJury(juryId)];
  // Before finalisation a special-round score or note entry is not listed at all: how many each juror
  // saved would be how many films are in the round for them (their recusals left out), payload or not.
  // Likewise a runoff's vote entries: who voted in it would be who was entitled, and so (recusals,
  // the nationality rule) point at the tied films.
  if (!scope.final) where.push(sql`${audit.action} <> 'runoff.vote'`);
  if (!scope.final && scope.specialCandidates.size > 0) {
    where.push(sql`not (${audit.action} in ('ballot.save_score', 'ballot.save_note') and json_valid(${audit.payload}) and json_extract(${audit.payload}, '$.candidateId') in (${sql.join([...scope.specialCandidates].map((id) => sql`${id}`), sql`, `)}))`);
  }
  if (q.actorId) where.push(eq(audit.actorId, q.actorId));
  if (q.action) where.push(q.action.endsWith('.') ? like(audit.action, `${q.action.replace(/[%_]/g, '')}%`) : eq(audit.action, q.action));
  const cond = where.length ? and(...where) : undefined;
  const total = db.select({ n: count() }).from(audit).where(cond).get()?.n ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(q.page ?? 1)), pages);
  const rows = db
    .select({ id: audit.id, at: audit.at, action: audit.action, payload: audit.payload, actorId: audit.actorId, actor: user.displayName, actorLatinName: user.latinName, actorLogin: user.login })
    .from(audit)
    .leftJoin(user, eq(user.id, audit.actorId))
    .where(cond)
    .orderBy(desc(audit.id))
    .limit(PAGE_SIZE)
    .offset((page - 1) * PAGE_SIZE)
    .all()
    .map((r) => ({ ...r, payload: withholdResults(r.action, redactPayload(r.action, r.payload, (id) => codes.get(id)), scope, r.id) }));
  // `final`: before it the page does not print the chain's count of entries, which less the entries
  // listed would be how many special-round scores and runoff votes were withheld; nor while another jury
  // of the database is not final (the count less this jury's would be how many entries that jury wrote).
  const juries = db.select({ phase: jury.phase }).from(jury).all();
  const countable = scope.final && juries.every((j) => resultsFinal(j.phase));
  return { rows, page, pages, total, published, final: scope.final, countable, oneOfSeveral: juries.length > 1 };
}

/** The filter choices: every actor and every action that occurs in the served jury's log. */
export function auditFilters(db: DB) {
  const mine = ofJury(findFestival(db)?.id ?? -1);
  const actors = db
    .selectDistinct({ id: audit.actorId, name: user.displayName, latinName: user.latinName, login: user.login })
    .from(audit)
    .innerJoin(user, eq(user.id, audit.actorId))
    .where(mine)
    .orderBy(user.displayName)
    .all();
  const actions = db.selectDistinct({ action: audit.action }).from(audit).where(mine).orderBy(audit.action).all().map((a) => a.action);
  return { actors, actions };
}
