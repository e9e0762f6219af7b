// When an account change needs two people: from the opening of voting until finalisation, while
// ballots are being cast and counted. In setup nobody has voted yet; after finalisation nothing
// can change any more.
import type { Phase } from '@/db/schema';

export const APPROVAL_PHASES: readonly Phase[] = ['voting', 'main_closed', 'special_voting', 'special_closed'];

export const needsApproval = (phase: Phase) => APPROVAL_PHASES.includes(phase);
