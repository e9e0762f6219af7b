// The demo festival as tests use it: its people, its nominations and candidates, and whole ballots
// cast through the real actions. Shared by the ballot, round and audit tests.
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { asc, eq } from 'drizzle-orm';
import { candidate, juryMember, nomination, user } from '@/db/schema';
import { memberOfServedJury } from '@/lib/festival/members';
import type { DB } from '@/db';
import { executeAction } from '@/lib/server/action';
import type { SessionUser } from '@/lib/auth/users';
import { saveScoreSpec, submitBallotSpec } from '@/lib/ballot/specs';
import { userByLogin } from './db';

/** The demo festival's chair, one juror (Azimov), the organiser, and the whole jury (chair included) by id. */
export function demoCast(db: DB) {
  // The served jury's members (lib/festival/members.ts): another jury's are not this festival's.
  const jurors = db.select({ login: user.login }).from(user).innerJoin(juryMember, memberOfServedJury).orderBy(asc(user.id)).all()
    .map((u) => userByLogin(db, u.login));
  return { chair: userByLogin(db, 'hansanping'), juror: userByLogin(db, 'azimov'), organiser: userByLogin(db, 'organiser'), jurors };
}

export const nominationId = (db: DB, code: string) => db.select().from(nomination).where(eq(nomination.code, code)).get()!.id;

export const candidatesOf = (db: DB, code: string) =>
  db.select().from(candidate).where(eq(candidate.nominationId, nominationId(db, code))).orderBy(asc(candidate.id)).all();

/** Each of `who` scores every candidate of the nomination with `score(jurorIndex, candidateIndex)` and submits. */
export function voteAndSubmit(db: DB, code: string, score: (j: number, c: number) => number, who: SessionUser[]) {
  const cs = candidatesOf(db, code);
  who.forEach((u, j) => {
    cs.forEach((c, i) => expect(executeAction(saveScoreSpec, u, { candidateId: c.id, value: score(j, i) }, db).ok).toBe(true));
    expect(executeAction(submitBallotSpec, u, { nominationId: nominationId(db, code) }, db).ok).toBe(true);
  });
}

/** A file of docs/fixtures (the import examples the docs show), as bytes. */
export const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, '..', 'docs', 'fixtures', name)));
