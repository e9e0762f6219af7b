'use server';
// The chair's round actions and the organisers' publication (checks and revalidation in lib/round/specs.ts).
import { serverAction } from '@/lib/server/server-action';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec, reopenRoundSpec } from '@/lib/round/specs';

export const closeRound = serverAction(closeRoundSpec);
export const reopenRound = serverAction(reopenRoundSpec);
export const decideTie = serverAction(decideTieSpec);
export const openSpecialRound = serverAction(openSpecialRoundSpec);
export const finalise = serverAction(finaliseSpec);
export const publish = serverAction(publishSpec);
