// Issue 23: a new edition beside the old. On a database whose festival has published, the set-up link
// (and `npm run setup`) adds a new edition with its first jury; the earlier edition stays exactly as it
// was: its results, protocol data and exports read at its address, its final hash, and what
// `npm run audit:verify` checks (the chain, the replay, every jury's awards and final hash), also after
// the new edition has voted, finalised and published through the real actions. The link works once; a
// refused set-up changes nothing; tampering with the old edition's stored results is still reported.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { DB } from '@/db';
import { audit, award, edition, jury, nomination, setupToken, user, type Festival } from '@/db/schema';
import { executeAction, runTokenAction, type ActionSpec, type Outcome } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { verifyChain } from '@/lib/audit';
import { replayAudit } from '@/lib/replay/audit';
import { verifyAwards } from '@/lib/round/verify';
import { openVotingSpec } from '@/lib/admin/phase';
import { closeRoundSpec, finaliseSpec, publishSpec } from '@/lib/round/specs';
import { waiveSpecialSpec } from '@/lib/round/decision-specs';
import { saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { awardsCsv, awardsList, fullExport, juryList, receiptList } from '@/lib/round/results';
import { protocolDecisions } from '@/lib/round/protocol-decisions';
import { findFestival, getFestival } from '@/lib/festival/phase';
import { accountHistory } from '@/lib/juror/account-history';
import { juryResultsAt, publishedJuries } from '@/lib/festival/archive';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { demoCast, voteAndSubmit } from '@/tests/festival';
import { addMembers, fillJury, juryRows } from '@/tests/juries';
import { createFestival, issueSetupToken, setupFestivalSpec, setupTokenUsable, type SetupFields, type SetupResult } from './festival';

const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];

const NEXT: SetupFields = {
  nameEn: 'SCO Film Festival', nameZh: '上海合作组织电影节', nameRu: 'Кинофестиваль ШОС', nameKk: 'ШЫҰ кинофестивалі',
  cityEn: 'Almaty', cityZh: '阿拉木图', cityRu: 'Алматы', cityKk: 'Алматы',
  startsOn: '2027-06-10', endsOn: '2027-06-17', timeZone: 'Asia/Almaty', organiser: 'organiser', organiserName: '',
  competitionEn: 'Main competition', competitionZh: '主竞赛', competitionRu: 'Основной конкурс', competitionKk: 'Негізгі байқау',
};

let t: TestDb;
let chair: SessionUser, organiser: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, organiser, jurors } = demoCast(t.db));
});
afterEach(() => t.close());

const ok = <S extends z.ZodType, R>(spec: ActionSpec<S, R>, u: SessionUser, input: unknown): R => {
  const out = executeAction(spec, u, input, t.db);
  if (!out.ok) throw new Error(`expected success, got ${JSON.stringify(out)}`);
  return out.data;
};

function viaLink(values: SetupFields, token: string): Promise<Outcome<SetupResult>> {
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...values, token })) form.append(k, v ?? '');
  return runTokenAction(setupFestivalSpec, form, t.db);
}

/** The demo jury (the 2018 edition) votes, finalises and publishes through the real actions. */
function publishDemo() {
  ok(openVotingSpec, organiser, {});
  for (const code of MAIN) voteAndSubmit(t.db, code, (_j, c) => Math.max(1, 10 - c), jurors);
  ok(closeRoundSpec, chair, {});
  ok(waiveSpecialSpec, chair, { reason: 'not this year' });
  ok(finaliseSpec, chair, {});
  ok(publishSpec, organiser, {});
}

/** What the results page, the protocol and the exports read of a jury, and its stored final hash. */
function shown(db: DB, fest: Festival) {
  return {
    fest, awards: awardsList(db, fest), receipts: receiptList(db, fest), jury: juryList(db, fest),
    decisions: protocolDecisions(db, fest.phase, null, fest.id), json: fullExport(db, fest), csv: awardsCsv(db, fest),
    finalHash: db.select({ h: jury.finalHash }).from(jury).where(eq(jury.id, fest.id)).get()!.h,
  };
}

function olderAtItsAddress(): Festival {
  const at = juryResultsAt(t.db, { edition: '2018', jury: 'main' });
  if (at.state !== 'published') throw new Error(`expected the 2018 jury published, got ${at.state}`);
  return at.fest;
}

/** What npm run audit:verify checks (scripts/audit-verify.ts), as a list of problems. */
function auditProblems(db: DB): string[] {
  const chain = verifyChain(db);
  const awards = verifyAwards(db);
  return [...(chain.ok ? [] : [`chain broken at ${chain.brokenAt}`]), ...replayAudit(db), ...(awards.ok ? [] : awards.problems)];
}

describe('a new edition by the set-up link, beside a published one', () => {
  it('leaves the earlier edition as it was, through its own vote and publication, and audit:verify checks both', async () => {
    publishDemo();
    const old = getFestival(t.db);
    const before = shown(t.db, old);
    const oldRows = juryRows(t.db, old.id);
    expect(before.finalHash).toMatch(/^[0-9a-f]{64}$/);
    expect(auditProblems(t.db)).toEqual([]);

    // The server's start prints no link beside a festival; npm run setup -- --link does.
    expect(issueSetupToken(t.db)).toBeNull();
    const token = issueSetupToken(t.db, 'edition')!;
    // Its events and names, not when the names were first stated (the demo seed states none; the set-up does).
    const history = () => { const h = accountHistory(t.db, organiser.id)!; return { events: h.events, names: h.names.map((n) => n.displayName) }; };
    const organiserHistory = history();
    const out = await viaLink(NEXT, token);
    expect(out).toEqual({ ok: true, data: { organiser: 'organiser', password: null, edition: '2027', earlier: 1 } });

    // The new edition is served by default, with its competition's name; the organiser's account is the same.
    const served = findFestival(t.db)!;
    expect(served).toMatchObject({ editionSlug: '2027', slug: 'main', phase: 'setup', city: 'Almaty', competitionName: 'Main competition', competitionNameKk: 'Негізгі байқау', demo: false });
    expect(served.id).not.toBe(old.id);
    expect(t.db.select({ id: user.id }).from(user).where(eq(user.login, 'organiser')).all()).toEqual([{ id: organiser.id }]);
    expect(history()).toEqual(organiserHistory); // not "created" again, nor renamed
    const entries = t.db.select().from(audit).where(eq(audit.action, 'festival.setup')).all();
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].payload)).toMatchObject({ via: 'link', organiserReused: true, earlierEditions: 1, jury: served.id, accounts: [expect.objectContaining({ id: organiser.id })] });

    // The link works once.
    const after = snapshot(t.db);
    expect(setupTokenUsable(t.db, token)).toBe(false);
    expect(await viaLink({ ...NEXT, slug: 'replay', organiser: 'mallory' }, token)).toMatchObject({ ok: false, code: 'setup:exists' });
    expect(snapshot(t.db)).toBe(after);

    // The new edition votes, finalises and publishes through the real actions, on members of its own.
    const fresh = fillJury(t.db, served.id);
    const ids = addMembers(t.db, served.id, { count: 4 });
    const members = ids.map((id) => userByLogin(t.db, t.db.select({ login: user.login }).from(user).where(eq(user.id, id)).get()!.login));
    const newOrganiser = userByLogin(t.db, 'organiser');
    ok(openVotingSpec, newOrganiser, {});
    for (const code of MAIN) {
      members.forEach((m, j) => {
        fresh.candidates[code].forEach((c, k) => ok(saveScoreSpec, m, { candidateId: c, value: 1 + ((j + 2 * k) % 10) }));
        ok(submitBallotSpec, m, { nominationId: fresh.nominations[code] });
      });
    }
    ok(closeRoundSpec, members[0], {});
    ok(waiveSpecialSpec, members[0], { reason: 'not this year' });
    ok(finaliseSpec, members[0], {});
    ok(publishSpec, newOrganiser, {});
    expect(getFestival(t.db)).toMatchObject({ id: served.id, phase: 'published' });
    expect(publishedJuries(t.db).map((j) => j.path)).toEqual(['/results/2027/main', '/results/2018/main']);

    // The earlier edition reads exactly as before, at its address; its rows are untouched.
    expect(shown(t.db, olderAtItsAddress())).toEqual(before);
    expect(juryRows(t.db, old.id)).toEqual(oldRows);
    // audit:verify: the whole chain, the replay of both juries, and each jury's awards and final hash.
    expect(auditProblems(t.db)).toEqual([]);
    const awards = verifyAwards(t.db);
    expect(awards.ok && awards.checked).toBeGreaterThan(before.awards.length);

    // Tampering with the old edition's stored results is still reported, naming its jury.
    const first = t.db.select({ id: award.id, nominationId: award.nominationId, candidateId: award.candidateId }).from(award)
      .innerJoin(nomination, eq(nomination.id, award.nominationId)).where(eq(nomination.juryId, old.id)).orderBy(asc(award.id)).get()!;
    t.db.$client.prepare('update award set candidate_id = (select id from candidate where nomination_id = ? and id <> ? limit 1) where id = ?')
      .run(first.nominationId, first.candidateId, first.id);
    const tampered = verifyAwards(t.db);
    expect(tampered.ok).toBe(false);
    expect(tampered.ok ? [] : tampered.problems.join('\n')).toContain(`jury main (${old.id})`);
  });
});

describe('a new edition refused', () => {
  it('while the newest edition has a jury that has not published, unless the operator says so on the command line', async () => {
    const token = issueSetupToken(t.db, 'edition')!;
    const before = snapshot(t.db);
    expect(await viaLink(NEXT, token)).toMatchObject({ ok: false, code: 'setup:unfinished', params: { juries: 'main' } });
    await expect(createFestival(t.db, NEXT)).rejects.toMatchObject({ code: 'setup:unfinished' });
    expect(snapshot(t.db)).toBe(before);
    // A rehearsal: `npm run setup -- --unfinished`. The demo jury stays as it was, no longer served by default.
    const demoRows = juryRows(t.db, 1);
    const out = await createFestival(t.db, { ...NEXT, organiser: 'rehearsal' }, { allowUnfinished: true });
    expect(out).toMatchObject({ organiser: 'rehearsal', password: expect.stringMatching(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/), edition: '2027', earlier: 1 });
    expect(findFestival(t.db)!.editionSlug).toBe('2027');
    expect(juryRows(t.db, 1)).toEqual(demoRows);
    const entry = t.db.select().from(audit).where(eq(audit.action, 'festival.setup')).get()!;
    expect(JSON.parse(entry.payload)).toMatchObject({ via: 'command', unfinishedAllowed: ['main'], organiserReused: false });
    expect(auditProblems(t.db)).toEqual([]);
    // Every unused link is void once an edition is set up.
    expect(setupTokenUsable(t.db, token)).toBe(false);
  });

  it('for an address an earlier edition has, and for a login that is not an active organiser’s; nothing changes, the link stays usable', async () => {
    publishDemo();
    const token = issueSetupToken(t.db, 'edition')!;
    const before = snapshot(t.db);
    const azimov = t.db.select().from(user).where(eq(user.login, 'azimov')).get()!;
    expect(await viaLink({ ...NEXT, slug: '2018' }, token)).toMatchObject({ ok: false, code: 'setup:slug_taken', fieldErrors: { slug: ['slug_taken'] } });
    expect(await viaLink({ ...NEXT, organiser: 'azimov' }, token)).toMatchObject({ ok: false, code: 'setup:login_taken', fieldErrors: { organiser: ['login_taken'] } });
    expect(await viaLink({ ...NEXT, slug: 'Not A Slug' }, token)).toMatchObject({ ok: false, code: 'invalid:input', fieldErrors: { slug: ['slug_format'] } });
    expect(await viaLink({ ...NEXT, competitionRu: '' }, token)).toMatchObject({ ok: false, code: 'invalid:input', fieldErrors: { competitionRu: ['competition_all'] } });
    await expect(createFestival(t.db, { ...NEXT, slug: '2018' })).rejects.toMatchObject({ code: 'setup:slug_taken' });
    expect(snapshot(t.db)).toBe(before);
    expect(t.db.select().from(user).where(eq(user.login, 'azimov')).get()).toEqual(azimov);
    expect(t.db.select().from(setupToken).all().filter((r) => r.usedAt === null)).toHaveLength(1);
    // The same link then works, with an address of the operator's choice.
    expect(await viaLink({ ...NEXT, slug: 'sco-2027', organiser: 'anna' }, token)).toMatchObject({ ok: true, data: { edition: 'sco-2027', organiser: 'anna' } });
    expect(t.db.select({ slug: edition.slug }).from(edition).orderBy(asc(edition.id)).all().map((e) => e.slug)).toEqual(['2018', 'sco-2027']);
    expect(t.db.select().from(user).where(eq(user.login, 'anna')).get()).toMatchObject({ role: 'organiser', mustChangePassword: true });
  });
});
