// audit:verify for runoffs (called from lib/replay/audit.ts): every runoff row is the one its
// audited opening made (nomination, tie, places, who), closed and set aside exactly when the log
// says so; every vote row has its audited vote (runoff, juror, receipt) and its receipt recomputes
// from the stored choice and salt, so a choice changed in the file is caught; a closed runoff's
// stored votes give the counts audited at its close; and no audited vote is missing from the table.
import { asc } from 'drizzle-orm';
import type { DB } from '@/db';
import { nomination, runoff, runoffVote, user, type AuditEntry } from '@/db/schema';
import { payloadOf } from '@/lib/audit';
import { canonicalJson } from '@/lib/canonical';
import { canonicalRunoffVote, runoffReceiptOf } from './receipt';

const numbers = (v: unknown) => (Array.isArray(v) ? v.map(Number) : []);

export function replayRunoffs(db: DB, entries: AuditEntry[]): string[] {
  const problems: string[] = [];
  type Audited = { nomination: string; tied: number[]; places: number; openedBy: number | null; closedBy: number | null; closedAt: number | null; counts: unknown; abstentions: unknown; setAside: boolean; entry: number };
  const opened = new Map<number, Audited>();
  const votes = new Map<string, { receipt: string; entry: number }>();
  for (const [i, e] of entries.entries()) {
    if (!e.action.startsWith('runoff.') && e.action !== 'round.reopen') continue;
    const p = payloadOf(e);
    const id = Number(p.runoff);
    if (e.action === 'runoff.open') opened.set(id, { nomination: String(p.nomination), tied: numbers(p.tied), places: Number(p.places), openedBy: e.actorId, closedBy: null, closedAt: null, counts: null, abstentions: null, setAside: false, entry: i + 1 });
    else if (e.action === 'runoff.vote') votes.set(`${id}:${Number(p.jurorId)}`, { receipt: String(p.receipt), entry: i + 1 });
    else if (e.action === 'runoff.close') {
      const r = opened.get(id);
      if (r) Object.assign(r, { closedBy: e.actorId, closedAt: i + 1, counts: p.counts, abstentions: p.abstentions });
    } else if (e.action === 'round.reopen') for (const x of numbers(p.runoffs)) { const r = opened.get(x); if (r) r.setAside = true; }
  }

  const codes = new Map(db.select({ id: nomination.id, code: nomination.code }).from(nomination).all().map((n) => [n.id, n.code]));
  const logins = new Map(db.select({ id: user.id, login: user.login }).from(user).all().map((u) => [u.id, u.login]));
  const rows = db.select().from(runoff).orderBy(asc(runoff.id)).all();
  const stored = db.select().from(runoffVote).orderBy(asc(runoffVote.id)).all();
  for (const r of rows) {
    const a = opened.get(r.id);
    const where = `runoff row ${r.id} (${codes.get(r.nominationId) ?? r.nominationId})`;
    if (!a) {
      problems.push(`${where}: no audited opening stands for it`);
      continue;
    }
    let tied: unknown = null;
    try {
      tied = JSON.parse(r.tied);
    } catch { /* reported below */ }
    if (codes.get(r.nominationId) !== a.nomination || canonicalJson(tied) !== canonicalJson(a.tied) || r.places !== a.places || r.openedBy !== a.openedBy) {
      problems.push(`${where}: differs from the runoff opened at entry ${a.entry}`);
    }
    if ((r.closedAt !== null) !== (a.closedBy !== null) || (r.closedAt !== null && r.closedBy !== a.closedBy)) problems.push(`${where}: ${r.closedAt ? 'closed, but the log never closed it' : 'open, but the log closed it'}`);
    if ((r.setAsideAt !== null) !== a.setAside) problems.push(`${where}: ${r.setAsideAt ? 'set aside, but no audited reopening did so' : 'in force, but a reopening of its round set it aside'}`);
    if (r.closedAt !== null && a.closedBy !== null) {
      const mine = stored.filter((v) => v.runoffId === r.id);
      const counts = (Array.isArray(tied) ? (tied as number[]) : []).map((c) => ({ candidate: c, votes: mine.filter((v) => v.choice === c).length }));
      const abstentions = mine.filter((v) => v.choice === null).length;
      if (canonicalJson(counts) !== canonicalJson(a.counts) || abstentions !== a.abstentions) problems.push(`${where}: its stored votes do not give the counts audited at its close`);
    }
  }
  // The tally takes the runoffs in force in closing order (lib/count/runoffs.ts: closedAt, then id),
  // and within one award the order decides: a later runoff is held on what an earlier one left
  // tied. So each award's stored closing times must give the order in which the log closed them.
  // (Across awards the order decides nothing, and two closes in one millisecond may fall either way.)
  const inForce = rows.filter((r) => r.closedAt !== null && r.setAsideAt === null && opened.get(r.id)?.closedAt != null);
  for (const nominationId of new Set(inForce.map((r) => r.nominationId))) {
    const mine = inForce.filter((r) => r.nominationId === nominationId);
    const storedOrder = [...mine].sort((x, y) => (x.closedAt! < y.closedAt! ? -1 : x.closedAt! > y.closedAt! ? 1 : x.id - y.id)).map((r) => r.id);
    const audited = [...mine].sort((x, y) => opened.get(x.id)!.closedAt! - opened.get(y.id)!.closedAt!).map((r) => r.id);
    if (storedOrder.join() !== audited.join()) {
      problems.push(`runoff rows ${storedOrder.join(', ')} (${codes.get(nominationId) ?? nominationId}): their closing times give this order, but the log closed them in the order ${audited.join(', ')}`);
    }
  }
  const rowIds = new Set(rows.map((r) => r.id));
  for (const [id, a] of opened) if (!rowIds.has(id)) problems.push(`runoff ${id}: opened at entry ${a.entry}, but the runoff table has no row for it`);

  const storedKeys = new Set<string>();
  for (const v of stored) {
    const k = `${v.runoffId}:${v.jurorId}`;
    storedKeys.add(k);
    const where = `runoff vote row ${v.id} (runoff ${v.runoffId}, juror ${v.jurorId})`;
    const a = votes.get(k);
    if (!a) problems.push(`${where}: no audited vote stands for it`);
    else if (a.receipt !== v.receipt) problems.push(`${where}: its receipt differs from the one audited at entry ${a.entry}`);
    const r = rows.find((x) => x.id === v.runoffId);
    const code = r ? codes.get(r.nominationId) : undefined;
    const login = logins.get(v.jurorId);
    if (code && login && runoffReceiptOf(canonicalRunoffVote(v.runoffId, code, login, v.choice, v.salt)) !== v.receipt) {
      problems.push(`${where}: its receipt does not match its stored choice: the vote was changed`);
    }
  }
  for (const [k, a] of votes) if (!storedKeys.has(k)) problems.push(`runoff ${k.split(':')[0]}, juror ${k.split(':')[1]}: voted at entry ${a.entry}, but the runoff_vote table has no row for it`);
  return problems;
}
