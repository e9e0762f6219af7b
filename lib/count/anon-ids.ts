// Anonymous ids of counted ballots for the public export: drawn from the operating system's
// cryptographic random source when the awards are finalised, and stored, so that the export and
// the final hash stay the same on every read. Never derived from a juror's id, login or salt:
// nothing a reader knows or can guess leads back to them (issue 10, attack 5).
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { anonBallot, nomination } from '@/db/schema';
import type { Tx } from '@/lib/server/action';
import type { TallyInput } from '@/lib/tally';
import { getFestival } from '@/lib/festival/phase';

type Reader = DB | Tx;

/** 96 random bits: no collision in any jury's lifetime (the unique index would refuse one anyway). */
export const newAnonId = () => `B-${randomBytes(12).toString('hex')}`;

/** The served jury's nominations (a code is unique only within its jury). */
const juryNominations = (db: Reader, juryId = getFestival(db).id) => db.select({ id: nomination.id, code: nomination.code }).from(nomination).where(eq(nomination.juryId, juryId)).all();

/** A jury's stored ids (the served jury's unless another is named) by `${jurorId}\n${nominationCode}`. */
export function storedAnonIds(db: Reader, juryId = getFestival(db).id): Map<string, string> {
  const codeOf = new Map(juryNominations(db, juryId).map((n) => [n.id, n.code]));
  return new Map(db.select().from(anonBallot).all().filter((a) => codeOf.has(a.nominationId)).map((a) => [`${a.jurorId}\n${codeOf.get(a.nominationId)}`, a.anonId]));
}

/** Gives every ballot that has a score in `input` an anonymous id, unless it has one already. */
export function assignAnonIds(tx: Tx, input: TallyInput): void {
  const have = storedAnonIds(tx);
  const idOf = new Map(juryNominations(tx).map((n) => [n.code, n.id]));
  const nominationOf = new Map(input.nominations.flatMap((n) => n.candidates.map((c) => [c.id, n.code] as const)));
  for (const s of input.scores) {
    const code = nominationOf.get(s.candidate)!;
    const key = `${s.juror}\n${code}`;
    if (have.has(key)) continue;
    const anonId = newAnonId();
    tx.insert(anonBallot).values({ jurorId: Number(s.juror), nominationId: idOf.get(code)!, anonId }).run();
    have.set(key, anonId);
  }
}
