// Issue 23: every edition's results at an address a person can keep. An older edition's published results
// read at /results/<edition>/<jury> stay what /results showed before a newer edition existed (every query
// the results page, the protocol and the exports read, and the exports themselves); a jury that has not
// published is not listed and its address gives nothing of it; a malformed or unknown address is missing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { edition, type Festival } from '@/db/schema';
import type { z } from 'zod';
import { executeAction, type ActionSpec } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { seededDb, type TestDb } from '@/tests/db';
import { demoCast, voteAndSubmit } from '@/tests/festival';
import { addJury } from '@/tests/juries';
import { otherJuryVotes } from '@/tests/jury-activity';
import { openVotingSpec } from '@/lib/admin/phase';
import { closeRoundSpec, finaliseSpec, publishSpec } from '@/lib/round/specs';
import { waiveSpecialSpec } from '@/lib/round/decision-specs';
import { awardsCsv, awardsDecidedBy, awardsList, fullExport, juryList, receiptList } from '@/lib/round/results';
import { notAwardedList } from '@/lib/round/not-awarded';
import { protocolDecisions } from '@/lib/round/protocol-decisions';
import { candidateLabels } from '@/lib/round/view';
import { closedRunoffs } from '@/lib/runoff/queries';
import { runoffReceiptList } from '@/lib/count/runoffs';
import { listNominations } from './queries';
import { getFestival, updateJury } from './phase';
import { juryResultsAt, publishedJuries } from './archive';
import { assignEditionSlug } from './edition-slug';

const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];

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

/** Everything the results page, the protocol and the exports read of a jury (the served one when none is given). */
function shown(db: DB, fest?: Festival) {
  const f = fest ?? getFestival(db);
  const awards = awardsList(db, fest);
  return {
    fest: f, awards, decidedBy: [...awardsDecidedBy(db, awards, fest)], notAwarded: notAwardedList(db, fest?.id), runoffs: closedRunoffs(db, fest?.id),
    receipts: receiptList(db, fest), runoffReceipts: runoffReceiptList(db, fest?.id), jury: juryList(db, fest), nominations: listNominations(db, fest?.id),
    labels: [...candidateLabels(db, 'ru', fest?.id)], decisions: protocolDecisions(db, f.phase, null, fest?.id),
    json: fullExport(db, fest), csv: awardsCsv(db, fest),
  };
}

/** The demo jury (the 2018 edition's main competition) votes, finalises and publishes through the real actions. */
function publishDemo() {
  ok(openVotingSpec, organiser, {});
  for (const code of MAIN) voteAndSubmit(t.db, code, (_j, c) => Math.max(1, 10 - c), jurors);
  ok(closeRoundSpec, chair, {});
  ok(waiveSpecialSpec, chair, { reason: 'not this year' });
  ok(finaliseSpec, chair, {});
  ok(publishSpec, organiser, {});
}

describe('an older edition at its address', () => {
  it('shows, after a newer edition is set up, votes and publishes, exactly what /results showed before', () => {
    publishDemo();
    const before = shown(t.db);
    expect(before.awards.length).toBeGreaterThan(0);
    expect(publishedJuries(t.db)).toEqual([expect.objectContaining({ juryId: 1, path: '/results/2018/main', publishedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) })]);

    // A newer edition: its jury votes (scores, ballots, runoffs written into its rows), then publishes.
    const other = addJury(t.db, { edition: 'new', slug: 'main' });
    otherJuryVotes(t.db, other, jurors.map((j) => j.id));
    expect(getFestival(t.db).id).toBe(other.juryId);
    const newer = t.db.select({ slug: edition.slug }).from(edition).where(eq(edition.id, other.editionId)).get()!.slug;
    expect(newer).toBe(`edition-${other.editionId}`);
    // Not listed before it publishes; listed first (the newest edition) once it has.
    expect(publishedJuries(t.db).map((j) => j.path)).toEqual(['/results/2018/main']);
    t.db.transaction((tx) => updateJury(tx, { phase: 'published' }));
    expect(publishedJuries(t.db).map((j) => j.path)).toEqual([`/results/${newer}/main`, '/results/2018/main']);

    const at = juryResultsAt(t.db, { edition: '2018', jury: 'main' });
    if (at.state !== 'published') throw new Error(`expected the 2018 jury published, got ${at.state}`);
    expect(shown(t.db, at.fest)).toEqual(before);
    // And /results now reads the newer jury, none of the older one's awards or receipts.
    expect(awardsList(t.db)).toEqual([]);
    expect(receiptList(t.db).map((r) => r.receipt).some((r) => before.receipts.some((b) => b.receipt === r))).toBe(false);
  });
});

describe("a jury's address before it publishes", () => {
  it('says only "not published yet", and the jury is not listed, whatever its votes and runoffs', () => {
    publishDemo();
    const other = addJury(t.db, { edition: 'new', slug: 'shorts', phase: 'voting' });
    otherJuryVotes(t.db, other, jurors.map((j) => j.id));
    const path = { edition: `edition-${other.editionId}`, jury: 'shorts' };
    for (const phase of ['voting', 'main_closed', 'finalised'] as const) {
      t.db.transaction((tx) => updateJury(tx, { phase }));
      // Nothing but the state: no row of the jury, so no count, winner or runoff reaches the page or an export.
      expect(juryResultsAt(t.db, path)).toEqual({ state: 'unpublished' });
      expect(publishedJuries(t.db).map((j) => j.juryId)).toEqual([1]);
    }
  });

  it('is missing for an unknown edition or jury and for a malformed part, before any query', () => {
    for (const params of [
      { edition: '2019', jury: 'main' }, { edition: '2018', jury: 'shorts' }, { edition: '2018', jury: 'Main' }, { edition: "2018' or 1=1", jury: 'main' },
      { edition: '2018', jury: 'x'.repeat(41) }, { edition: '-2018', jury: 'main' }, { edition: '2018' }, null, 'main',
    ]) {
      expect(juryResultsAt(t.db, params)).toEqual({ state: 'missing' });
    }
    // The demo jury exists but has not published.
    expect(juryResultsAt(t.db, { edition: '2018', jury: 'main' })).toEqual({ state: 'unpublished' });
  });
});

describe('edition slugs', () => {
  it('are the starting year, or edition-<id> where the year is taken or unknown', () => {
    const add = (startsOn: string | null) => t.db.transaction((tx) => {
      const { id } = tx.insert(edition).values({ name: 'E', city: 'C', startsOn }).returning({ id: edition.id }).get();
      return assignEditionSlug(tx, id);
    });
    expect(add('2027-06-01')).toBe('2027');
    expect(add('2027-09-01')).toMatch(/^edition-\d+$/);
    expect(add(null)).toMatch(/^edition-\d+$/);
  });
});
