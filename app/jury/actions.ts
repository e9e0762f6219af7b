'use server';
// The juror's ballot actions and the chair's reopening of a ballot. Each is a public endpoint:
// the checks live in lib/ballot/specs.ts and run inside executeAction (lib/action.ts).
import { serverAction } from '@/lib/server-action';
import {
  declareRecusalSpec,
  reopenBallotSpec,
  saveNoteSpec,
  saveScoreSpec,
  submitBallotSpec,
  withdrawRecusalSpec,
} from '@/lib/ballot/specs';
import { setBallotViewSpec } from '@/lib/ballot/view';

const saveScoreAction = serverAction(saveScoreSpec);
const saveNoteAction = serverAction(saveNoteSpec);
const declareRecusalAction = serverAction({ ...declareRecusalSpec, revalidate: ['/jury'] });
const withdrawRecusalAction = serverAction({ ...withdrawRecusalSpec, revalidate: ['/jury'] });
const submitBallotAction = serverAction({ ...submitBallotSpec, revalidate: ['/jury'] });
const reopenBallotAction = serverAction({ ...reopenBallotSpec, revalidate: ['/chair', '/jury'] });
// The layout is shown at once on the client; the next render of a ballot page reads the stored one.
const setBallotViewAction = serverAction(setBallotViewSpec);

// Scores and notes do not revalidate: the ballot holds them on the client, and a refresh per
// keystroke would cost every juror a render.
export async function saveScore(raw: unknown) { return saveScoreAction(raw); }
export async function saveNote(raw: unknown) { return saveNoteAction(raw); }
export async function declareRecusal(raw: unknown) { return declareRecusalAction(raw); }
export async function withdrawRecusal(raw: unknown) { return withdrawRecusalAction(raw); }
export async function submitBallot(raw: unknown) { return submitBallotAction(raw); }
export async function reopenBallot(raw: unknown) { return reopenBallotAction(raw); }
export async function setBallotView(raw: unknown) { return setBallotViewAction(raw); }
