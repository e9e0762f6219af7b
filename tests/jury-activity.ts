// What another jury's voting leaves in the database, written straight into its rows (its own actions
// run only for the jury the app serves): scores, submitted ballots with their snapshots, a recusal, and
// an open and a closed runoff with votes. The scope tests (issue 23) put these beside the served jury's
// and check that none of them reaches its lists, counts or actions.
import { asc, eq } from 'drizzle-orm';
import type { DB } from '@/db';
import { audit, ballot, ballotScore, recusal, runoff, runoffVote, score } from '@/db/schema';
import type { OtherJury } from './juries';

/** Every juror of `jurorIds` scores and submits every ballot of the other jury's main round; the first recuses from its first film; two runoffs. */
export function otherJuryVotes(db: DB, other: OtherJury, jurorIds: number[]) {
  db.transaction((tx) => {
    for (const [code, cands] of Object.entries(other.candidates)) {
      if (cands.length === 0) continue;
      jurorIds.forEach((jurorId, j) => {
        cands.forEach((candidateId, k) => tx.insert(score).values({ jurorId, candidateId, steps: (j + k) % 10, note: `other ${code}` }).run());
        const { id } = tx.insert(ballot).values({ jurorId, nominationId: other.nominations[code], submittedAt: '2026-01-01T00:00:00.000Z', receipt: `r-${code}-${jurorId}`, salt: 's' })
          .returning({ id: ballot.id }).get();
        tx.insert(ballotScore).values(cands.map((candidateId, k) => ({ ballotId: id, candidateId, steps: (j + k) % 10 }))).run();
      });
    }
    tx.insert(recusal).values({ jurorId: jurorIds[0], filmId: other.films[0], reason: 'other jury' }).run();
    const [a, b] = other.candidates.best_film;
    const open = tx.insert(runoff).values({ nominationId: other.nominations.best_film, tied: JSON.stringify([a, b]), places: 1 }).returning({ id: runoff.id }).get().id;
    const closed = tx.insert(runoff).values({ nominationId: other.nominations.best_actor, tied: JSON.stringify(other.candidates.best_actor.slice(0, 2)), places: 1, closedAt: '2026-01-02T00:00:00.000Z' })
      .returning({ id: runoff.id }).get().id;
    jurorIds.forEach((jurorId, j) => {
      tx.insert(runoffVote).values({ runoffId: open, jurorId, choice: j % 2 ? a : b, receipt: `o-${jurorId}`, salt: 's' }).run();
      tx.insert(runoffVote).values({ runoffId: closed, jurorId, choice: other.candidates.best_actor[j % 2], receipt: `c-${jurorId}`, salt: 's' }).run();
    });
  }, { behavior: 'immediate' });
}

/** The audit log as it stands, for "nothing was written" checks. */
export const auditRows = (db: DB) => db.select().from(audit).orderBy(asc(audit.id)).all();

/** The other jury's voting rows as they stand. */
export function otherJuryVotingRows(db: DB, other: OtherJury) {
  const noms = Object.values(other.nominations);
  return {
    ballots: db.select().from(ballot).all().filter((b) => noms.includes(b.nominationId)),
    recusals: db.select().from(recusal).all().filter((r) => other.films.includes(r.filmId)),
    runoffs: db.select().from(runoff).all().filter((r) => noms.includes(r.nominationId)),
    scores: db.select().from(score).where(eq(score.note, 'other best_film')).all(),
  };
}
