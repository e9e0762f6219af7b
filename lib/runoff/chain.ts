// A nomination's tie-break chain as the organisers set it (stored as JSON in nomination.tie_break):
// up to MAX_RUNOFFS runoffs first, then the chair's casting vote and/or a shared award, in the
// order the festival's rules give. Every chain ends in a step that always settles the tie (so there
// is always a way to finalise); `shared` only where the nomination allows ex aequo, and alone only
// where it allows more than one winner.
import { z } from 'zod';
import { settlingSteps } from '@/lib/tally/runoff';
import { DEFAULT_TIE_BREAK, TIE_BREAK_STEPS, type ExAequoRule, type RunoffRule, type TieBreakStep } from '@/lib/tally/types';

export const MAX_RUNOFFS = 5;

/** How the settings form offers what follows the runoffs: one of these, in this order. */
export const FINAL_STEPS = ['casting_vote,shared', 'shared,casting_vote', 'casting_vote', 'shared'] as const;
export type FinalSteps = (typeof FINAL_STEPS)[number];

/**
 * Why a chain is not acceptable (admin.field.<code>), or null. A chain is accepted only if it can
 * always decide the award (docs/runoffs.md, "Every award can be decided"): after its runoffs, which
 * can tie again and are skipped where too few may vote, its final steps must hold one that settles
 * any tie: the chair's casting vote, or a shared award where ex aequo allows at least 2 winners (the
 * chair then shares the award among some of the tied; every award is one place).
 */
export function chainProblem(chain: readonly TieBreakStep[], exAequo: { allowed: boolean; maxWinners: number }): 'tie_break' | 'tie_break_shared' | 'tie_break_dead_end' | null {
  const runoffs = chain.filter((s) => s === 'runoff').length;
  if (runoffs > MAX_RUNOFFS) return 'tie_break';
  // Runoffs come first; after them, casting vote and/or shared, each at most once.
  const tail = chain.slice(runoffs);
  if (chain.slice(0, runoffs).some((s) => s !== 'runoff')) return 'tie_break';
  if (tail.length < 1 || tail.length > 2 || new Set(tail).size !== tail.length || tail.includes('runoff')) return 'tie_break';
  if (tail.includes('casting_vote')) return null;
  // `shared` alone: it needs ex aequo, and room for more than one winner.
  if (!exAequo.allowed) return 'tie_break_shared';
  if (!alwaysDecides(chain, exAequo)) return 'tie_break_dead_end';
  return null;
}

/** Whether the final steps settle any tie (the same rule as the tally's: lib/tally/runoff.ts settlingSteps, for one place). */
export function alwaysDecides(chain: readonly TieBreakStep[], exAequo: ExAequoRule): boolean {
  return settlingSteps(chain, exAequo, 1, 0).length > 0;
}

export const chainSchema = z.array(z.enum(TIE_BREAK_STEPS)).min(1).max(MAX_RUNOFFS + 2);

/** The stored chain; a malformed value (a hand-edited file) reads as the default, which the tally also assumes. */
export function parseChain(stored: string): TieBreakStep[] {
  try {
    const v = chainSchema.safeParse(JSON.parse(stored));
    return v.success ? v.data : [...DEFAULT_TIE_BREAK];
  } catch {
    return [...DEFAULT_TIE_BREAK];
  }
}

export function chainOf(runoffs: number, final: FinalSteps): TieBreakStep[] {
  return [...Array<TieBreakStep>(runoffs).fill('runoff'), ...(final.split(',') as TieBreakStep[])];
}

/** The form's two fields for a stored chain. */
export function formOf(chain: readonly TieBreakStep[]): { runoffs: number; final: FinalSteps } {
  const runoffs = chain.filter((s) => s === 'runoff').length;
  const tail = chain.slice(runoffs).join(',');
  return { runoffs, final: (FINAL_STEPS as readonly string[]).includes(tail) ? (tail as FinalSteps) : 'casting_vote,shared' };
}

export function ruleOf(nom: { tieBreak: string; runoffAbstention: boolean }): RunoffRule {
  return { chain: parseChain(nom.tieBreak), abstention: nom.runoffAbstention };
}
