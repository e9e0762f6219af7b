'use server';
// A juror (or the chair) acknowledges the notice of changes made to their account.
import { serverAction } from '@/lib/server-action';
import { acknowledgeAccountNoticeSpec } from '@/lib/juror/requests';

export const acknowledgeAccountNotice = serverAction(acknowledgeAccountNoticeSpec);
import { answerHistorySpec } from '@/lib/account/history';

/** The juror (or the chair) answers their account's history: "this was all me" or "something here was not me". */
export const answerHistory = serverAction(answerHistorySpec);
