// What a tie's chain allows now. The tally reports it (Tie.next) once its input carries the
// festival's tie-break rules and the runoffs held; for an input without them (Tie.next absent) the
// same rule is read from the stored chain here: a runoff while fewer have been held on this
// nomination than the chain names, then the steps after them (`shared` only where ex aequo is allowed).
import type { Tie, TieBreakStep } from '@/lib/tally/types';
import { parseChain } from './chain';

export function nextSteps(tie: Tie, nom: { tieBreak: string; exAequoAllowed: boolean }, runoffsHeld: number): TieBreakStep[] {
  if (tie.next) return tie.next;
  const chain = parseChain(nom.tieBreak);
  const runoffs = chain.filter((s) => s === 'runoff').length;
  if (runoffsHeld < runoffs) return ['runoff'];
  return chain.filter((s) => s !== 'runoff' && (s !== 'shared' || nom.exAequoAllowed));
}
