// The cast of the access and hostile-input tests on one real server: anonymous, juror A, juror B,
// the chair, the organiser, a juror deactivated after signing in, and a session replayed after its
// sign-out. Voting is opened with the organisers' real action.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { ACCOUNTS, Client, signedIn } from './client';
import { candidates, userId, withDb } from './db';
import type { Server } from './server';

export type CallerName = 'anonymous' | 'jurorA' | 'jurorB' | 'chair' | 'organiser' | 'deactivated' | 'loggedOut';
export const CALLERS: CallerName[] = ['anonymous', 'jurorA', 'jurorB', 'chair', 'organiser', 'deactivated', 'loggedOut'];

export interface Scene {
  clients: Record<CallerName, Client>;
  ids: { A: number; B: number; chair: number; deactivated: number; loggedOut: number; organiser: number };
  /** A's candidate (scored, with a secret note), its film, and another nomination. */
  candA: number;
  filmA: number;
  otherFilm: number;
  nominationA: number;
  /** Appears only in juror A's note: any other response containing it is a leak. */
  secret: string;
}

export async function buildScene(s: Server): Promise<Scene> {
  const organiser = await signedIn(s.base, ACCOUNTS.organiser.login, ACCOUNTS.organiser.password);
  const chair = await signedIn(s.base, ACCOUNTS.chair.login, ACCOUNTS.chair.password);
  const jurorA = await signedIn(s.base, ACCOUNTS.jurorA.login, ACCOUNTS.jurorA.password);
  const jurorB = await signedIn(s.base, ACCOUNTS.jurorB.login, ACCOUNTS.jurorB.password);
  const deactivated = await signedIn(s.base, 'juror04', 'juror-demo');
  const loggedOut = await signedIn(s.base, 'juror05', 'juror-demo');
  const opened = await organiser.callAction('app/admin/actions/phase.ts#openVoting', [{}]);
  expect(opened.result, JSON.stringify(opened.result)).toMatchObject({ ok: true });

  const ids = {
    A: userId(s.dbFile, 'azimov'), B: userId(s.dbFile, 'juror03'), chair: userId(s.dbFile, 'hansanping'),
    deactivated: userId(s.dbFile, 'juror04'), loggedOut: userId(s.dbFile, 'juror05'), organiser: userId(s.dbFile, 'organiser'),
  };
  const cands = candidates(s.dbFile);
  const cand = cands[0];
  const otherFilm = cands.find((c) => c.filmId !== cand.filmId)!.filmId;
  const secret = `SECRET-A-${crypto.randomBytes(6).toString('hex')}`;
  expect((await jurorA.callAction('app/jury/actions.ts#saveScore', [{ candidateId: cand.id, value: 7 }])).result).toMatchObject({ ok: true });
  expect((await jurorA.callAction('app/jury/actions.ts#saveNote', [{ candidateId: cand.id, note: secret }])).result).toMatchObject({ ok: true });

  // Deactivated after the juror signed in, the way it is done during voting: the organiser's
  // request, approved by the chair (lib/juror/requests.ts).
  await deactivateDuringVoting(organiser, chair, ids.deactivated);
  // Signed out through next-auth with a copy of the cookies: the original cookie is the replay.
  const copy = loggedOut.clone();
  expect(await copy.logout()).toBe(200);

  return {
    clients: { anonymous: new Client(s.base), jurorA, jurorB, chair, organiser, deactivated, loggedOut },
    ids, candA: cand.id, filmA: cand.filmId, otherFilm, nominationA: cand.nominationId, secret,
  };
}

/** Deactivates a juror during voting: the organiser requests it, the chair approves it. */
export async function deactivateDuringVoting(organiser: Client, chair: Client, jurorId: number) {
  const req = await organiser.callAction('app/admin/actions/account-requests.ts#requestAccountChange', [{ targetId: jurorId, kind: 'deactivate', reason: 'reliability scene' }]);
  expect(req.result, JSON.stringify(req.result)).toMatchObject({ ok: true });
  const requestId = (req.result as { data: { id: number } }).data.id;
  const off = await chair.callAction('app/chair/account-actions.ts#approveAccountRequest', [{ id: requestId }]);
  expect(off.result, JSON.stringify(off.result)).toMatchObject({ ok: true });
}

/** Fingerprint of juror A's own rows (scores, notes, ballots, recusals). */
export function rowsOf(file: string, jurorId: number): string {
  return withDb(file, (db) => JSON.stringify([
    db.prepare('select * from score where juror_id = ? order by id').all(jurorId),
    db.prepare('select * from ballot where juror_id = ? order by id').all(jurorId),
    db.prepare('select * from recusal where juror_id = ? order by id').all(jurorId),
  ]));
}
