// The cast of the access and hostile-input tests on one real server: anonymous, juror A, juror B,
// the chair, the organiser, a juror deactivated after signing in, and a session replayed after its
// sign-out. Voting is opened with the organisers' real action.
import crypto from 'node:crypto';
import { expect } from 'vitest';
import { ACCOUNTS, Client, signedIn } from './client';
import { candidates, userId, withDb } from './db';
import { hashPassword } from '@/lib/auth/password';
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

/**
 * Issue 23: the cast across juries. Beside the scene's jury (A, the demo's main competition, edition 1) a
 * second jury of the same edition (B, voting: three generated films in a nomination of the same code,
 * best_film) and the jury of an older edition (published, one generated film), written into the file as
 * tests/juries.ts writes them (the demo invents no other jury). New accounts: chairB, B's chair only; the
 * older edition's member (a juror there only). Juror A (azimov) sits on B as a juror too: the person on both.
 * Juror A saves a note in B through the real action, chosen by B's address.
 */
export type JuryChoice = 'none' | 'A' | 'B' | 'old' | 'unknown' | 'malformed' | 'negative';
export const JURY_CHOICES: JuryChoice[] = ['none', 'A', 'B', 'old', 'unknown', 'malformed', 'negative'];

export interface JuriesScene {
  juries: { A: number; B: number; old: number };
  /** The `jury` cookie each choice sends (none: no cookie). */
  cookie: Record<JuryChoice, string | undefined>;
  chairB: Client;
  oldMember: Client;
  ids: { chairB: number; oldMember: number };
  /** B's rows: its films, its best_film nomination and candidates. */
  filmsB: number[];
  nominationB: number;
  candidatesB: number[];
  /** Markers that appear only in one jury's rows: a film title of A, one of B, juror A's note in B. */
  markers: { filmA: string; filmB: string; secretB: string };
}

export async function addJuries(s: Server, sc: Scene): Promise<JuriesScene> {
  const tag = crypto.randomBytes(4).toString('hex');
  const markers = { filmA: `MATRIX-A-FILM-${tag}`, filmB: `MATRIX-B-FILM-${tag}`, secretB: `SECRET-B-${tag}` };
  const hash = await hashPassword('matrix-juries-1');
  const built = withDb(s.dbFile, (db) => db.transaction(() => {
    db.prepare('update film set english_title = ? where id = ?').run(markers.filmA, sc.filmA);
    const B = Number(db.prepare("insert into jury (edition_id, slug, competition_name, phase) values (1, 'shorts', 'Generated short films', 'voting')").run().lastInsertRowid);
    const filmsB = [1, 2, 3].map((i) => Number(db.prepare("insert into film (jury_id, original_title, english_title, director, country, position) values (?, ?, ?, ?, 'KZ', ?)")
      .run(B, `${markers.filmB}-${i}`, `${markers.filmB}-${i}`, `Generated director ${i}`, i).lastInsertRowid));
    const nominationB = Number(db.prepare("insert into nomination (jury_id, code, position, kind, round, exempt_one_award, ex_aequo_allowed, max_winners) values (?, 'best_film', 1, 'film', 'main', 0, 0, 1)").run(B).lastInsertRowid);
    const candidatesB = filmsB.map((f) => Number(db.prepare('insert into candidate (nomination_id, film_id, person) values (?, ?, null)').run(nominationB, f).lastInsertRowid));
    // The older edition: an id below the demo's, so the demo's stays the newest (lib/festival/phase.ts).
    db.prepare("insert into edition (id, name, city, slug) values (0, 'Generated older edition', 'Generated city', 'older')").run();
    const old = Number(db.prepare("insert into jury (edition_id, slug, competition_name, phase) values (0, 'main', 'Generated older competition', 'published')").run().lastInsertRowid);
    const oldFilm = Number(db.prepare("insert into film (jury_id, original_title, english_title, director, country, position) values (?, 'Generated older film', 'Generated older film', 'Generated director', 'KZ', 1)").run(old).lastInsertRowid);
    const oldNom = Number(db.prepare("insert into nomination (jury_id, code, position, kind, round, exempt_one_award, ex_aequo_allowed, max_winners) values (?, 'best_film', 1, 'film', 'main', 0, 0, 1)").run(old).lastInsertRowid);
    db.prepare('insert into candidate (nomination_id, film_id, person) values (?, ?, null)').run(oldNom, oldFilm);
    const account = (login: string) => Number(db.prepare("insert into user (login, display_name, role, country, password_hash) values (?, ?, 'juror', 'FR', ?)").run(login, `Generated ${login}`, hash).lastInsertRowid);
    const ids = { chairB: account('matrixchairb'), oldMember: account('matrixold') };
    db.prepare("insert into jury_member (jury_id, user_id, role) values (?, ?, 'chair')").run(B, ids.chairB);
    db.prepare("insert into jury_member (jury_id, user_id, role) values (?, ?, 'juror')").run(B, sc.ids.A);
    db.prepare("insert into jury_member (jury_id, user_id, role) values (?, ?, 'juror')").run(old, ids.oldMember);
    return { B, old, filmsB, nominationB, candidatesB, ids };
  })());
  const cookie: Record<JuryChoice, string | undefined> = { none: undefined, A: '1', B: String(built.B), old: String(built.old), unknown: '999999', malformed: `${built.B}x`, negative: `-${built.B}` };
  const chairB = await signedIn(s.base, 'matrixchairb', 'matrix-juries-1');
  const oldMember = await signedIn(s.base, 'matrixold', 'matrix-juries-1');
  // Juror A's own note in B, saved in B as its address chooses it.
  const inB = sc.clients.jurorA.clone();
  inB.cookies.set('jury', cookie.B!);
  expect((await inB.callAction('app/jury/actions.ts#saveNote', [{ candidateId: built.candidatesB[0], note: markers.secretB }])).result).toMatchObject({ ok: true });
  return {
    juries: { A: 1, B: built.B, old: built.old }, cookie, chairB, oldMember, ids: built.ids,
    filmsB: built.filmsB, nominationB: built.nominationB, candidatesB: built.candidatesB, markers,
  };
}

/** Everything stored of one jury: its row, films, nominations, members and all that belongs to it through them. */
export function juryState(file: string, juryId: number): string {
  return withDb(file, (db) => {
    const q = (text: string) => db.prepare(text).all(juryId);
    const byNom = (table: string) => `select t.* from ${table} t join nomination n on n.id = t.nomination_id where n.jury_id = ? order by t.rowid`;
    return JSON.stringify([
      q('select * from jury where id = ?'), q('select * from film where jury_id = ? order by id'), q('select * from nomination where jury_id = ? order by id'),
      q('select * from jury_member where jury_id = ? order by rowid'), q('select * from decision where jury_id = ? order by id'),
      ...['candidate', 'ballot', 'runoff', 'anon_ballot', 'award'].map((t) => q(byNom(t))),
      q('select s.* from score s join candidate c on c.id = s.candidate_id join nomination n on n.id = c.nomination_id where n.jury_id = ? order by s.rowid'),
      q('select bs.* from ballot_score bs join ballot b on b.id = bs.ballot_id join nomination n on n.id = b.nomination_id where n.jury_id = ? order by bs.rowid'),
      q('select r.* from recusal r join film f on f.id = r.film_id where f.jury_id = ? order by r.rowid'),
      q('select v.* from runoff_vote v join runoff r on r.id = v.runoff_id join nomination n on n.id = r.nomination_id where n.jury_id = ? order by v.rowid'),
    ]);
  });
}
