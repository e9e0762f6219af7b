'use server';
// Setting one's own password: allowed while a temporary one must still be changed (lib/juror/account.ts).
import { serverAction } from '@/lib/server/server-action';
import { changePasswordSpec } from '@/lib/juror/account';

export const changePassword = serverAction(changePasswordSpec);
