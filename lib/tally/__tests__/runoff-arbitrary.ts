// Random runoffs for property tests: the chain as a festival might set it, and runoffs held the way
// the app holds them (on the tie the tally shows, by the jurors, in turn), plus stale ones.

import fc from 'fast-check';
import { tally } from '../tally';
import type { Runoff, RunoffRule, TallyInput, TieBreakStep } from '../types';
import { arbJury, prng, shuffle } from './arbitrary';

const CHAINS: TieBreakStep[][] = [
  ['runoff', 'casting_vote', 'shared'],
  ['runoff', 'runoff', 'casting_vote'],
  ['runoff', 'shared', 'casting_vote'],
  ['casting_vote', 'shared'],
  ['runoff'],
];

/** Every nomination gets a chain; a few allow abstention. */
export function withChains(input: TallyInput, rand: () => number): TallyInput {
  const tieBreak: Record<string, RunoffRule> = {};
  for (const n of input.nominations) tieBreak[n.code] = { chain: CHAINS[Math.floor(rand() * CHAINS.length)], abstention: rand() < 0.3 };
  return { ...input, rules: { ...input.rules, tieBreak } };
}

/** One runoff on `tied` with a vote from most jurors on the list (abstaining where allowed now and then). */
function held(input: TallyInput, code: string, tied: string[], places: number, rand: () => number): Runoff {
  const abstention = input.rules.tieBreak?.[code]?.abstention ?? false;
  // Few choices, so that runoffs tie again often enough to reach later steps of the chain.
  const favoured = tied.slice(0, 1 + Math.floor(rand() * tied.length));
  const votes = input.jurors
    .filter(() => rand() < 0.9)
    .map((j) => ({ juror: j.id, choice: abstention && rand() < 0.15 ? null : favoured[Math.floor(rand() * favoured.length)] }));
  // Now and then someone who is not on the jury votes too (the tally must not count it).
  if (rand() < 0.1) votes.push({ juror: 'not-a-juror', choice: tied[0] });
  return { nomination: code, tied, places, votes };
}

/** Runoffs held on the ties the tally shows, `rounds` times over (each round sees the last one's result). */
export function holdRunoffs(input: TallyInput, rand: () => number, rounds = 3): TallyInput {
  let current = input;
  for (let k = 0; k < rounds; k++) {
    const result = tally(current);
    const added: Runoff[] = [];
    for (const n of result.nominations) {
      if (n.tie && n.tie.next?.includes('runoff') && rand() < 0.8) added.push(held(current, n.code, n.tie.candidates, n.tie.places, rand));
    }
    if (!added.length) break;
    current = { ...current, runoffs: [...(current.runoffs ?? []), ...added] };
  }
  return current;
}

/**
 * Runoffs that must change nothing: on nominations without a tie, or on a set of candidates that is
 * not the tie (a subset of the candidates that differs from it).
 */
export function staleRunoffs(input: TallyInput, rand: () => number): Runoff[] {
  const result = tally(input);
  const out: Runoff[] = [];
  for (const n of result.nominations) {
    const ids = input.nominations.find((x) => x.code === n.code)!.candidates.map((c) => c.id);
    if (ids.length < 2 || rand() < 0.3) continue;
    const tied = shuffle(ids, rand).slice(0, 2 + Math.floor(rand() * (ids.length - 1)));
    const same = n.tie && tied.length === n.tie.candidates.length && tied.every((c) => n.tie!.candidates.includes(c));
    if (same) continue;
    out.push(held(input, n.code, tied, 1, rand));
  }
  return out;
}

const arbSeeded = (jury: ReturnType<typeof arbJury>) => fc.tuple(jury, fc.integer());

/** Random juries (small scales: many ties) with chains and runoffs held on their ties. */
export const arbRunoffJury = (shape: Parameters<typeof arbJury>[0]) =>
  arbSeeded(arbJury(shape)).map(([input, seed]) => {
    const rand = prng(seed);
    return holdRunoffs(withChains(input, rand), rand);
  });

export { prng };
