// What one reader of the live stream may see, from the facts of lib/live/facts.ts. Pure. Counts
// only, and only those the reader's own page shows today:
// - the chair: per nomination of the voting round the ballots that count (the quorum row of /chair)
//   and how many are missing; per runoff the votes cast and the jurors entitled; whether they
//   themselves (a juror too) may vote and have voted;
// - an organiser: per nomination the ballots submitted (/admin/progress); per runoff cast / entitled
//   once the awards are final (before, no runoff: whom it concerns is a result);
// - a juror: per open runoff cast / entitled and whether they themselves may vote and have voted.
//   No ballot counts: /jury shows a juror their own ballots only.
// Never a score, a runoff choice, a per-candidate count of a runoff, or who voted.
import type { Phase, Role } from '@/db/schema';
import type { LiveFacts } from './facts';
import { resultsFinal } from '@/lib/round/visibility';

export interface LiveRunoff {
  id: number;
  nomination: string;
  open: boolean;
  cast: number;
  entitled: number;
  /** For a juror or the chair: whether they are entitled to vote in it, and whether they have. */
  mayVote?: boolean;
  voted?: boolean;
}

export interface LiveView {
  phase: Phase;
  /** Nomination code -> ballots (counted for the chair, submitted for an organiser); absent for jurors. */
  ballots?: Record<string, number>;
  /** The chair's count of ballots still missing in the voting round. */
  missing?: number;
  /** Open runoffs first, then (chair and organisers) the last closed one. */
  runoffs: LiveRunoff[];
}

export interface LiveReader {
  id: number;
  /** Its role in the served jury; null for an account that sits on none (it sees what the public sees). */
  role: Role | null;
}

export function liveView(facts: LiveFacts, reader: LiveReader): LiveView {
  // An account on no jury served here: the phase, which every page shows, and nothing of the counts.
  if (reader.role === null) return { phase: facts.phase, runoffs: [] };
  const juror = reader.role === 'juror' || reader.role === 'chair';
  const runoffs = facts.runoffs
    .filter((r) => r.open || reader.role !== 'juror')
    .map((r): LiveRunoff => ({
      id: r.id,
      nomination: r.code,
      open: r.open,
      cast: r.voters.length,
      entitled: r.entitled.length,
      ...(juror ? { mayVote: r.entitled.includes(reader.id), voted: r.voters.includes(reader.id) } : {}),
    }));
  if (reader.role === 'chair') {
    const ballots = Object.fromEntries(facts.nominations.filter((n) => n.round === facts.votingRound).map((n) => [n.code, n.counted]));
    return { phase: facts.phase, ballots, missing: facts.missing, runoffs };
  }
  if (reader.role === 'organiser') {
    // No runoff before the awards are final: who may vote in one (recusals, the nationality rule)
    // and how many did point at the tied films' countries (issue 20, lib/round/visibility.ts resultsFinal).
    return { phase: facts.phase, ballots: Object.fromEntries(facts.nominations.map((n) => [n.code, n.submitted])), runoffs: resultsFinal(facts.phase) ? runoffs : [] };
  }
  return { phase: facts.phase, runoffs };
}
