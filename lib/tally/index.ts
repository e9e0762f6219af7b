// Public API of the tally engine. Pure: no I/O, no clock, no randomness; plain JSON in and out.

export { tally } from './tally';
export { parseTallyInput, tallyInputSchema, DEFAULT_EXEMPT } from './input';
export { specialRoundCandidates } from './special';
export { compareMethods } from './compare';
export { pairwiseMatrices, type PairwiseMatrices } from './pairwise';
export { TOLERANCE as NORMALIZED_TOLERANCE } from './methods/normalized-mean';
export { TRIM_FROM } from './methods/trimmed-mean';
export { METHODS, TIE_BREAK_STEPS, DEFAULT_TIE_BREAK } from './types';
export type * from './types';
export {
  DISTRIBUTION_METHODS,
  distributionsOf,
  runoffCountsOf,
  parseDistributionsInput,
  tallyDistributions,
  type CandidateDistribution,
  type DistributionsInput,
  type DistributionsTally,
  type HeadToHeadRecord,
  type Mismatch,
  type RunoffCount,
  type Unverifiable,
} from './distributions';
export { runoffEligibility, countedVotes, type CountedVotes, type Eligibility } from './runoff-votes';
export { recusedFrom } from './recused';
export { countRunoff, chainOf, nextSteps } from './runoff';
