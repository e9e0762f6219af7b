// Issue 23, task "scope": a page rendered for jury A whose form is sent after the person switched to
// jury B (in another tab, or by a cross-site link to /e/…/B, which a SameSite=Lax cookie lets set) must
// not act in B. The form states the jury it was rendered for; the machinery refuses the call when the
// request works in another, changing nothing. Played through the real action path (executeAction,
// runAction with a posted form, outcomeOfCall as serverAction calls it) on a real temporary database,
// with a person who sits on both juries, so that the same input would be valid in B.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { candidate, user } from '@/db/schema';
import { updateJurorSpec } from '@/lib/juror/specs';
import { saveScoreSpec } from '@/lib/ballot/specs';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { setPhase } from '@/tests/actions';
import { addJury, addMembers, type OtherJury } from '@/tests/juries';
import { executeAction, runAction } from './action';
import { outcomeOfCall } from './server-action';
import { inJury } from './request-jury';
import { FORM_JURY_FIELD, requestJuryId, switchedJuryNames } from './form-jury';

let t: TestDb;
let b: OtherJury;
let a: number;
let both: number;
beforeEach(async () => {
  t = await seededDb();
  b = addJury(t.db, { edition: 'same' });
  both = userByLogin(t.db, 'azimov').id;
  addMembers(t.db, b.juryId, { count: 3, also: [{ id: both, role: 'juror' }] });
  a = requestJuryId(t.db)!;
});
afterEach(() => t.close());

const rename = (jury: number | string | undefined) => ({ id: String(both), displayName: 'Renamed by a stale page', country: '', locale: '', ...(jury === undefined ? {} : { [FORM_JURY_FIELD]: String(jury) }) });
function formOf(values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return form;
}
const nameOfBoth = () => t.db.select({ n: user.displayName }).from(user).where(eq(user.id, both)).get()!.n;

describe('forms carry their jury', () => {
  it('a form rendered for A, sent after the switch to B, is refused in B and changes nothing (the same form without its jury would act there)', async () => {
    const before = snapshot(t.db);
    const organiser = userByLogin(t.db, 'organiser');
    expect(inJury(b.juryId, () => executeAction(updateJurorSpec, organiser, rename(a), t.db))).toEqual({ ok: false, code: 'jury:switched', params: { rendered: a, current: b.juryId } });
    expect(await inJury(b.juryId, () => runAction(updateJurorSpec, organiser, formOf(rename(a)), t.db))).toMatchObject({ ok: false, code: 'jury:switched' });
    // As serverAction calls it from useActionState (previous state, form), and as a bare form post.
    expect(await inJury(b.juryId, () => outcomeOfCall(updateJurorSpec, [null, formOf(rename(a))], { user: organiser, db: t.db }))).toMatchObject({ ok: false, code: 'jury:switched' });
    expect(await inJury(b.juryId, () => outcomeOfCall(updateJurorSpec, [formOf(rename(a))], { user: organiser, db: t.db }))).toMatchObject({ ok: false, code: 'jury:switched' });
    expect(snapshot(t.db)).toBe(before);
    expect(nameOfBoth()).toBe('Sergey Azimov');
  });

  it('the same form acts where it was rendered: in A, and in B when rendered for B', () => {
    const organiser = userByLogin(t.db, 'organiser');
    expect(executeAction(updateJurorSpec, organiser, rename(a), t.db)).toEqual({ ok: true, data: null });
    expect(inJury(b.juryId, () => executeAction(updateJurorSpec, organiser, { ...rename(b.juryId), displayName: 'Renamed in B' }, t.db))).toEqual({ ok: true, data: null });
    expect(nameOfBoth()).toBe('Renamed in B');
  });

  it('a juror’s autosave stating A is refused in B before anything runs, even where the person sits on both', async () => {
    setPhase(t, 'voting');
    const cand = t.db.select({ id: candidate.id }).from(candidate).limit(1).get()!.id;
    const juror = inJury(b.juryId, () => userByLogin(t.db, 'azimov'));
    const before = snapshot(t.db);
    expect(await inJury(b.juryId, () => runAction(saveScoreSpec, juror, { candidateId: cand, value: 7, [FORM_JURY_FIELD]: String(a) }, t.db))).toMatchObject({ ok: false, code: 'jury:switched' });
    expect(snapshot(t.db)).toBe(before);
    expect(await runAction(saveScoreSpec, userByLogin(t.db, 'azimov'), { candidateId: cand, value: 7, [FORM_JURY_FIELD]: String(a) }, t.db)).toMatchObject({ ok: true });
  });

  it('a stated jury that is not a jury id is a malformed input; no session is still refused first', () => {
    const organiser = userByLogin(t.db, 'organiser');
    for (const bad of ['', '0', 'b', '1e3', ' 1']) expect(executeAction(updateJurorSpec, organiser, rename(bad), t.db), bad).toMatchObject({ ok: false, code: 'invalid:input' });
    expect(inJury(b.juryId, () => executeAction(updateJurorSpec, null, rename(a), t.db))).toEqual({ ok: false, code: 'auth:required' });
  });

  it('names both juries in the reader’s language for the refusal, the main competition by the interface’s words', () => {
    expect(switchedJuryNames(t.db, { rendered: a, current: b.juryId }, 'ru', 'Основной конкурс')).toEqual({ rendered: 'Основной конкурс', current: 'Generated competition' });
  });
});
