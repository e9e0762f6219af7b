// A refused form comes back with what was typed in it (issue 22: without JavaScript the page rendered
// after the post is the only place it can be kept), played through outcomeOfCall (what a call of the
// exported action does) on a real temporary database: the organiser's juror edit gives back its fields,
// the password change never gives back a password, React's own fields and files never come back, and
// what comes back is capped (it travels in the page's payload).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { user } from '@/db/schema';
import { updateJurorSpec } from '@/lib/juror/specs';
import { changePasswordSpec } from '@/lib/juror/account';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { outcomeOfCall } from './server-action';
import { ECHO_MAX, echoOf } from './echo';

let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
});
afterEach(() => t.close());

function formOf(values: Record<string, string | Blob>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return form;
}
const jurorId = () => String(t.db.select().from(user).where(eq(user.login, 'juror04')).get()!.id);

describe('a refused form comes back with what was sent', () => {
  it('gives back the juror edit as typed, with the refusal naming the bad field, and changes nothing', async () => {
    const unchanged = snapshot(t.db);
    const sent = { id: jurorId(), displayName: 'Juror Four, renamed', country: 'not a country', locale: '' };
    const outcome = await outcomeOfCall(updateJurorSpec, [null, formOf({ ...sent, $ACTION_ID_0a1b: '' })], { user: userByLogin(t.db, 'organiser'), db: t.db });
    expect(outcome).toMatchObject({ ok: false, code: 'invalid:input', fieldErrors: { country: expect.any(Array) } });
    // React's own field is not among them.
    expect(outcome.ok ? null : outcome.sent).toEqual(sent);
    expect(snapshot(t.db)).toBe(unchanged);
  });

  it('never gives back a password: not the current one, the new one nor its repetition', async () => {
    const secrets = { current: 'organiser-demo', password: 'violet harbour lanterns 47', confirm: 'violet harbour lanterns 48' };
    const organiser = { user: userByLogin(t.db, 'organiser'), db: t.db };
    // Refused by the schema (the two differ), then by the preparation (a wrong current password).
    for (const values of [secrets, { ...secrets, current: 'not the password', confirm: secrets.password }]) {
      const outcome = await outcomeOfCall(changePasswordSpec, [null, formOf({ username: 'organiser', ...values })], organiser);
      expect(outcome.ok).toBe(false);
      expect(outcome.ok ? null : outcome.sent).toEqual({ username: 'organiser' });
      for (const v of Object.values(values)) expect(JSON.stringify(outcome)).not.toContain(v);
    }
  });

  it('keeps out files, fields named as secrets, and whatever passes the cap', () => {
    const long = 'x'.repeat(ECHO_MAX);
    const form = formOf({ reason: 'Late', csv: new Blob(['a,b']), token: 'one-time', newPassword: 'p', long, after: 'kept' });
    expect(echoOf(form, [])).toEqual({ reason: 'Late', after: 'kept' });
    expect(echoOf({ reason: 'an object, not a form' })).toBeUndefined();
  });
});
