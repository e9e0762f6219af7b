// Issue 23: the organisers' desk sees and changes the served jury only. With a second jury in the same
// database (its ballots, recusal, runoffs, placeholder and unknown-country films) the voting progress,
// the opening's preconditions and digest and the performance lists are what they were without it; the
// performance actions given its ids are refused as for missing ones and change nothing of either jury;
// opening the served jury's vote leaves the other's phase alone; and with a newer edition the older
// edition's performances neither show nor change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { audit, candidate, edition, film, jury } from '@/db/schema';
import { frozenSetupDigest } from '@/lib/festival/frozen-setup';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId, voteAndSubmit } from '@/tests/festival';
import { bytes, expectRefused, run, setPhase } from '@/tests/actions';
import { addJury, addMembers, juryRows, type OtherJury } from '@/tests/juries';
import { auditRows, otherJuryVotes, otherJuryVotingRows } from '@/tests/jury-activity';
import { openVotingSpec, votingPreconditions } from './phase';
import { votingProgress } from './progress';
import { listPerformanceNominations, listPerformances } from './queries';
import { addPerformanceSpec, importPerformancesSpec, removePerformanceSpec, updatePerformanceSpec } from './performances';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

/** The other jury with what would hold an opening back: a placeholder film and performance, a film of unknown country. */
function unreadyJury(edition: 'same' | 'new'): OtherJury {
  const other = addJury(t.db, { edition });
  t.db.update(film).set({ placeholder: true }).where(eq(film.id, other.films[0])).run();
  t.db.update(film).set({ country: 'XX' }).where(eq(film.id, other.films[1])).run();
  t.db.update(candidate).set({ placeholder: true }).where(eq(candidate.id, other.candidates.best_actor[0])).run();
  return other;
}

const performances = () => listPerformanceNominations(t.db).map((n) => ({ ...n, rows: listPerformances(t.db, n.id) }));
const demoFilmTitle = () => t.db.select({ title: film.englishTitle }).from(film).where(eq(film.juryId, 1)).orderBy(asc(film.position)).get()!.title;

describe('a second jury in the same edition', () => {
  it('leaves the voting progress as it was', () => {
    const { jurors } = demoCast(t.db);
    setPhase(t, 'voting');
    voteAndSubmit(t.db, 'best_film', (j, c) => ((j + c) % 10) + 1, jurors.slice(0, 4));
    const before = votingProgress(t.db);
    const other = addJury(t.db, { edition: 'same', phase: 'voting' });
    otherJuryVotes(t.db, other, jurors.map((j) => j.id));
    expect(votingProgress(t.db)).toEqual(before);
  });

  it('leaves the opening\'s preconditions and digest as they were, and opening leaves the other jury in setup', () => {
    t.db.update(edition).set({ demo: false }).where(eq(edition.id, 1)).run();
    t.db.update(jury).set({ recusalByNationality: true }).where(eq(jury.id, 1)).run();
    const before = { unmet: votingPreconditions(t.db), digest: frozenSetupDigest(t.db) };
    const other = unreadyJury('same');
    expect({ unmet: votingPreconditions(t.db), digest: frozenSetupDigest(t.db) }).toEqual(before);
    // The demo opens as itself (its placeholders let through) while the other jury is not ready.
    t.db.update(edition).set({ demo: true }).where(eq(edition.id, 1)).run();
    t.db.update(jury).set({ recusalByNationality: false }).where(eq(jury.id, 1)).run();
    const others = juryRows(t.db, other.juryId);
    run(t, openVotingSpec, {});
    expect(juryRows(t.db, other.juryId)).toEqual(others);
    expect(juryRows(t.db, 1).jury!.phase).toBe('voting');
    const opened = JSON.parse(t.db.select().from(audit).orderBy(asc(audit.id)).all().at(-1)!.payload) as { setup: string; rules: { nominations: unknown[] } };
    expect(opened.setup).toBe(before.digest);
    expect(opened.rules.nominations).toHaveLength(6);
  });

  it('lists none of its performances, and refuses its ids as missing ones, changing nothing of either jury', () => {
    const before = performances();
    const other = unreadyJury('same');
    expect(performances()).toEqual(before);
    expect(listPerformances(t.db, other.nominations.best_actor)).toEqual([]);
    const snapshot = () => ({ demo: juryRows(t.db, 1), other: juryRows(t.db, other.juryId), candidates: t.db.select().from(candidate).orderBy(asc(candidate.id)).all(), audit: auditRows(t.db) });
    const was = snapshot();
    const demoFilm = candidatesOf(t.db, 'best_actor')[0].filmId;
    const actor = nominationId(t.db, 'best_actor');
    expectRefused(t, addPerformanceSpec, 'organiser', { nominationId: other.nominations.best_actor, filmId: demoFilm, person: 'Someone' }, 'performance:nomination');
    expectRefused(t, addPerformanceSpec, 'organiser', { nominationId: actor, filmId: other.films[2], person: 'Someone' }, 'film:not_found');
    expectRefused(t, updatePerformanceSpec, 'organiser', { id: other.candidates.best_actor[1], nominationId: actor, filmId: demoFilm, person: 'Someone' }, 'performance:not_found');
    expectRefused(t, removePerformanceSpec, 'organiser', { id: other.candidates.best_actress[0] }, 'performance:not_found');
    // The other jury's film is no film of the served jury's file.
    expectRefused(t, importPerformancesSpec, 'organiser', { csv: bytes('nomination,film,person\nbest_actor,Generated film 3,Someone\n') }, 'import:invalid');
    expect(snapshot()).toEqual(was);
  });

  it('an import is the served jury\'s whole list: the other jury\'s performances stay', () => {
    const other = unreadyJury('same');
    const others = { rows: juryRows(t.db, other.juryId), voting: otherJuryVotingRows(t.db, other), candidates: t.db.select().from(candidate).where(eq(candidate.nominationId, other.nominations.best_actor)).all() };
    const title = demoFilmTitle();
    expect(run(t, importPerformancesSpec, { csv: bytes(`nomination,film,person\nbest_actor,${title},Someone New\n`) })).toMatchObject({ added: 1 });
    expect(listPerformances(t.db, nominationId(t.db, 'best_actor')).map((p) => p.person)).toEqual(['Someone New']);
    expect(listPerformances(t.db, nominationId(t.db, 'best_actress'))).toEqual([]);
    expect({ rows: juryRows(t.db, other.juryId), voting: otherJuryVotingRows(t.db, other), candidates: t.db.select().from(candidate).where(eq(candidate.nominationId, other.nominations.best_actor)).all() }).toEqual(others);
  });
});

describe('a newer edition', () => {
  it('shows its own performances and progress only; the older edition\'s stay as they were', () => {
    const { jurors } = demoCast(t.db);
    const oldActor = candidatesOf(t.db, 'best_actor');
    const older = { rows: juryRows(t.db, 1), actors: oldActor };
    const other = addJury(t.db, { edition: 'new' });
    // The same people sit on the newer edition's jury, in the same roles (issue 23: jury_member).
    addMembers(t.db, other.juryId, { count: 0, also: jurors.map((j) => ({ id: j.id, role: j.role === 'chair' ? 'chair' as const : 'juror' as const })) });
    expect(listPerformanceNominations(t.db).map((n) => n.id)).toEqual([other.nominations.best_actor, other.nominations.best_actress]);
    expect(listPerformances(t.db, other.nominations.best_actor).map((p) => p.id)).toEqual(other.candidates.best_actor);
    expectRefused(t, removePerformanceSpec, 'organiser', { id: oldActor[0].id }, 'performance:not_found');
    run(t, addPerformanceSpec, { nominationId: other.nominations.best_actor, filmId: other.films[0], person: 'Another performer' });
    expect({ rows: juryRows(t.db, 1), actors: candidatesOf(t.db, 'best_actor') }).toEqual(older);
    const progress = votingProgress(t.db);
    expect(progress.nominations.map((n) => n.id).sort()).toEqual(Object.values(other.nominations).filter((id) => id !== other.nominations.special_jury_prize).sort());
    expect(progress.rows.every((r) => r.recusals === 0 && r.cells.every((c) => !c.submitted))).toBe(true);
    expect(progress.rows.map((r) => r.jurorId)).toEqual(jurors.filter((j) => j.active).map((j) => j.id));
  });
});
