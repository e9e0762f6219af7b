// The demo jury (edition 2018) votes, finalises and publishes through the real actions, on a spec's own
// server (own-server.ts): four jurors, the rest set inactive by the organiser, a clear order everywhere.
// Every step is an action, stated in the audit log, so npm run audit:verify holds on the file afterwards.
// Shared by the specs that need a published edition beside a newer one (archive, editions).
import { expect, type APIRequestContext } from '@playwright/test';
import type Database from 'better-sqlite3';
import { callAction } from './actions';

type Own = { base: string; db: () => Database.Database; apiLogin: (login: string, password: string) => Promise<APIRequestContext> };

const MAIN = ['best_film', 'best_director', 'best_screenplay', 'best_actor', 'best_actress'];
// Four jurors, as the decisions spec keeps them: a short vote with a clear order everywhere.
const JURORS = [['hansanping', 'chair-demo'], ['azimov', 'juror-demo'], ['juror03', 'juror-demo'], ['juror04', 'juror-demo']] as const;

export async function publishDemo({ base: BASE, db, apiLogin }: Own) {
  const d = db();
  const others = (d.prepare(`select id from user where role = 'juror' and active = 1 and login not in (${JURORS.map(() => '?').join(',')}) order by id`)
    .all(...JURORS.map((j) => j[0])) as { id: number }[]).map((r) => r.id);
  const noms = MAIN.map((code) => {
    const nom = (d.prepare('select id from nomination where code = ? and jury_id = 1').get(code) as { id: number }).id;
    return { code, nom, cands: (d.prepare('select id from candidate where nomination_id = ? order by id').all(nom) as { id: number }[]).map((r) => r.id) };
  });
  d.close();
  const organiser = await apiLogin('organiser', 'organiser-demo');
  for (const id of others) {
    expect((await callAction(organiser, '/admin/jurors', 'app/admin/actions/jurors.ts#setJurorActive', [{ id, active: false }], BASE)).result).toMatchObject({ ok: true });
  }
  expect((await callAction(organiser, '/admin', 'app/admin/actions/phase.ts#openVoting', [{}], BASE)).result).toMatchObject({ ok: true });
  const ctxs = await Promise.all(JURORS.map(([l, p]) => apiLogin(l, p)));
  await Promise.all(ctxs.map(async (ctx) => {
    for (const { code, nom, cands } of noms) {
      for (const [i, c] of cands.entries()) {
        expect((await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#saveScore', [{ candidateId: c, value: Math.max(1, 10 - i) }], BASE)).result).toMatchObject({ ok: true });
      }
      expect((await callAction(ctx, `/jury/${code}`, 'app/jury/actions.ts#submitBallot', [{ nominationId: nom }], BASE)).result).toMatchObject({ ok: true });
    }
  }));
  const chair = ctxs[0];
  expect((await callAction(chair, '/chair', 'app/chair/actions.ts#closeRound', [{}], BASE)).result).toMatchObject({ ok: true });
  expect((await callAction(chair, '/chair', 'app/chair/decision-actions.ts#waiveSpecialRound', [{ reason: 'not this year' }], BASE)).result).toMatchObject({ ok: true });
  expect((await callAction(chair, '/chair', 'app/chair/actions.ts#finalise', [{}], BASE)).result).toMatchObject({ ok: true });
  await Promise.all(ctxs.map((c) => c.dispose()));
  expect((await callAction(organiser, '/results', 'app/chair/actions.ts#publish', [{}], BASE)).result).toMatchObject({ ok: true });
  await organiser.dispose();
}

