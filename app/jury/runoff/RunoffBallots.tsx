// The runoffs waiting for this juror's vote, at the top of /jury, and a place for each runoff they have
// voted in: a vote posted without JavaScript comes back as the answer of that runoff's form, which React
// gives to the component at the same place (its key, the runoff's id), so that it can show the receipt
// (with JavaScript the ballot shows it in place). Otherwise a voted runoff's place shows nothing.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { runoffBallots } from '@/lib/runoff/ballot';
import { runoffsVotedBy } from '@/lib/runoff/queries';
import { RunoffVote } from './RunoffVote';
import { nominationName } from '@/i18n/names';

export async function RunoffBallots({ jurorId }: { jurorId: number }) {
  const db = getDb();
  const ballots = runoffBallots(db, jurorId);
  const voted = runoffsVotedBy(db, jurorId);
  if (ballots.length === 0 && voted.length === 0) return null;
  const tc = await getTranslations('common');
  return [
    ...ballots.map((b) => (
      <RunoffVote
        key={b.id}
        runoff={b.id}
        nominationLabel={nominationName(tc, b.nomination)}
        ordinal={b.ordinal}
        abstention={b.abstention}
        candidates={b.candidates}
      />
    )),
    ...voted.map((r) => <RunoffVote key={r.id} runoff={r.id} nominationLabel={nominationName(tc, r.nomination)} voted />),
  ];
}
