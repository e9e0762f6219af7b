// How serverAction reads a call's arguments (inputOf): `action(input)` from a component,
// `action(previousState, form)` from useActionState (also a form posted before JavaScript). A
// two-argument call whose second argument is no FormData is none of those: a hand-made request,
// refused as a malformed input before anything runs. Played through outcomeOfCall (what a call does,
// before revalidation and the refusal's words) with the organiser's juror edit, whose input may come
// as an object or as a form, on a real temporary database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { user } from '@/db/schema';
import { updateJurorSpec } from '@/lib/juror/specs';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { outcomeOfCall } from './server-action';

let t: TestDb;
beforeEach(async () => {
  t = await seededDb();
});
afterEach(() => t.close());

const juror = () => t.db.select().from(user).where(eq(user.login, 'juror04')).get()!;
const input = () => ({ id: String(juror().id), displayName: 'Juror Four', country: '', locale: '' });
const asOrganiser = () => ({ user: userByLogin(t.db, 'organiser'), db: t.db });
function formOf(values: Record<string, string>) {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return form;
}

describe('serverAction: the arguments of a call', () => {
  it('refuses (previous state, anything but a form) as invalid input, and changes nothing', async () => {
    const unchanged = snapshot(t.db);
    for (const second of [input(), [input()], JSON.stringify(input()), 1, null]) {
      expect(await outcomeOfCall(updateJurorSpec, [null, second], asOrganiser()), JSON.stringify(second)).toEqual({ ok: false, code: 'invalid:input' });
    }
    // Nor three arguments, however good the form.
    expect(await outcomeOfCall(updateJurorSpec, [null, formOf(input()), 'x'], asOrganiser())).toEqual({ ok: false, code: 'invalid:input' });
    expect(snapshot(t.db)).toBe(unchanged);
    expect(juror().displayName).toBe('Juror 04');
  });

  it('runs (previous state, form), as useActionState calls it', async () => {
    expect(await outcomeOfCall(updateJurorSpec, [{ ok: false, message: 'before' }, formOf(input())], asOrganiser())).toMatchObject({ ok: true });
    expect(juror().displayName).toBe('Juror Four');
  });

  it('runs a lone input, as a component calls it (a second argument left undefined too)', async () => {
    expect(await outcomeOfCall(updateJurorSpec, [input()], asOrganiser())).toMatchObject({ ok: true });
    expect(juror().displayName).toBe('Juror Four');
    expect(await outcomeOfCall(updateJurorSpec, [{ ...input(), displayName: 'Juror 04' }, undefined], asOrganiser())).toMatchObject({ ok: true });
    expect(juror().displayName).toBe('Juror 04');
  });
});
