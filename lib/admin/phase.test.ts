import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { candidate, edition, jury, juryMember, film, nomination, signinToken, user } from '@/db/schema';
import { seededDb, type TestDb } from '@/tests/db';
import { expectCommonRefusals, expectRefused, run } from '@/tests/actions';
import { openVotingSpec, votingPreconditions } from './phase';

/** Sets an account's role in the jury (issue 23: the chair is a membership, jury_member). */
function seatAs(t: TestDb, login: string, role: 'juror' | 'chair') {
  const id = t.db.select({ id: user.id }).from(user).where(eq(user.login, login)).get()!.id;
  t.db.update(juryMember).set({ role }).where(eq(juryMember.userId, id)).run();
}

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

describe('opening the vote', () => {
  it('opens voting from setup when every precondition holds, and then refuses to open again', () => {
    expect(votingPreconditions(t.db)).toEqual([]);
    run(t, openVotingSpec, {});
    expect(t.db.select().from(jury).get()!.phase).toBe('voting');
    expectRefused(t, openVotingSpec, 'organiser', {}, 'phase:frozen');
  });

  it('refuses a juror, the chair, bad input and any phase after setup', () => {
    expectCommonRefusals(t, openVotingSpec, {}, 'not an object');
  });

  it('lists every unmet precondition and refuses while any is unmet', () => {
    const actress = t.db.select().from(nomination).where(eq(nomination.code, 'best_actress')).get()!;
    t.db.delete(candidate).where(eq(candidate.nominationId, actress.id)).run();
    seatAs(t, 'hansanping', 'juror');
    t.db.update(user).set({ passwordHash: null }).where(eq(user.login, 'juror05')).run();
    t.db.update(jury).set({ recusalByNationality: true }).where(eq(jury.id, 1)).run();
    const unmet = votingPreconditions(t.db);
    // The seeded jurors juror03 to juror12 have no country.
    const noCountry = Array.from({ length: 10 }, (_, i) => `juror${String(i + 3).padStart(2, '0')}`);
    expect(unmet).toEqual([
      { code: 'open:no_candidates', params: { nomination: 'best_actress' } },
      { code: 'open:chair_count', params: { count: 0 } },
      { code: 'open:no_account', params: { login: 'juror05', name: 'Juror 05' } },
      ...noCountry.map((login) => ({ code: 'open:juror_country', params: { login, name: `Juror ${login.slice(-2)}` } })),
      { code: 'open:film_country', params: { count: 21 } },
    ]);
    expectRefused(t, openVotingSpec, 'organiser', {}, 'open:preconditions');
  });

  it('counts an unused, unexpired sign-in token as an account; a second chair cannot be written', () => {
    const j = t.db.select().from(user).where(eq(user.login, 'juror05')).get()!;
    t.db.update(user).set({ passwordHash: null }).where(eq(user.id, j.id)).run();
    t.db.insert(signinToken).values({ userId: j.id, tokenHash: 'b'.repeat(64), expiresAt: '2000-01-01T00:00:00Z' }).run();
    expect(votingPreconditions(t.db)).toEqual([{ code: 'open:no_account', params: { login: 'juror05', name: 'Juror 05' } }]);
    t.db.insert(signinToken).values({ userId: j.id, tokenHash: 'c'.repeat(64), expiresAt: '2999-01-01T00:00:00Z' }).run();
    expect(votingPreconditions(t.db)).toEqual([]);
    // A second chair of the jury cannot even be written (a partial unique index on jury_member).
    expect(() => seatAs(t, 'azimov', 'chair')).toThrow(/UNIQUE/);
    // A deactivated juror needs no account; films out of competition need no country.
    t.db.update(user).set({ active: false, passwordHash: null }).where(eq(user.login, 'juror07')).run();
    t.db.update(film).set({ country: 'XX' }).where(eq(film.competition, false)).run();
    expect(votingPreconditions(t.db)).toEqual([]);
  });
});

describe('readiness that means it', () => {
  const real = () => t.db.update(edition).set({ demo: false }).where(eq(edition.id, 1)).run();

  it('lets the demo festival open with its placeholders (its banner says so), but not a real one', () => {
    expect(votingPreconditions(t.db)).toEqual([]);
    real();
    expect(votingPreconditions(t.db)).toEqual([
      { code: 'open:placeholder_films', params: { count: 21 } },
      { code: 'open:placeholder_performances', params: { count: 46 } },
      { code: 'open:placeholder_jurors', params: { count: 10 } },
    ]);
    expectRefused(t, openVotingSpec, 'organiser', {}, 'open:preconditions');
  });

  it('refuses while the festival lacks its name or city in any interface language', () => {
    t.db.update(edition).set({ nameKk: '  ', cityZh: null }).where(eq(edition.id, 1)).run();
    expect(votingPreconditions(t.db)).toEqual([
      { code: 'open:festival_city', params: { language: 'zh' } },
      { code: 'open:festival_name', params: { language: 'kk' } },
    ]);
    expectRefused(t, openVotingSpec, 'organiser', {}, 'open:preconditions');
  });

  it('counts only what blocks: a replaced film, performance or juror is no placeholder; an inactive placeholder juror does not count', () => {
    real();
    t.db.update(film).set({ placeholder: false }).where(eq(film.placeholder, true)).run();
    t.db.update(candidate).set({ placeholder: false }).where(eq(candidate.placeholder, true)).run();
    t.db.update(user).set({ placeholder: false }).where(eq(user.login, 'juror03')).run();
    t.db.update(user).set({ active: false }).where(eq(user.login, 'juror04')).run();
    expect(votingPreconditions(t.db)).toEqual([{ code: 'open:placeholder_jurors', params: { count: 8 } }]);
    t.db.update(user).set({ placeholder: false }).where(eq(user.placeholder, true)).run();
    expect(votingPreconditions(t.db)).toEqual([]);
    run(t, openVotingSpec, {});
    expect(t.db.select().from(jury).get()!.phase).toBe('voting');
  });
});
