// Whether bringing a backup back over the current database would turn time backwards (issue 20,
// route 7): an earlier phase, or a log that lacks entries the current one has (a strict prefix of it:
// the backup is where the current database stood some entries ago; or a log that parts from it).
// npm run restore refuses that without --roll-back and says, in plain words, what would be lost; a
// permitted roll-back is recorded in the restored log (`audit.restore`), which audit:verify and the
// protocol show. Reads the two files only.
import Database from 'better-sqlite3';
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit, PHASES } from '@/db/schema';
import { formatHead } from '@/lib/audit';

export const RESTORE_ACTION = 'audit.restore';

export interface DatabaseFacts {
  phase: string | null;
  /** The log's hashes and actions, in order. */
  entries: { hash: string; action: string }[];
  awards: number;
}

export function factsOf(file: string): DatabaseFacts {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const has = (t: string) => !!db.prepare("select 1 from sqlite_master where type = 'table' and name = ?").get(t);
    // The jury's table since editions (0007); a file from before them has the festival's.
    const juries = has('jury') ? 'jury' : has('festival') ? 'festival' : null;
    const phase = juries ? ((db.prepare(`select phase from ${juries} order by id limit 1`).get() as { phase: string } | undefined)?.phase ?? null) : null;
    const entries = has('audit') ? (db.prepare('select hash, action from audit order by id').all() as { hash: string; action: string }[]) : [];
    const awards = has('award') ? (db.prepare('select count(*) n from award').get() as { n: number }).n : 0;
    return { phase, entries, awards };
  } finally {
    db.close();
  }
}

export interface RollBack {
  from: { phase: string | null; head: string };
  to: { phase: string | null; head: string };
  /** How many entries the two logs share from the start. */
  common: number;
  /** The backup's log is the current one cut short (time backwards), rather than one that parts from it. */
  prefix: boolean;
  earlierPhase: boolean;
  lost: { entries: number; submissions: number; scoreSaves: number; decisions: number; publishedAwards: number; published: boolean };
}

const headOf = (entries: DatabaseFacts['entries']) => formatHead({ entries: entries.length, hash: entries.at(-1)?.hash ?? '0'.repeat(64) });
const rank = (phase: string | null) => (phase === null ? -1 : PHASES.indexOf(phase as (typeof PHASES)[number]));
const DECISIONS = new Set(['ballot.reopen', 'round.close', 'round.reopen', 'round.decide_tie', 'round.no_award', 'round.withdraw_decision', 'round.waive_special', 'round.open_special', 'round.finalise', 'round.publish', 'runoff.open', 'runoff.close']);

/** What restoring `backup` over `current` would undo; null when nothing (the current log is the backup's, or a beginning of it). */
export function rollBackOf(current: DatabaseFacts, backup: DatabaseFacts): RollBack | null {
  let common = 0;
  while (common < current.entries.length && common < backup.entries.length && current.entries[common].hash === backup.entries[common].hash) common++;
  const earlierPhase = rank(backup.phase) < rank(current.phase);
  const lostEntries = current.entries.slice(common);
  if (lostEntries.length === 0 && !earlierPhase) return null;
  const count = (pred: (a: string) => boolean) => lostEntries.filter((e) => pred(e.action)).length;
  const published = current.phase === 'published' && backup.phase !== 'published';
  return {
    from: { phase: current.phase, head: headOf(current.entries) },
    to: { phase: backup.phase, head: headOf(backup.entries) },
    common,
    prefix: common === backup.entries.length,
    earlierPhase,
    lost: {
      entries: lostEntries.length,
      submissions: count((a) => a === 'ballot.submit' || a === 'runoff.vote'),
      scoreSaves: count((a) => a === 'ballot.save_score'),
      decisions: count((a) => DECISIONS.has(a)),
      publishedAwards: published ? current.awards : 0,
      published,
    },
  };
}

/** The roll-back in plain words, for the refusal and the restore's own output. */
export function describeRollBack(r: RollBack): string[] {
  const lines = [`phase now: ${r.from.phase ?? 'none'} -> phase restored: ${r.to.phase ?? 'none'}${r.earlierPhase ? ' (an earlier phase)' : ''}`];
  lines.push(r.prefix
    ? `the backup's log is this database's log as it stood ${r.lost.entries} entries ago (its head ${r.to.head}; the current head is ${r.from.head})`
    : `the two logs part after entry ${r.common}: the current log's last ${r.lost.entries} entries are not in the backup (current head ${r.from.head}, backup's head ${r.to.head})`);
  const lost: string[] = [];
  if (r.lost.published) lost.push(`the publication of the results${r.lost.publishedAwards ? ` and its ${r.lost.publishedAwards} published awards` : ''}`);
  if (r.lost.submissions) lost.push(`${r.lost.submissions} ballot submissions`);
  if (r.lost.scoreSaves) lost.push(`${r.lost.scoreSaves} score saves`);
  if (r.lost.decisions) lost.push(`${r.lost.decisions} decisions and phase changes`);
  lost.push(`${r.lost.entries} audit log entries in all`);
  lines.push(`lost: ${lost.join(', ')}`);
  return lines;
}

/** The payload of the `audit.restore` entry a permitted roll-back appends to the restored log. */
export function restoreRecord(r: RollBack, backupName: string) {
  return { backup: backupName, replaced: r.from, restored: r.to, prefix: r.prefix, lost: r.lost };
}

export interface RestoreRecord {
  at: string;
  entry: number;
  backup: string;
  replaced: { phase: string | null; head: string };
  restored: { phase: string | null; head: string };
  lost: RollBack['lost'];
}

/** Every recorded roll-back of this database's log, oldest first (audit:verify, the protocol). */
export function listRestores(db: Pick<DB, 'select'>): RestoreRecord[] {
  const ids = db.select({ id: audit.id, action: audit.action }).from(audit).orderBy(asc(audit.id)).all();
  const out: RestoreRecord[] = [];
  ids.forEach((e, i) => {
    if (e.action !== RESTORE_ACTION) return;
    const row = db.select({ at: audit.at, payload: audit.payload }).from(audit).where(eq(audit.id, e.id)).get()!;
    try {
      const p = JSON.parse(row.payload) as Omit<RestoreRecord, 'at' | 'entry'>;
      out.push({ at: row.at, entry: i + 1, backup: p.backup, replaced: p.replaced, restored: p.restored, lost: p.lost });
    } catch {
      // A restore entry is written by npm run restore alone, always as JSON; the chain vouches for it.
    }
  });
  return out;
}
