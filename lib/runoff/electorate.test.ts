// Issue 20, route 3 ("shrink the electorate"), played through the real actions on a real database:
// with the nationality rule on and a tie between a Russian and an Uzbek film, only the chair and one
// juror may vote in a runoff. Were it held, the chair would subtract their own vote and read the
// juror's choice, and after publication anyone would, from the export's counts and the countries.
// The rule: a runoff needs at least 3 entitled voters besides the chair, or the chain skips it; a
// runoff's counts are withheld, like an aggregate, when fewer than 3 votes besides the reader's stand behind them.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq, ne } from 'drizzle-orm';
import { jury, film, nomination, runoff, runoffVote, user } from '@/db/schema';
import type { z } from 'zod';
import { executeAction, type ActionSpec, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { seededDb, type TestDb } from '@/tests/db';
import { candidatesOf, demoCast, nominationId } from '@/tests/festival';
import { expectRefused, setPhase } from '@/tests/actions';
import { closeRoundSpec, decideTieSpec, finaliseSpec, publishSpec } from '@/lib/round/specs';
import { tallyOrRefuse } from '@/lib/count/checked-tally';
import { closedRoundTally } from '@/lib/round/view';
import { awardsCsv, fullExport } from '@/lib/round/results';
import { roomDisplay } from '@/lib/live/room';
import { parseDistributionsInput, tallyDistributions } from '@/lib/tally';
import { castRunoffVoteSpec, closeRunoffSpec, openRunoffSpec } from './specs';
import { runoffDesk } from './desk';

let t: TestDb;
let chair: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, organiser, jurors } = demoCast(t.db));
  // Best Director alone: the other awards (and the special round) would only need deciding too.
  t.db.delete(nomination).where(ne(nomination.code, 'best_director')).run();
  t.db.update(nomination).set({ tieBreak: JSON.stringify(['runoff', 'casting_vote']) }).where(eq(nomination.code, 'best_director')).run();
});
afterEach(() => t.close());

const ok = <S extends z.ZodType, R>(spec: ActionSpec<S, R>, u: SessionUser | null, input: unknown): R => {
  const out: Outcome<R> = executeAction(spec, u, input, t.db);
  if (!out.ok) throw new Error(`expected success, got ${JSON.stringify(out)}`);
  return out.data;
};

/** Every juror scores the first two candidates 9 (where the nationality rule lets them) and the rest 5, and submits. */
function tieAndClose() {
  const cs = candidatesOf(t.db, 'best_director');
  const nom = nominationId(t.db, 'best_director');
  setPhase(t, 'voting');
  for (const u of jurors) {
    // A film of the juror's own country is not theirs to score: the action refuses, and the ballot goes without it.
    for (const [i, c] of cs.entries()) executeAction(saveScoreSpec, u, { candidateId: c.id, value: i < 2 ? 9 : 5 }, t.db);
    expect(executeAction(submitBallotSpec, u, { nominationId: nom }, t.db).ok).toBe(true);
  }
  ok(closeRoundSpec, chair, { confirmMissing: true });
  return { a: cs[0].id, b: cs[1].id };
}

/** The nationality rule on; the first tied film Russian, the second Uzbek, the rest Chinese; the chair and Azimov Kazakh, the others Russian or Uzbek. */
function twoVoters() {
  t.db.update(jury).set({ recusalByNationality: true, publicationLevel: 'distributions' }).where(eq(jury.id, 1)).run();
  const [a, b] = candidatesOf(t.db, 'best_director');
  t.db.update(film).set({ country: 'CN' }).where(ne(film.country, 'CN')).run();
  t.db.update(film).set({ country: 'RU' }).where(eq(film.id, a.filmId)).run();
  t.db.update(film).set({ country: 'UZ' }).where(eq(film.id, b.filmId)).run();
  const azimov = jurors.find((j) => j.login === 'azimov')!;
  jurors.forEach((j, i) => {
    const country = j.id === chair.id || j.id === azimov.id ? 'KZ' : i % 2 ? 'RU' : 'UZ';
    t.db.update(user).set({ country }).where(eq(user.id, j.id)).run();
  });
  return azimov;
}

const bestDirector = () => tallyOrRefuse(t.db).result.nominations.find((n) => n.code === 'best_director')!;
const nom = () => t.db.select().from(nomination).where(eq(nomination.code, 'best_director')).get()!;

describe('a tie only the chair and one juror may vote on (route 3)', () => {
  it('goes to no runoff: the tally skips the step and says why, the desk offers none, openRunoff refuses, the casting vote decides', () => {
    twoVoters();
    const { a, b } = tieAndClose();
    const n = bestDirector();
    expect(n.status).toBe('blocked');
    expect(n.tie?.next).toEqual(['casting_vote']);
    expect(n.reasons).toContainEqual({ code: 'runoff_skipped', params: { candidates: `${a},${b}`, places: 1, entitled: 1, needed: 3, steps: 1 } });
    expect(runoffDesk(t.db, nom(), n.tie)).toMatchObject({ due: false, open: null, next: ['casting_vote'] });
    expectRefused(t, openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }, 'runoff:too_few_voters');
    ok(decideTieSpec, chair, { nomination: 'best_director', kind: 'casting_vote', tied: [a, b], chosen: [b], reason: '' });
    expect(bestDirector()).toMatchObject({ status: 'decided', winners: [String(b)] });
  });

  it('published at distributions: the export says the runoff was skipped and why, holds no count, and recomputes the award', () => {
    twoVoters();
    const { a, b } = tieAndClose();
    ok(decideTieSpec, chair, { nomination: 'best_director', kind: 'casting_vote', tied: [a, b], chosen: [a], reason: '' });
    ok(finaliseSpec, chair, {});
    ok(publishSpec, organiser, {});
    const exp = fullExport(t.db) as Record<string, unknown>;
    expect(exp.publicationLevel).toBe('distributions');
    expect(exp.runoffsSkipped).toEqual([{ nomination: 'best_director', tied: [String(a), String(b)], places: 1, entitled: 1 }]);
    expect(exp).not.toHaveProperty('runoffCounts');
    expect(exp).not.toHaveProperty('runoffReceipts');
    expect(t.db.select().from(runoff).all()).toEqual([]);
    // `npm run tally` on the file: the skip is the export's word, and the award recomputes.
    const parsed = parseDistributionsInput(JSON.parse(JSON.stringify(exp)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
    const again = tallyDistributions(parsed.input);
    expect(again.mismatches).toEqual([]);
    expect(again.result!.nominations[0]).toMatchObject({ status: 'decided', winners: [String(a)] });
    expect(awardsCsv(t.db)).not.toMatch(/runoff/i);
  });

  it('a runoff held with the chair and one juror before this rule (a database from before) shows no count', () => {
    const azimov = twoVoters();
    const { a, b } = tieAndClose();
    const r = t.db.insert(runoff).values({ nominationId: nom().id, tied: JSON.stringify([a, b]), openedAt: '2026-11-30T10:00:00.000Z', closedAt: '2026-11-30T10:05:00.000Z' }).returning().get();
    t.db.insert(runoffVote).values({ runoffId: r.id, jurorId: chair.id, choice: a, receipt: 'r-chair', salt: 's' }).run();
    t.db.insert(runoffVote).values({ runoffId: r.id, jurorId: azimov.id, choice: b, receipt: 'r-azimov', salt: 's' }).run();
    // It keeps counting (stored awards of such a database still follow from it): 1–1, tied again, the casting vote next.
    const n = bestDirector();
    expect(n.runoffs).toHaveLength(1);
    expect(n.tie?.next).toEqual(['casting_vote']);
    const view = closedRoundTally(t.db).nominations.find((x) => x.code === 'best_director')!;
    expect(view.reasons.map((x) => x.code)).toContain('runoff_tied_thin');
    expect(JSON.stringify(view.reasons)).not.toMatch(/1–1/);
    const desk = runoffDesk(t.db, nom(), n.tie);
    expect(desk.closed).toEqual([expect.objectContaining({ withheld: true, counts: [], votes: 2 })]);
    expect(roomDisplay(t.db).last).toMatchObject({ withheld: true, counts: [] });
  });
});

describe('a runoff\'s counts with fewer than 3 votes besides the reader\'s', () => {
  it('closing early needs 3 votes besides the chair\'s', () => {
    t.db.update(jury).set({ recusalByNationality: false, quorum: 3 }).where(eq(jury.id, 1)).run();
    const { a, b } = tieAndClose();
    const r = ok(openRunoffSpec, chair, { nomination: 'best_director', tied: [a, b] }).runoff;
    const others = jurors.filter((j) => j.id !== chair.id);
    ok(castRunoffVoteSpec, chair, { runoff: r, choice: a });
    ok(castRunoffVoteSpec, others[0], { runoff: r, choice: a });
    ok(castRunoffVoteSpec, others[1], { runoff: r, choice: b });
    // Three votes meet the festival's quorum of 3, but the chair's is one of them: the chair would read two jurors' choices.
    expectRefused(t, closeRunoffSpec, chair, { runoff: r }, 'runoff:below_quorum');
    ok(castRunoffVoteSpec, others[2], { runoff: r, choice: b });
    ok(closeRunoffSpec, chair, { runoff: r });
  });

  it('a closed runoff of the chair and two jurors (a database from before): the desk, the tally view and the room say who won, not the counts', () => {
    t.db.update(jury).set({ recusalByNationality: false }).where(eq(jury.id, 1)).run();
    const { a, b } = tieAndClose();
    const others = jurors.filter((j) => j.id !== chair.id);
    const r = t.db.insert(runoff).values({ nominationId: nom().id, tied: JSON.stringify([a, b]), openedAt: '2026-11-30T10:00:00.000Z', closedAt: '2026-11-30T10:05:00.000Z' }).returning().get();
    for (const [u, choice] of [[chair, a], [others[0], a], [others[1], b]] as const) {
      t.db.insert(runoffVote).values({ runoffId: r.id, jurorId: u.id, choice, receipt: `r-${u.id}`, salt: 's' }).run();
    }
    expect(bestDirector()).toMatchObject({ status: 'decided', winners: [String(a)] });
    const desk = closedRoundTally(t.db).nominations.find((n) => n.code === 'best_director')!;
    expect(desk.reasons.map((x) => x.code)).toContain('runoff_decided_thin');
    expect(JSON.stringify(desk.reasons)).not.toMatch(/votes|2–1/);
    expect(desk.runoffs?.[0].counts).toEqual([]);
    expect(runoffDesk(t.db, nom(), null).closed[0]).toMatchObject({ withheld: true, counts: [] });
    expect(roomDisplay(t.db).last).toMatchObject({ withheld: true, counts: [], winners: [expect.objectContaining({ id: a })] });
    // With a fourth vote the counts stand on 3 votes besides the chair's.
    t.db.insert(runoffVote).values({ runoffId: r.id, jurorId: others[2].id, choice: a, receipt: 'r-4', salt: 's' }).run();
    expect(runoffDesk(t.db, nom(), null).closed[0]).toMatchObject({ withheld: false, votes: 4 });
    expect(closedRoundTally(t.db).nominations[0].reasons.map((x) => x.code)).toContain('runoff_decided');
  });
});
