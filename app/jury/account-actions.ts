'use server';
// A juror (or the chair) answers their account's history (lib/account/history.ts), or acknowledges
// the notice of changes approved on their account (lib/juror/requests.ts).
import { serverAction } from '@/lib/server/server-action';
import { answerHistorySpec } from '@/lib/account/history';
import { acknowledgeAccountNoticeSpec } from '@/lib/juror/requests';

export const acknowledgeAccountNotice = serverAction(acknowledgeAccountNoticeSpec);

/** The juror (or the chair) answers their account's history: "this was all me" or "something here was not me". */
export const answerHistory = serverAction(answerHistorySpec);
