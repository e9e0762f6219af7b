// The tie-break rules as the organisers set them: saved from the settings form as a chain, refused
// with a message naming the field when they make no rule, frozen when voting opens (the opening's
// audit entry records them, and audit:verify catches a later change in the database file).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { nomination } from '@/db/schema';
import { seededDb, type TestDb } from '@/tests/db';
import { saveSettingsSpec } from '@/lib/admin/settings';
import { openVotingSpec } from '@/lib/admin/phase';
import { expectRefused, run, setPhase } from '@/tests/actions';
import { replayAudit } from '@/lib/replay/audit';
import { frozenRules } from '@/lib/festival/frozen';
import { findFestival } from '@/lib/festival/phase';

let t: TestDb;
beforeEach(async () => { t = await seededDb(); });
afterEach(() => t.close());

const director = () => t.db.select().from(nomination).where(eq(nomination.code, 'best_director')).get()!;

function form(tieBreak: Record<string, string> = {}) {
  const fd = new FormData();
  // The festival as seeded, so that only the tie-break rules change.
  const f = findFestival(t.db)!;
  const keep = { name: f.name, city: f.city, nameZh: f.nameZh, nameRu: f.nameRu, nameKk: f.nameKk, cityZh: f.cityZh, cityRu: f.cityRu, cityKk: f.cityKk, startsOn: f.startsOn, endsOn: f.endsOn, scaleMin: f.scaleMin, scaleMax: f.scaleMax, scaleStep: f.scaleStep, method: f.method, quorum: f.quorum, publicationLevel: f.publicationLevel };
  for (const [k, v] of Object.entries(keep)) if (v !== null) fd.set(k, String(v));
  if (f.oneAwardPerFilm) fd.set('oneAwardPerFilm', 'on');
  if (f.recusalByNationality) fd.set('recusalByNationality', 'on');
  for (const n of t.db.select().from(nomination).all()) {
    fd.set(`nom_${n.id}_max`, String(n.maxWinners));
    if (n.exAequoAllowed) fd.set(`nom_${n.id}_exaequo`, 'on');
    if (n.exemptOneAward) fd.set(`nom_${n.id}_exempt`, 'on');
  }
  const id = director().id;
  for (const [k, v] of Object.entries(tieBreak)) fd.set(`nom_${id}_${k}`, v);
  return fd;
}

describe('tie-break rules in the settings', () => {
  it('saves runoffs, the final step and abstention as the chain; a form without them keeps the stored chain', () => {
    run(t, saveSettingsSpec, form({ runoffs: '2', final: 'casting_vote', abstain: 'on' }));
    expect(director()).toMatchObject({ tieBreak: '["runoff","runoff","casting_vote"]', runoffAbstention: true });
    run(t, saveSettingsSpec, form());
    expect(director()).toMatchObject({ tieBreak: '["runoff","runoff","casting_vote"]', runoffAbstention: true });
    run(t, saveSettingsSpec, form({ runoffs: '0', final: 'casting_vote,shared' }));
    expect(director()).toMatchObject({ tieBreak: '["casting_vote","shared"]', runoffAbstention: false });
  });

  it('refuses a chain that makes no rule, naming the field; nothing changes', () => {
    const id = director().id;
    const out = expectRefused(t, saveSettingsSpec, 'organiser', form({ runoffs: '1', final: 'shared' }), 'invalid:input');
    expect(out).toMatchObject({ fieldErrors: { [`nom_${id}_final`]: ['tie_break_shared'] } });
    expect(expectRefused(t, saveSettingsSpec, 'organiser', form({ runoffs: '6', final: 'casting_vote' }), 'invalid:input')).toMatchObject({ fieldErrors: { [`nom_${id}_runoffs`]: ['tie_break_runoffs'] } });
    expectRefused(t, saveSettingsSpec, 'organiser', form({ runoffs: '-1', final: 'casting_vote' }), 'invalid:input');
    expectRefused(t, saveSettingsSpec, 'organiser', form({ runoffs: '1', final: 'runoff' }), 'invalid:input');
    setPhase(t, 'voting');
    expectRefused(t, saveSettingsSpec, 'organiser', form({ runoffs: '1', final: 'casting_vote' }), 'phase:frozen');
  });

  it('refuses a chain that can dead-end (issue 20, route 8): a shared award alone where at most 1 may win', () => {
    const id = director().id;
    const before = director();
    const fd = form({ runoffs: '0', final: 'shared' });
    fd.set(`nom_${id}_exaequo`, 'on');
    fd.set(`nom_${id}_max`, '1');
    expect(expectRefused(t, saveSettingsSpec, 'organiser', fd, 'invalid:input')).toMatchObject({ fieldErrors: { [`nom_${id}_final`]: ['tie_break_dead_end'] } });
    expect(director()).toEqual(before);
    // With room for two winners, or the casting vote after it, the same chain always decides.
    fd.set(`nom_${id}_max`, '2');
    run(t, saveSettingsSpec, fd);
    expect(director()).toMatchObject({ tieBreak: '["shared"]', exAequoAllowed: true, maxWinners: 2 });
    const fd2 = form({ runoffs: '2', final: 'shared,casting_vote' });
    fd2.set(`nom_${id}_exaequo`, 'on');
    fd2.set(`nom_${id}_max`, '1');
    run(t, saveSettingsSpec, fd2);
    expect(director()).toMatchObject({ tieBreak: '["runoff","runoff","shared","casting_vote"]', maxWinners: 1 });
  });

  it('frozen at the opening: the audit entry records them and audit:verify catches a later change', () => {
    run(t, saveSettingsSpec, form({ runoffs: '1', final: 'casting_vote' }));
    const opened = run(t, openVotingSpec, {});
    expect(opened).toBeDefined();
    expect((frozenRules(t.db)!.nominations.find((n) => n.code === 'best_director'))).toMatchObject({ tieBreak: '["runoff","casting_vote"]', runoffAbstention: false });
    expect(replayAudit(t.db).filter((p) => p.includes('frozen'))).toEqual([]);
    t.db.update(nomination).set({ tieBreak: '["casting_vote","shared"]' }).where(eq(nomination.code, 'best_director')).run();
    expect(replayAudit(t.db).join('\n')).toMatch(/rules frozen when voting opened.*differ.*nominations/);
  });
});
