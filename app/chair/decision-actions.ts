'use server';
// The chair's "no award", withdrawal of a decision and waiver of the special round (checks in lib/round/decision-specs.ts).
import { serverAction } from '@/lib/server/server-action';
import { noAwardSpec, waiveSpecialSpec, withdrawDecisionSpec } from '@/lib/round/decision-specs';

const noAwardAction = serverAction({ ...noAwardSpec, revalidate: ['/chair'] });
const withdrawAction = serverAction({ ...withdrawDecisionSpec, revalidate: ['/chair'] });
const waiveAction = serverAction({ ...waiveSpecialSpec, revalidate: ['/chair'] });

export async function recordNoAward(raw: unknown) { return noAwardAction(raw); }
export async function withdrawDecision(raw: unknown) { return withdrawAction(raw); }
export async function waiveSpecialRound(raw: unknown) { return waiveAction(raw); }
