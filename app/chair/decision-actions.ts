'use server';
// The chair's "no award", withdrawal of a decision and waiver of the special round (checks in lib/round/decision-specs.ts).
import { serverAction } from '@/lib/server-action';
import { noAwardSpec, waiveSpecialSpec, withdrawDecisionSpec } from '@/lib/round/decision-specs';

const noAwardAction = serverAction({ ...noAwardSpec, revalidate: ['/chair'] });
const withdrawAction = serverAction({ ...withdrawDecisionSpec, revalidate: ['/chair'] });
const waiveAction = serverAction({ ...waiveSpecialSpec, revalidate: ['/chair'] });

export async function recordNoAward(first: unknown, form?: unknown) { return noAwardAction(first, form); }
export async function withdrawDecision(first: unknown, form?: unknown) { return withdrawAction(first, form); }
export async function waiveSpecialRound(first: unknown, form?: unknown) { return waiveAction(first, form); }
