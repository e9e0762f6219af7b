// What deactivating a juror means for their ballots: one rule, used by the tally input, the
// results, the protocol and the jury list alike (README "Deactivated jurors").
//
// A ballot a juror submitted keeps counting after they are deactivated, as it stands: deactivation
// ends the juror's access, it never withdraws or changes a vote already cast. Otherwise deactivating
// (and reactivating) a juror between two readings of a closed round's tally would make the tally move
// by exactly that juror's ballot, a way to read one juror's scores. A deactivated juror's unsubmitted
// ballots do not count (nothing unsubmitted ever counts) and are not missing: only active jurors are
// expected to vote (missing ballots, progress, the quorum). A deactivated juror whose ballots count
// stays on the jury list and in the protocol, marked as having left; one without a counted ballot
// does not appear.

export type Standing = 'active' | 'left_counted' | 'left';

/** `counted`: at least one of the juror's ballots is tally input. */
export function standingOf(juror: { active: boolean }, counted: boolean): Standing {
  return juror.active ? 'active' : counted ? 'left_counted' : 'left';
}

/** On the jury (the tally's jurors, the published jury list, the protocol). */
export const onJury = (s: Standing) => s !== 'left';

/** Expected to submit ballots (missing ballots, progress, the quorum). */
export const expectedToVote = (s: Standing) => s === 'active';
