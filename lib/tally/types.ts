// The tally's public data shapes: what the app hands in, what it gets back.
// Everything here is plain JSON so a result can be stored, exported and compared as is.

// The methods are a list the database stores, so they are defined on the ground floor (a file of
// plain constants, no I/O): the tally stays pure.
import { METHODS, type Method } from '../../db/enums';
export { METHODS, type Method };

export interface Scale {
  min: number;
  max: number;
  step: number;
}

export interface ExAequoRule {
  allowed: boolean;
  maxWinners: number;
}

/**
 * One link of a nomination's tie-break chain after aggregate and head-to-head, in the order the
 * festival's rules give: `runoff` is one secret re-vote of the jurors among the tied candidates
 * (listed once per round the rules allow), `casting_vote` the chair's deciding vote, `shared` an
 * ex aequo award (only where the nomination's ExAequoRule allows it).
 */
export const TIE_BREAK_STEPS = ['runoff', 'casting_vote', 'shared'] as const;
export type TieBreakStep = (typeof TIE_BREAK_STEPS)[number];
/** Today's behaviour, and the chain of a nomination the rules do not name: the chair casts the deciding vote or, where allowed, declares the award shared. */
export const DEFAULT_TIE_BREAK: readonly TieBreakStep[] = ['casting_vote', 'shared'];

export interface RunoffRule {
  /** The chain for this nomination; DEFAULT_TIE_BREAK when absent. */
  chain: TieBreakStep[];
  /** Whether a juror may abstain in a runoff of this nomination. */
  abstention: boolean;
}

export interface Rules {
  oneAwardPerFilm: boolean;
  exemptNominations: string[];
  exAequo: Record<string, ExAequoRule>;
  recusalByNationality: boolean;
  /** Per nomination code; a nomination not named here follows DEFAULT_TIE_BREAK without abstention. Absent in inputs written before runoffs. */
  tieBreak?: Record<string, RunoffRule>;
}

export interface Film {
  id: string;
  country: string;
  competition: boolean;
}

export interface Juror {
  id: string;
  country: string | null;
  /** The chair: never counted among the voters a runoff needs (RUNOFF_ELECTORATE), since the chair subtracts their own vote. */
  chair?: boolean;
  /** false: on the jury (a counted ballot) but deactivated since, so entitled to no runoff vote. Default true. */
  active?: boolean;
}

export interface Candidate {
  id: string;
  filmId: string;
  person: string | null;
}

export type Round = 'main' | 'special';

export interface Nomination {
  code: string;
  kind: 'film' | 'performance';
  round: Round;
  candidates: Candidate[];
}

export interface Score {
  juror: string;
  candidate: string;
  value: number;
}

export interface Recusal {
  juror: string;
  film: string;
}

/** `no_award`: the chair's word that a nomination with no eligible candidate or no counted score has no award (`tied` and `chosen` empty). */
export type DecisionKind = 'casting_vote' | 'shared' | 'no_award';

export interface Decision {
  nomination: string;
  kind: DecisionKind;
  tied: string[];
  chosen: string[];
}

/** One juror's secret choice in a runoff: a tied candidate's id, or null for an abstention. */
export interface RunoffVote {
  juror: string;
  choice: string | null;
}

/**
 * A closed runoff, tally input like a decision: the jurors' votes among exactly the candidates of
 * one tie (`tied`, for `places` awards). It applies only to the exact tie it was held on; in
 * recording order, so a second runoff among the still-tied follows the first.
 */
export interface Runoff {
  nomination: string;
  tied: string[];
  places: number;
  votes: RunoffVote[];
}

/**
 * A tie on which the chain skipped its runoff steps because fewer than RUNOFF_ELECTORATE jurors
 * other than the chair may vote on it (`entitled` of them). Exports carry these, since they name
 * no juror to count from: when `runoffsSkipped` is present, exactly the ties listed are short of
 * voters; when absent, the tally counts the entitled jurors itself.
 */
export interface SkippedRunoff {
  nomination: string;
  tied: string[];
  places: number;
  entitled: number;
}

export interface TallyInput {
  version: 1;
  scale: Scale;
  method: Method;
  rules: Rules;
  films: Film[];
  jurors: Juror[];
  /** In award order: array order is priority for the one-award rule. */
  nominations: Nomination[];
  scores: Score[];
  recusals: Recusal[];
  decisions: Decision[];
  /** Closed runoffs in the order they were held; absent in inputs written before runoffs. */
  runoffs?: Runoff[];
  /** See SkippedRunoff; absent in the app's own input (it names the jurors) and where nothing was skipped. */
  runoffsSkipped?: SkippedRunoff[];
}

export interface Reason {
  code: string;
  params: Record<string, string | number>;
}

export interface Aggregate {
  exact: string;
  display: string;
}

export interface RankedCandidate {
  candidate: string;
  filmId: string;
  person: string | null;
  rank: number;
  aggregate: Aggregate | null;
  counted: number;
  recusedExcluded: number;
  eligible: boolean;
  reasons: Reason[];
}

/** `no_award`: no candidate or no counted score, and the chair recorded that there is no award (settled, like `decided`). */
export type NominationStatus = 'decided' | 'blocked' | 'no_candidates' | 'no_scores' | 'no_award';

export interface Tie {
  candidates: string[];
  places: number;
  /** What the chain allows next for this tie (e.g. ['runoff'], or ['casting_vote','shared']); absent for inputs without tie-break rules. */
  next?: TieBreakStep[];
}

/** How one runoff went: votes per tied candidate, abstentions, and its winners or the candidates still tied. */
export interface RunoffOutcome {
  /** Position in input.runoffs. */
  index: number;
  tied: string[];
  places: number;
  counts: { candidate: string; votes: number }[];
  abstentions: number;
  /** The candidates the runoff elected, or null when it tied again (then `stillTied`). */
  winners: string[] | null;
  stillTied: string[];
}

export interface NominationResult {
  code: string;
  round: Round;
  status: NominationStatus;
  winners: string[];
  ranking: RankedCandidate[];
  tie: Tie | null;
  margin: Aggregate | null;
  reasons: Reason[];
  /** The runoffs that applied to this nomination, in order; absent or empty when none. */
  runoffs?: RunoffOutcome[];
}

export interface TallyResult {
  method: Method;
  nominations: NominationResult[];
}

export interface InputError {
  path: string;
  code: string;
  message: string;
}

export type ParseResult = { ok: true; input: TallyInput } | { ok: false; errors: InputError[] };

export interface MethodComparison {
  code: string;
  round: Round;
  winners: Record<Method, string[]>;
  status: Record<Method, NominationStatus>;
  dependsOnMethod: boolean;
}
