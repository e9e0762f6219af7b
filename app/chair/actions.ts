'use server';
// The chair's round actions and the organisers' publication (checks in lib/round/specs.ts).
import { serverAction } from '@/lib/server/server-action';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec, reopenRoundSpec } from '@/lib/round/specs';

const everywhere = ['/chair', '/jury', '/admin', '/results'];
export const closeRound = serverAction({ ...closeRoundSpec, revalidate: everywhere });
export const reopenRound = serverAction({ ...reopenRoundSpec, revalidate: everywhere });
export const decideTie = serverAction({ ...decideTieSpec, revalidate: ['/chair'] });
export const openSpecialRound = serverAction({ ...openSpecialRoundSpec, revalidate: everywhere });
export const finalise = serverAction({ ...finaliseSpec, revalidate: everywhere });
export const publish = serverAction({ ...publishSpec, revalidate: everywhere });

