// The hash recorded at finalisation: sha256 over the canonical tally input and output together.
import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/canonical';
import type { TallyInput, TallyResult } from '@/lib/tally';

export function finalHashOf(input: TallyInput, output: TallyResult): string {
  return createHash('sha256').update(canonicalJson({ input, output })).digest('hex');
}
