// The chair's decisions as the protocol lists them, for whoever reads it. Before the awards are
// final the organisers read the draft protocol too, and a decision there would name a result: a
// casting vote's or a shared award's reason (the chair's words name the films), a "no award" (that
// award has no winner), a withdrawal of one of those. For them such a line says only what kind of
// decision was taken, until finalisation (issue 20, lib/round/visibility.ts resultsFinal).
import type { DB } from '@/db';
import type { Phase, Role } from '@/db/schema';
import { decisionList } from './results';
import { resultsFinal } from './visibility';

const NAMES_A_RESULT = new Set(['casting_vote', 'shared', 'no_award', 'withdraw']);

export interface ProtocolDecision {
  /** The message key under results.decision. */
  label: string;
  nomination: string | null;
  reason: string;
  at: string;
  /** Nomination and reason withheld from this reader until the awards are final. */
  withheld: boolean;
}

/**
 * Whether the protocol may show `reader` whom the decisions and runoffs concern: the chair always
 * (the desk shows them more), anyone else once the awards are final. Also how many voted in which
 * runoff: who may vote in one (recusals, the nationality rule) points at the tied films.
 */
export function protocolNamesResults(phase: Phase, reader: Role | null): boolean {
  return reader === 'chair' || resultsFinal(phase);
}

export function protocolDecisions(db: DB, phase: Phase, reader: Role | null): ProtocolDecision[] {
  const hide = !protocolNamesResults(phase, reader);
  return decisionList(db)
    .filter((d) => d.kind !== 'close_round' || d.reason)
    .map((d) => {
      const label = d.kind === 'withdraw' && !d.nomination ? 'withdraw_waiver' : d.kind;
      if (hide && NAMES_A_RESULT.has(d.kind) && label !== 'withdraw_waiver') return { label, nomination: null, reason: '', at: d.at, withheld: true };
      return { label, nomination: d.nomination, reason: d.reason, at: d.at, withheld: false };
    });
}
