// The runoffs waiting for this juror's vote, at the top of /jury.
import { getTranslations } from 'next-intl/server';
import { getDb } from '@/lib/database';
import { runoffBallots } from '@/lib/runoff/ballot';
import { RunoffVote } from './RunoffVote';
import { nominationName } from '@/i18n/names';

export async function RunoffBallots({ jurorId }: { jurorId: number }) {
  const ballots = runoffBallots(getDb(), jurorId);
  if (ballots.length === 0) return null;
  const tc = await getTranslations('common');
  return ballots.map((b) => (
    <RunoffVote
      key={b.id}
      runoff={b.id}
      nominationLabel={nominationName(tc, b.nomination)}
      ordinal={b.ordinal}
      abstention={b.abstention}
      candidates={b.candidates}
    />
  ));
}
