// The chair's decisions as the protocol lists them, for whoever reads it: each with its standing
// (lib/round/decision-standing.ts) and what it chose. Before the awards are final the organisers read
// the draft protocol too, and a decision there would name a result: a casting vote's or a shared
// award's choice and reason (the chair's words name the films), a "no award" (that award has no
// winner), a withdrawal of one of those. For them such a line says only what kind of decision was
// taken, until finalisation (issue 20, lib/round/visibility.ts resultsFinal); nor do they read the
// chair's reasons for other acts (reopening a round, waiving the special round) until then.
import type { DB } from '@/db';
import type { Phase, Role } from '@/db/schema';
import { decisionsWithStanding, type Standing } from './decision-standing';
import { resultsFinal } from './visibility';

const NAMES_A_RESULT = new Set(['casting_vote', 'shared', 'no_award', 'withdraw']);

export interface ProtocolDecision {
  id: number;
  kind: string;
  /** The message key under results.decision. */
  label: string;
  /** The nomination's code. */
  nomination: string | null;
  /** The candidates a casting vote or a shared award chose. */
  chosen: number[];
  reason: string;
  at: string;
  standing: Standing;
  /** Nomination, choice, reason and standing withheld from this reader until the awards are final. */
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

export function protocolDecisions(db: DB, phase: Phase, reader: Role | null, juryId?: number): ProtocolDecision[] {
  const hide = !protocolNamesResults(phase, reader);
  return decisionsWithStanding(db, juryId)
    .filter((d) => d.kind !== 'close_round' || d.reason)
    .map((d) => {
      const label = d.kind === 'withdraw' && !d.code ? 'withdraw_waiver' : d.kind;
      const shown = { id: d.id, kind: d.kind, label, at: d.createdAt };
      if (hide && NAMES_A_RESULT.has(d.kind) && label !== 'withdraw_waiver') {
        return { ...shown, nomination: null, chosen: [], reason: '', standing: null, withheld: true };
      }
      // Any other act's reason is the chair's words (a reopening, a waiver), which may name the films; a
      // close's is the app's own ("closed with 2 ballots missing").
      const reason = hide && d.kind !== 'close_round' ? '' : d.reason;
      return { ...shown, nomination: d.code, chosen: d.chosen, reason, standing: d.standing, withheld: false };
    });
}
