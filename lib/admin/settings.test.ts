import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { jury, nomination } from '@/db/schema';
import { findFestival } from '@/lib/festival/phase';
import { audit } from '@/db/schema';
import { seededDb, type TestDb } from '@/tests/db';
import { saveSettingsSpec } from './settings';
import { expectCommonRefusals, expectRefused, run } from '@/tests/actions';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

const form = (over: Record<string, string | undefined> = {}) => {
  const noms = t.db.select().from(nomination).all();
  const fd = new FormData();
  const base: Record<string, string | undefined> = {
    name: 'Qingdao SCO Film Festival', city: 'Qingdao', startsOn: '2018-06-12', endsOn: '2018-06-17',
    scaleMin: '0', scaleMax: '10', scaleStep: '0.5', method: 'schulze', oneAwardPerFilm: 'on', ...over,
  };
  for (const [k, v] of Object.entries(base)) if (v !== undefined) fd.set(k, v);
  for (const n of noms) {
    fd.set(`nom_${n.id}_max`, n.code === 'special_jury_prize' ? '3' : '1');
    if (n.kind === 'performance') fd.set(`nom_${n.id}_exempt`, 'on');
    if (n.code === 'special_jury_prize') fd.set(`nom_${n.id}_exaequo`, 'on');
  }
  return fd;
};

describe('admin.saveSettings', () => {
  it('saves name, dates, scale, method and award rules from FormData, with an audit entry', () => {
    run(t, saveSettingsSpec, form({ recusalByNationality: 'on' }));
    const f = findFestival(t.db)!;
    expect(f).toMatchObject({ name: 'Qingdao SCO Film Festival', startsOn: '2018-06-12', scaleMin: 0, scaleMax: 10, scaleStep: 0.5, method: 'schulze', oneAwardPerFilm: true, recusalByNationality: true });
    const sjp = t.db.select().from(nomination).where(eq(nomination.code, 'special_jury_prize')).get()!;
    expect(sjp).toMatchObject({ exAequoAllowed: true, maxWinners: 3 });
    const best = t.db.select().from(nomination).where(eq(nomination.code, 'best_film')).get()!;
    expect(best).toMatchObject({ exemptOneAward: false, exAequoAllowed: false, maxWinners: 1 });
    const entry = t.db.select().from(audit).all().at(-1)!;
    expect(entry.action).toBe('festival.settings');
    // The entry states what was set, for which jury (not the jury as it stood before).
    expect(JSON.parse(entry.payload)).toMatchObject({ jury: f.id, name: 'Qingdao SCO Film Festival', startsOn: '2018-06-12', method: 'schulze', recusalByNationality: true });
  });

  it('an unchecked box turns a rule off', () => {
    run(t, saveSettingsSpec, form({ oneAwardPerFilm: undefined }));
    expect(t.db.select().from(jury).get()!.oneAwardPerFilm).toBe(false);
  });

  it('refuses a juror, the chair, bad input, and any phase after setup; nothing changes', () => {
    expectCommonRefusals(t, saveSettingsSpec, form(), form({ method: 'borda' }));
  });

  it('refuses an inverted scale, a step that does not divide it, inverted dates and several winners without ex aequo', () => {
    for (const over of [{ scaleMax: '0' }, { scaleStep: '0.7' }, { endsOn: '2018-06-01' }, { scaleStep: '-1' }, { name: ' ' }]) {
      expectRefused(t, saveSettingsSpec, 'organiser', form(over), 'invalid:input');
    }
    const fd = form();
    const bestFilm = t.db.select().from(nomination).where(eq(nomination.code, 'best_film')).get()!;
    fd.set(`nom_${bestFilm.id}_max`, '2');
    const out = expectRefused(t, saveSettingsSpec, 'organiser', fd, 'invalid:input');
    expect(out).toMatchObject({ fieldErrors: { nominations: ['max_winners'] } });
  });

  it('refuses scale values with more than two decimals, such as a denormal lowest score (found by the hostile-input run)', () => {
    const denormal = { ...Object.fromEntries(form()), scaleMin: -7.4e-323 }; // as a JSON number, the way it came
    for (const [input, field] of [[denormal, 'scaleMin'], [form({ scaleMin: '0.001' }), 'scaleMin'], [form({ scaleStep: '0.125' }), 'scaleStep']] as const) {
      const out = expectRefused(t, saveSettingsSpec, 'organiser', input, 'invalid:input');
      expect(out).toMatchObject({ fieldErrors: { [field]: ['scale_precision'] } });
    }
    run(t, saveSettingsSpec, form({ scaleMin: '1', scaleMax: '5', scaleStep: '0.25' }));
    expect(t.db.select().from(jury).get()!).toMatchObject({ scaleMin: 1, scaleMax: 5, scaleStep: 0.25 });
  });

  it('refuses an unknown nomination', () => {
    const fd = form();
    fd.set('nom_999_max', '1');
    expectRefused(t, saveSettingsSpec, 'organiser', fd, 'nomination:not_found');
  });
});
