// The ballot's layouts: the juror's remembered choice (refusals change nothing), and the by-film
// read, which holds the juror's own values only, every nomination of the film, its recusal and
// each ballot's state; the films list with progress.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { audit, candidate, user } from '@/db/schema';
import { executeAction, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { expectRefused, setPhase } from '@/tests/actions';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId } from '@/tests/festival';
import { declareRecusalSpec, saveNoteSpec, saveScoreSpec, submitBallotSpec } from './specs';
import { ballotViewOf, setBallotViewSpec } from './view';
import { filmBallotView, jurorFilms } from './film-view';

let t: TestDb;
let juror: SessionUser, other: SessionUser, organiser: SessionUser, chair: SessionUser;
beforeEach(async () => {
  t = await seededDb();
  ({ juror, organiser, chair } = demoCast(t.db));
  other = userByLogin(t.db, 'juror03');
  setPhase(t, 'voting');
});
afterEach(() => t.close());

const run = <T,>(spec: Parameters<typeof executeAction>[0], u: SessionUser | null, input: unknown) => executeAction(spec, u, input, t.db) as Outcome<T>;
const ok = (o: Outcome<unknown>) => expect(o).toMatchObject({ ok: true });

describe('the remembered layout', () => {
  it('is the cards until the juror picks the compact list, which is stored on their row and audited', () => {
    expect(ballotViewOf(t.db, juror.id)).toBe('cards');
    ok(run(setBallotViewSpec, juror, { view: 'compact' }));
    expect(ballotViewOf(t.db, juror.id)).toBe('compact');
    expect(ballotViewOf(t.db, other.id)).toBe('cards');
    const last = t.db.select().from(audit).orderBy(asc(audit.id)).all().at(-1)!;
    expect(last).toMatchObject({ action: 'ballot.set_view', actorId: juror.id });
    expect(JSON.parse(last.payload)).toEqual({ view: 'compact' });
    // The chair is a juror too, and a closed round is still read in a layout.
    setPhase(t, 'published');
    ok(run(setBallotViewSpec, chair, { view: 'compact' }));
    expect(ballotViewOf(t.db, chair.id)).toBe('compact');
  });

  it('refuses no session, an organiser, an unknown layout or another field, and changes nothing', () => {
    expectRefused(t, setBallotViewSpec, null, { view: 'compact' }, 'auth:required');
    expectRefused(t, setBallotViewSpec, organiser, { view: 'compact' }, 'forbidden:role');
    expectRefused(t, setBallotViewSpec, { ...juror, active: false }, { view: 'compact' }, 'auth:required');
    expectRefused(t, setBallotViewSpec, juror, { view: 'grid' }, 'invalid:input');
    expectRefused(t, setBallotViewSpec, juror, { view: 'compact', userId: other.id }, 'invalid:input');
    expectRefused(t, setBallotViewSpec, juror, 'compact', 'invalid:input');
  });

  it('reads a value written into the database by hand as the cards', () => {
    t.db.update(user).set({ ballotView: 'spreadsheet' as never }).where(eq(user.id, juror.id)).run();
    expect(ballotViewOf(t.db, juror.id)).toBe('cards');
  });
});

describe('one film across the ballot', () => {
  const firstFilm = () => candidatesOf(t.db, 'best_film')[0].filmId;

  it('lists every nomination the film and its performances are candidates in, with only this juror’s values and notes', () => {
    const filmId = firstFilm();
    const mine = t.db.select().from(candidate).where(eq(candidate.filmId, filmId)).all();
    // Another juror's score and note on the same candidates never reach this juror's view.
    for (const c of mine) {
      ok(run(saveScoreSpec, other, { candidateId: c.id, value: 3 }));
      ok(run(saveNoteSpec, other, { candidateId: c.id, note: 'OTHER-NOTE' }));
    }
    const [director] = mine.filter((c) => c.nominationId === nominationId(t.db, 'best_director'));
    ok(run(saveScoreSpec, juror, { candidateId: director.id, value: 8 }));
    const view = filmBallotView(t.db, juror, filmId)!;
    expect(view.sections.flatMap((s) => s.candidates.map((c) => c.id)).sort()).toEqual(mine.map((c) => c.id).sort());
    expect(view.sections.map((s) => s.nomination.code)).toEqual(expect.arrayContaining(['best_film', 'best_director', 'best_screenplay']));
    const all = view.sections.flatMap((s) => s.candidates);
    expect(all.every((c) => c.filmId === filmId)).toBe(true);
    expect(all.find((c) => c.id === director.id)?.value).toBe(8);
    expect(all.filter((c) => c.id !== director.id).every((c) => c.value === null && c.note === '')).toBe(true);
    expect(JSON.stringify(view)).not.toContain('OTHER-NOTE');
    expect(view.sections.every((s) => s.state === 'open')).toBe(true);
  });

  it('shows the recusal on every nomination, and a submitted ballot as submitted', () => {
    const filmId = firstFilm();
    ok(run(declareRecusalSpec, juror, { filmId, reason: 'I co-produced it' }));
    const view = filmBallotView(t.db, juror, filmId)!;
    expect(view.recusal).toBe('I co-produced it');
    expect(view.sections.flatMap((s) => s.candidates).every((c) => c.recusal === 'I co-produced it')).toBe(true);
    // The recusal is what the server enforces, not only what the page shows.
    const [c] = view.sections[0].candidates;
    expectRefused(t, saveScoreSpec, juror, { candidateId: c.id, value: 5 }, 'ballot:recused');

    const other2 = candidatesOf(t.db, 'best_film')[1].filmId;
    for (const cand of candidatesOf(t.db, 'best_film')) if (cand.filmId !== filmId) ok(run(saveScoreSpec, juror, { candidateId: cand.id, value: 6 }));
    ok(run(submitBallotSpec, juror, { nominationId: nominationId(t.db, 'best_film') }));
    const after = filmBallotView(t.db, juror, other2)!;
    expect(after.sections.find((s) => s.nomination.code === 'best_film')?.state).toBe('submitted');
    expect(after.sections.find((s) => s.nomination.code === 'best_director')?.state).toBe('open');
  });

  it('is nothing for an unknown film or a film that is a candidate nowhere', () => {
    expect(filmBallotView(t.db, juror, 999_999)).toBeNull();
    const filmId = firstFilm();
    t.db.delete(candidate).where(eq(candidate.filmId, filmId)).run();
    expect(filmBallotView(t.db, juror, filmId)).toBeNull();
  });

  it('lists the films with the juror’s own progress over the open ballots', () => {
    const filmId = firstFilm();
    const before = jurorFilms(t.db, juror);
    expect(before.length).toBe(new Set(candidatesOf(t.db, 'best_film').map((c) => c.filmId)).size);
    const entry = before.find((f) => f.id === filmId)!;
    expect(entry.scored).toBe(0);
    const mine = t.db.select().from(candidate).where(eq(candidate.filmId, filmId)).all();
    // Main-round candidates only: the special round is not open in voting.
    const open = mine.filter((c) => c.nominationId !== nominationId(t.db, 'special_jury_prize'));
    expect(entry.toScore).toBe(open.length);
    ok(run(saveScoreSpec, other, { candidateId: open[0].id, value: 9 }));
    expect(jurorFilms(t.db, juror).find((f) => f.id === filmId)!.scored).toBe(0);
    ok(run(saveScoreSpec, juror, { candidateId: open[0].id, value: 9 }));
    expect(jurorFilms(t.db, juror).find((f) => f.id === filmId)!.scored).toBe(1);
    ok(run(declareRecusalSpec, juror, { filmId, reason: 'I co-produced it' }));
    expect(jurorFilms(t.db, juror).find((f) => f.id === filmId)).toMatchObject({ recused: true, toScore: 0 });
  });
});
