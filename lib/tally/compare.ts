// The same jury under every method, so the chair can see which awards hang on the method chosen.

import { tally } from './tally';
import { METHODS, type Method, type MethodComparison, type NominationStatus, type TallyInput } from './types';

export function compareMethods(input: TallyInput): MethodComparison[] {
  const results = METHODS.map((method) => tally({ ...input, method }));
  return input.nominations.map((n, i) => {
    const winners = {} as Record<Method, string[]>;
    const status = {} as Record<Method, NominationStatus>;
    METHODS.forEach((m, k) => {
      winners[m] = results[k].nominations[i].winners;
      status[m] = results[k].nominations[i].status;
    });
    const distinct = new Set(METHODS.map((m) => JSON.stringify([...winners[m]].sort())));
    return { code: n.code, round: n.round, winners, status, dependsOnMethod: distinct.size > 1 };
  });
}
