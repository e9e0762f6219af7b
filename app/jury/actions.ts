'use server';
// The juror's ballot actions and the chair's reopening of a ballot. Each is a public endpoint:
// the checks and the pages to revalidate live in lib/ballot/specs.ts, run by lib/server/action.ts.
import { serverAction } from '@/lib/server/server-action';
import {
  declareRecusalSpec,
  reopenBallotSpec,
  saveNoteSpec,
  saveScoreSpec,
  submitBallotSpec,
  withdrawRecusalSpec,
} from '@/lib/ballot/specs';
import { setBallotViewSpec } from '@/lib/ballot/view';

// Scores and notes do not revalidate: the ballot holds them on the client, and a refresh per
// keystroke would cost every juror a render.
export const saveScore = serverAction(saveScoreSpec);
export const saveNote = serverAction(saveNoteSpec);
export const declareRecusal = serverAction(declareRecusalSpec);
export const withdrawRecusal = serverAction(withdrawRecusalSpec);
export const submitBallot = serverAction(submitBallotSpec);
export const reopenBallot = serverAction(reopenBallotSpec);
// The layout is shown at once on the client; the next render of a ballot page reads the stored one.
export const setBallotView = serverAction(setBallotViewSpec);
