// Issue 23, per-jury membership: who votes, chairs and counts is the served jury's jury_member, never the
// accounts of the database. With a second jury (same edition, then a newer one) and its generated members:
// a juror of one jury is in no count, list or slip of the other; the chair of an older edition's jury has
// no chair right in the newer served jury (every chair action refused, nothing written); a person on both
// juries scores in the served one while their ballots in the other stay as they were; and a chair moved in
// jury_member in the file alone is reported by audit:verify's account replay.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { ballot, ballotScore, jury, juryMember, nomination, score, user } from '@/db/schema';
import type { DB } from '@/db';
import { executeAction, runAction } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { demoCast, voteAndSubmit } from '@/tests/festival';
import { bytes, expectRefused, run } from '@/tests/actions';
import { addJury, addMembers } from '@/tests/juries';
import { buildTallyInput } from '@/lib/count/tally-input';
import { quorumOf } from '@/lib/count/quorum';
import { missingBallots } from '@/lib/round/missing';
import { juryList } from '@/lib/round/results';
import { submissionTable } from '@/lib/round/view';
import { votingProgress } from '@/lib/admin/progress';
import { listJuryAccounts } from '@/lib/juror/queries';
import { listJurors } from '@/lib/festival/queries';
import { importJurorsSpec, issueSlipsSpec } from '@/lib/juror/import-specs';
import { ISSUE_SLIPS } from '@/lib/juror/slips-confirm';
import { openVotingSpec } from '@/lib/admin/phase';
import { saveScoreSpec, reopenBallotSpec } from '@/lib/ballot/specs';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, reopenRoundSpec } from '@/lib/round/specs';
import { noAwardSpec, waiveSpecialSpec, withdrawDecisionSpec } from '@/lib/round/decision-specs';
import { closeRunoffSpec, openRunoffSpec } from '@/lib/runoff/specs';
import { approveAccountRequestSpec, refuseAccountRequestSpec } from '@/lib/juror/requests';
import { approveProposalSpec, refuseProposalSpec } from '@/lib/juror/proposals';
import { replayAudit } from '@/lib/replay/audit';
import { findFestival } from './phase';

let t: TestDb;
let chair: SessionUser, organiser: SessionUser, juror: SessionUser, jurors: SessionUser[];
beforeEach(async () => {
  t = await seededDb();
  ({ chair, organiser, juror, jurors } = demoCast(t.db));
});
afterEach(() => t.close());

/** The served jury's electorate as every room reads it. */
function electorate(db: DB) {
  return {
    tally: buildTallyInput(db).jurors, quorum: quorumOf(db, 'main'), missing: missingBallots(db, 'main'), progress: votingProgress(db),
    accounts: listJuryAccounts(db), jurors: listJurors(db), results: juryList(db), submissions: submissionTable(db),
  };
}

const ids = (xs: { id: number | string }[]) => xs.map((x) => Number(x.id)).sort((a, b) => a - b);

describe('a second jury of the same edition, with members of its own', () => {
  it('its jurors are in none of the served jury\'s counts, lists or slips, and have no right in it', async () => {
    const before = electorate(t.db);
    const other = addJury(t.db, { edition: 'same' });
    const members = addMembers(t.db, other.juryId, { count: 4 });
    expect(electorate(t.db)).toEqual(before);
    expect(ids(buildTallyInput(t.db).jurors)).toEqual(jurors.map((j) => j.id).sort((a, b) => a - b));
    // Its own tally input is its members'.
    const otherJury = t.db.select().from(jury).where(eq(jury.id, other.juryId)).get()!;
    expect(ids(buildTallyInput(t.db, otherJury).jurors)).toEqual(members);

    // In the served jury its chair and jurors are nobody's: the session carries no role.
    for (const id of members) {
      const login = `j${other.juryId}-member-${members.indexOf(id) + 1}`;
      expect(userByLogin(t.db, login).role).toBeNull();
    }
    // The slips are the served jury's active members' only.
    const slips = await runAction(issueSlipsSpec, organiser, ISSUE_SLIPS, t.db);
    if (!slips.ok) throw new Error(JSON.stringify(slips));
    const logins = slips.data.map((s) => s.login).sort();
    expect(logins).toEqual(jurors.map((j) => j.login).sort());
    expect(replayAudit(t.db)).toEqual([]);
  });
});

describe('a newer edition served, with a person on both juries', () => {
  it('the older jury\'s chair has no chair right; the person on both scores in the served jury, their older ballots unchanged', () => {
    expect(executeAction(openVotingSpec, organiser, {}, t.db)).toMatchObject({ ok: true });
    voteAndSubmit(t.db, 'best_film', (j, c) => Math.max(1, 9 - c), [juror, chair]);
    const demoJuryId = findFestival(t.db)!.id;
    const demoNoms = t.db.select({ id: nomination.id }).from(nomination).where(eq(nomination.juryId, demoJuryId)).all().map((n) => n.id);
    const olderBallots = () => {
      const ballots = t.db.select().from(ballot).where(and(eq(ballot.jurorId, juror.id), inArray(ballot.nominationId, demoNoms))).orderBy(asc(ballot.id)).all();
      return { ballots, snapshots: t.db.select().from(ballotScore).where(inArray(ballotScore.ballotId, ballots.map((b) => b.id))).orderBy(asc(ballotScore.ballotId), asc(ballotScore.candidateId)).all(),
        scores: t.db.select().from(score).where(eq(score.jurorId, juror.id)).orderBy(asc(score.id)).all() };
    };
    const older = olderBallots();
    expect(older.ballots).toHaveLength(1);
    const demoJury = t.db.select().from(jury).where(eq(jury.id, demoJuryId)).get()!;
    const olderElectorate = buildTallyInput(t.db, demoJury).jurors;

    const newer = addJury(t.db, { edition: 'new', phase: 'voting' });
    const members = addMembers(t.db, newer.juryId, { count: 4, also: [{ id: juror.id, role: 'juror' }] });
    expect(findFestival(t.db)!.id).toBe(newer.juryId);

    // The served jury's electorate is its members: the newer jury's and the person on both.
    expect(ids(buildTallyInput(t.db).jurors)).toEqual([...members, juror.id].sort((a, b) => a - b));
    expect(votingProgress(t.db).rows.map((r) => r.jurorId).sort((a, b) => a - b)).toEqual([...members, juror.id].sort((a, b) => a - b));
    expect(quorumOf(t.db, 'main').quorum).toBe(5);
    // The older jury's, read for itself (audit:verify), is as it was.
    expect(buildTallyInput(t.db, demoJury).jurors).toEqual(olderElectorate);

    // The older jury's chair: no role here, every chair action refused, nothing written (database and log).
    const oldChair = userByLogin(t.db, chair.login);
    expect(oldChair.role).toBeNull();
    expect(userByLogin(t.db, `j${newer.juryId}-member-1`).role).toBe('chair');
    const chairSpecs = [closeRoundSpec, reopenRoundSpec, decideTieSpec, openSpecialRoundSpec, finaliseSpec, noAwardSpec, withdrawDecisionSpec, waiveSpecialSpec,
      openRunoffSpec, closeRunoffSpec, reopenBallotSpec, approveAccountRequestSpec, refuseAccountRequestSpec, approveProposalSpec, refuseProposalSpec] as const;
    for (const spec of chairSpecs) expectRefused(t, spec as Parameters<typeof expectRefused>[1], oldChair, {}, 'forbidden:role');
    expectRefused(t, saveScoreSpec, oldChair, { candidateId: newer.candidates.best_film[0], value: 7 }, 'forbidden:role');

    // The person on both juries is a juror of the served one, and scores in it.
    const both = userByLogin(t.db, juror.login);
    expect(both.role).toBe('juror');
    expect(executeAction(saveScoreSpec, both, { candidateId: newer.candidates.best_film[0], value: 7 }, t.db)).toMatchObject({ ok: true });
    const olderNow = olderBallots();
    expect(olderNow.ballots).toEqual(older.ballots);
    expect(olderNow.snapshots).toEqual(older.snapshots);
    expect(olderNow.scores.filter((s) => !newer.candidates.best_film.includes(s.candidateId))).toEqual(older.scores);
    expect(replayAudit(t.db)).toEqual([]);
  });
});

describe('memberships in the keyed log', () => {
  it('a chair moved or a juror seated in jury_member in the file alone is reported by the account replay', () => {
    expect(replayAudit(t.db)).toEqual([]);
    const juryId = findFestival(t.db)!.id;
    t.db.$client.prepare("update jury_member set role = 'juror' where jury_id = ? and user_id = ?").run(juryId, chair.id);
    t.db.$client.prepare("update jury_member set role = 'chair' where jury_id = ? and user_id = ?").run(juryId, juror.id);
    const other = addJury(t.db, { edition: 'same' });
    t.db.$client.prepare("insert into jury_member (jury_id, user_id, role) values (?, ?, 'juror')").run(other.juryId, jurors[3].id);
    const problems = replayAudit(t.db);
    expect(problems).toEqual(expect.arrayContaining([
      expect.stringMatching(new RegExp(`login ${juror.login}.*jury memberships are chair of jury ${juryId}`)),
      expect.stringMatching(new RegExp(`login ${chair.login}.*jury memberships are juror of jury ${juryId}`)),
      expect.stringMatching(new RegExp(`login ${jurors[3].login}.*jury memberships are .*juror of jury ${other.juryId}`)),
    ]));
  });
});

describe('importing the jury of a newer edition', () => {
  it('seats a login of the older jury with its one account, names and password unchanged; its chair column moves this jury\'s chair only', () => {
    const newer = addJury(t.db, { edition: 'new' });
    const membersOf = (juryId: number) => t.db.select({ userId: juryMember.userId, role: juryMember.role }).from(juryMember).where(eq(juryMember.juryId, juryId)).orderBy(asc(juryMember.userId)).all();
    const demoJuryId = 1;
    const olderMembers = membersOf(demoJuryId);
    const azimovBefore = t.db.select().from(user).where(eq(user.id, juror.id)).get()!;
    const head = 'name,latin_name,login,country,language,role\n';
    // Azimov under another name in the file, as chair; a new juror; then, a second file makes the new juror chair.
    expect(run(t, importJurorsSpec, { csv: bytes(`${head}Другое имя,Other Name,${juror.login},FR,en,chair\nNew Person,,new-person,FR,en,juror\n`) }))
      .toEqual({ added: 2, updated: 0, removed: 0, unchanged: 0 });
    const fresh = t.db.select({ id: user.id }).from(user).where(eq(user.login, 'new-person')).get()!.id;
    expect(membersOf(newer.juryId)).toEqual([{ userId: juror.id, role: 'chair' }, { userId: fresh, role: 'juror' }].sort((a, b) => a.userId - b.userId));
    // One person, one account: nothing of it changed but its seat.
    expect(t.db.select().from(user).where(eq(user.id, juror.id)).get()).toEqual(azimovBefore);
    expect(t.db.select({ id: user.id }).from(user).where(eq(user.login, juror.login)).all()).toHaveLength(1);
    expect(userByLogin(t.db, juror.login).role).toBe('chair');
    expect(membersOf(demoJuryId)).toEqual(olderMembers);

    expect(run(t, importJurorsSpec, { csv: bytes(`${head}Другое имя,Other Name,${juror.login},FR,en,juror\nNew Person,,new-person,FR,en,chair\n`) }))
      .toMatchObject({ added: 0, removed: 0 });
    expect(membersOf(newer.juryId)).toEqual([{ userId: juror.id, role: 'juror' }, { userId: fresh, role: 'chair' }].sort((a, b) => a.userId - b.userId));
    // The older jury's chair still chairs it.
    expect(membersOf(demoJuryId)).toEqual(olderMembers);
    expect(olderMembers.find((m) => m.userId === chair.id)!.role).toBe('chair');
    expect(replayAudit(t.db)).toEqual([]);
  });
});
