// Issue 23, task "scope": the header's switch lists the juries a person may work in, of the served
// edition: every one for an organiser, the ones a member sits on for anyone else; nothing of a newer or
// older edition's juries, and a single choice (no switch) for a member of one jury.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seededDb, userByLogin, type TestDb } from '@/tests/db';
import { addJury, addMembers, type OtherJury } from '@/tests/juries';
import { findFestival } from './phase';
import { juriesToChoose } from './jury-choice';
import { inJury } from '@/lib/server/request-jury';

let t: TestDb;
let b: OtherJury;
let bOnly: number;
beforeEach(async () => {
  t = await seededDb();
  b = addJury(t.db, { edition: 'same' });
  [, bOnly] = addMembers(t.db, b.juryId, { count: 2, also: [{ id: userByLogin(t.db, 'azimov').id, role: 'juror' }] });
});
afterEach(() => t.close());

const served = () => findFestival(t.db)!;
const ids = (who: { id: number; organiser: boolean }) => juriesToChoose(t.db, who, served()).map((j) => j.id);

describe('the juries a person may switch to', () => {
  it('an organiser: every jury of the edition, each by its address', () => {
    const a = served().id;
    expect(ids({ id: userByLogin(t.db, 'organiser').id, organiser: true })).toEqual([a, b.juryId]);
    expect(juriesToChoose(t.db, { id: userByLogin(t.db, 'organiser').id, organiser: true }, served()).map((j) => j.href)).toEqual([`/e/${served().editionSlug}/main`, `/e/${served().editionSlug}/shorts`]);
  });

  it('a member: the juries they sit on; one jury only is no choice', () => {
    expect(ids({ id: userByLogin(t.db, 'azimov').id, organiser: false })).toEqual([served().id, b.juryId]);
    expect(ids({ id: userByLogin(t.db, 'juror05').id, organiser: false })).toEqual([served().id]);
    expect(inJury(b.juryId, () => ids({ id: bOnly, organiser: false }))).toEqual([b.juryId]);
  });

  it('a newer edition’s juries are not offered in the older one, nor the older one’s in the newer', () => {
    const newer = addJury(t.db, { edition: 'new' });
    addMembers(t.db, newer.juryId, { count: 1, also: [{ id: userByLogin(t.db, 'azimov').id, role: 'juror' }] });
    // The newer edition is served by default now.
    expect(ids({ id: userByLogin(t.db, 'azimov').id, organiser: false })).toEqual([newer.juryId]);
    expect(ids({ id: userByLogin(t.db, 'organiser').id, organiser: true })).toEqual([newer.juryId]);
  });
});
