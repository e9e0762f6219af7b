// The tally's public data shapes: what the app hands in, what it gets back.
// Everything here is plain JSON so a result can be stored, exported and compared as is.

export const METHODS = ['mean', 'trimmed_mean', 'median', 'normalized_mean', 'schulze'] as const;
export type Method = (typeof METHODS)[number];

export interface Scale {
  min: number;
  max: number;
  step: number;
}

export interface ExAequoRule {
  allowed: boolean;
  maxWinners: number;
}

export interface Rules {
  oneAwardPerFilm: boolean;
  exemptNominations: string[];
  exAequo: Record<string, ExAequoRule>;
  recusalByNationality: boolean;
}

export interface Film {
  id: string;
  country: string;
  competition: boolean;
}

export interface Juror {
  id: string;
  country: string | null;
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
