// The one adapter between a request and a spec's input (toInput), played as the app plays it: the
// organisers' CSV form posts a file beside React's own `$ACTION_…` fields, and the import spec
// receives the file's bytes; a form without a file is refused and changes nothing.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { film } from '@/db/schema';
import { seededDb, snapshot, userByLogin, type TestDb } from '@/tests/db';
import { fixture } from '@/tests/festival';
import { importFilmsSpec, previewFilmImportSpec } from '@/lib/film/specs';
import { runAction, toInput } from './action';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

/** The CSV import form as a browser posts it, without JavaScript too: React's fields, then the file. */
function csvForm(bytes: Uint8Array | null): FormData {
  const form = new FormData();
  form.append('$ACTION_ID_0123456789abcdef', '');
  if (bytes) form.append('csv', new File([bytes.slice()], 'films.csv', { type: 'text/csv' }));
  return form;
}

describe('toInput', () => {
  it('drops React’s fields and reads a file as its bytes; an object passes as it came', async () => {
    const bytes = new TextEncoder().encode('english_title,director,country\n');
    const form = csvForm(bytes);
    form.append('note', 'kept');
    expect(await toInput(form)).toEqual({ csv: bytes, note: 'kept' });
    const plain = { csv: bytes };
    expect(await toInput(plain)).toBe(plain);
  });

  it('an uploaded CSV file reaches the import spec as bytes: previewed, then imported', async () => {
    const org = userByLogin(t.db, 'organiser');
    const preview = await runAction(previewFilmImportSpec, org, csvForm(fixture('films-23.csv')), t.db);
    expect(preview).toMatchObject({ ok: true, data: { errors: [] } });
    expect(await runAction(importFilmsSpec, org, csvForm(fixture('films-23.csv')), t.db)).toMatchObject({ ok: true, data: { added: 21 } });
    expect(t.db.select().from(film).all().filter((f) => f.competition)).toHaveLength(23);
  });

  it('a form without its file is refused and changes nothing', async () => {
    const before = snapshot(t.db);
    expect(await runAction(importFilmsSpec, userByLogin(t.db, 'organiser'), csvForm(null), t.db)).toMatchObject({ ok: false, code: 'invalid:input' });
    expect(snapshot(t.db)).toBe(before);
  });
});
