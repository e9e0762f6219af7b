'use server';
// A juror (or the chair) acknowledges the notice of changes made to their account.
import { serverAction } from '@/lib/server-action';
import { acknowledgeAccountNoticeSpec } from '@/lib/juror/requests';

export const acknowledgeAccountNotice = serverAction(acknowledgeAccountNoticeSpec);
