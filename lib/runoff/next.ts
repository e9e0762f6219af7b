// What a tie's chain allows now: the tally's own answer (lib/tally/runoff.ts nextSteps), which is
// also the only kinds of decision it accepts. The tally reports it (Tie.next) once its input carries
// the festival's tie-break rules; for an input without them (every nomination on the default chain,
// no runoff held: Tie.next absent) the same function is asked with the stored chain.
import { nextSteps as chainNext } from '@/lib/tally/runoff';
import type { Tie, TieBreakStep } from '@/lib/tally/types';
import { parseChain } from './chain';

export function nextSteps(tie: Tie, nom: { tieBreak: string; exAequoAllowed: boolean; maxWinners: number }, runoffsHeld: number): TieBreakStep[] {
  if (tie.next) return tie.next;
  const chain = parseChain(nom.tieBreak);
  const step = Math.min(runoffsHeld, chain.filter((s) => s === 'runoff').length);
  return chainNext(chain, step, { allowed: nom.exAequoAllowed, maxWinners: nom.maxWinners }, tie.places, 0);
}
