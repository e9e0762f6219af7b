'use server';
// The chair's "no award", withdrawal of a decision and waiver of the special round (checks in lib/round/decision-specs.ts).
import { serverAction } from '@/lib/server/server-action';
import { noAwardSpec, waiveSpecialSpec, withdrawDecisionSpec } from '@/lib/round/decision-specs';

export const recordNoAward = serverAction(noAwardSpec);
export const withdrawDecision = serverAction(withdrawDecisionSpec);
export const waiveSpecialRound = serverAction(waiveSpecialSpec);
