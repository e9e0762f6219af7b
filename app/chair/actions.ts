'use server';
// The chair's round actions and the organisers' publication (checks in lib/round/specs.ts).
import { serverAction } from '@/lib/server-action';
import { closeRoundSpec, decideTieSpec, finaliseSpec, openSpecialRoundSpec, publishSpec, reopenRoundSpec } from '@/lib/round/specs';

const everywhere = ['/chair', '/jury', '/admin', '/results'];
const closeRoundAction = serverAction({ ...closeRoundSpec, revalidate: everywhere });
const reopenRoundAction = serverAction({ ...reopenRoundSpec, revalidate: everywhere });
const decideTieAction = serverAction({ ...decideTieSpec, revalidate: ['/chair'] });
const openSpecialAction = serverAction({ ...openSpecialRoundSpec, revalidate: everywhere });
const finaliseAction = serverAction({ ...finaliseSpec, revalidate: everywhere });
const publishAction = serverAction({ ...publishSpec, revalidate: everywhere });

export async function closeRound(raw: unknown) { return closeRoundAction(raw); }
export async function reopenRound(raw: unknown) { return reopenRoundAction(raw); }
export async function decideTie(raw: unknown) { return decideTieAction(raw); }
export async function openSpecialRound(raw: unknown) { return openSpecialAction(raw); }
export async function finalise(raw: unknown) { return finaliseAction(raw); }
export async function publish(raw: unknown) { return publishAction(raw); }
