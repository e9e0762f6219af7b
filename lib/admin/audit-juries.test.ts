// Issue 23: the organisers' audit log is one jury's. With two juries in one database, one finalised
// while the other still votes, the finalised jury's log must not open the other's entries: the chair's
// choices, its runoffs' votes, its ballots. Before this, every entry was listed and the rules that hold
// results back were applied by the served jury's phase alone.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { audit, jury, runoff } from '@/db/schema';
import { appendAudit } from '@/lib/audit';
import { EDITIONS_UPGRADE_ACTION } from '@/lib/festival/editions-upgrade';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { setPhase } from '@/tests/actions';
import { addJury, type OtherJury } from '@/tests/juries';
import { auditFilters, auditPage, entryJury } from './audit-log';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

/** What the other jury's voting writes in the log: a score, a submitted ballot, its chair's choice, a runoff vote. */
function otherJuryEntries(other: OtherJury, jurorId: number) {
  const [a, b] = other.candidates.best_film;
  const runoffId = t.db.insert(runoff).values({ nominationId: other.nominations.best_film, tied: JSON.stringify([a, b]), places: 1 }).returning({ id: runoff.id }).get().id;
  t.db.transaction((tx) => {
    appendAudit(tx, { actorId: jurorId, action: 'ballot.save_score', payload: { jurorId, candidateId: a, steps: 9, value: 10 } });
    appendAudit(tx, { actorId: jurorId, action: 'ballot.submit', payload: { nominationId: other.nominations.best_film, receipt: 'x'.repeat(64), scores: 5, candidates: [a, b] } });
    appendAudit(tx, { actorId: jurorId, action: 'round.decide_tie', payload: { jury: other.juryId, nomination: 'best_film', kind: 'casting_vote', tied: [a, b], chosen: [b], reason: 'the other jury’s secret reason' } });
    appendAudit(tx, { actorId: jurorId, action: 'runoff.vote', payload: { runoff: runoffId, nomination: 'best_film', jurorId, receipt: 'y'.repeat(64) } });
  }, { behavior: 'immediate' });
}

const listed = () => {
  const all = [];
  for (let page = 1; ; page++) {
    const p = auditPage(t.db, { page });
    all.push(...p.rows);
    if (page >= p.pages) return { rows: all, countable: p.countable };
  }
};

describe('the audit log of one jury among two', () => {
  it('a finalised jury lists its own entries and those of no jury, never those of a jury still voting', () => {
    const { jurors } = demoCast(t.db);
    setPhase(t, 'voting');
    voteAndSubmit(t.db, 'best_film', (j, c) => ((j + c) % 10) + 1, jurors.slice(0, 3));
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    otherJuryEntries(other, jurors[0].id);
    setPhase(t, 'finalised');

    const { rows, countable } = listed();
    const text = JSON.stringify(rows);
    expect(text).not.toContain('secret reason');
    expect(rows.filter((r) => r.action === 'round.decide_tie' || r.action === 'runoff.vote')).toEqual([]);
    const otherCandidates = new Set(Object.values(other.candidates).flat());
    expect(rows.filter((r) => otherCandidates.has(JSON.parse(r.payload).candidateId ?? -1))).toEqual([]);
    expect(rows.filter((r) => JSON.parse(r.payload).nominationId === other.nominations.best_film)).toEqual([]);
    // The served jury's own entries, all of them, and the seed's (no jury).
    const own = new Set(candidatesOf(t.db, 'best_film').filter((c) => c.nominationId === nominationId(t.db, 'best_film')).map((c) => c.id));
    expect(rows.filter((r) => r.action === 'ballot.save_score' && own.has(JSON.parse(r.payload).candidateId ?? -1))).toHaveLength(3 * own.size);
    expect(rows.filter((r) => r.action === 'ballot.submit')).toHaveLength(3);
    expect(rows.some((r) => r.action === 'festival.seed_demo')).toBe(true);
    // The chain's count of entries would say how many the other jury wrote: not printed while it votes.
    expect(countable).toBe(false);
    // Nor do its actions or its jurors' acts appear among the filters' choices.
    expect(auditFilters(t.db).actions).not.toContain('round.decide_tie');

    t.db.update(jury).set({ phase: 'finalised' }).where(eq(jury.id, other.juryId)).run();
    expect(listed().countable).toBe(true);
  });

  it('the jury still voting lists none of the finalised jury’s entries, nor its own results', () => {
    const { jurors } = demoCast(t.db);
    setPhase(t, 'finalised');
    t.db.transaction((tx) => {
      appendAudit(tx, { actorId: jurors[0].id, action: 'round.decide_tie', payload: { jury: 1, nomination: 'best_film', kind: 'casting_vote', tied: [1, 2], chosen: [2], reason: 'the first jury’s reason' } });
    }, { behavior: 'immediate' });
    const other = addJury(t.db, { edition: 'new', phase: 'voting' }); // now the served jury
    otherJuryEntries(other, jurors[1].id);
    const { rows } = listed();
    expect(JSON.stringify(rows)).not.toContain('the first jury’s reason');
    // Its own choice is listed, with what names a result held back, as for one jury before finalisation.
    const own = rows.filter((r) => r.action === 'round.decide_tie');
    expect(own).toHaveLength(1);
    expect(JSON.parse(own[0].payload)).toMatchObject({ jury: other.juryId, chosen: '[redacted]', reason: '[redacted]' });
    expect(rows.filter((r) => r.action === 'runoff.vote')).toEqual([]);
  });

  it('an entry from before editions belongs to the one jury the database held then', () => {
    const other = addJury(t.db, { edition: 'new' });
    t.db.delete(audit).where(sql`1`).run(); // a log that starts before editions, as an upgraded one does
    t.db.transaction((tx) => {
      appendAudit(tx, { actorId: null, action: 'round.publish', payload: { hash: 'h' } });
      appendAudit(tx, { actorId: null, action: EDITIONS_UPGRADE_ACTION, payload: { from: 'festival' } });
      appendAudit(tx, { actorId: null, action: 'auth.logout', payload: {} });
      appendAudit(tx, { actorId: null, action: 'film.import', payload: { jury: other.juryId, added: 1 } });
    }, { behavior: 'immediate' });
    const juries = t.db.select({ action: audit.action, jury: entryJury }).from(audit).all();
    expect(juries).toEqual([
      { action: 'round.publish', jury: 1 }, { action: EDITIONS_UPGRADE_ACTION, jury: 1 },
      { action: 'auth.logout', jury: null }, { action: 'film.import', jury: other.juryId },
    ]);
    expect(listed().rows.map((r) => r.action)).toEqual(['film.import', 'auth.logout']);
  });
});

