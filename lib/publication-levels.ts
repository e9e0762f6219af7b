// The publication levels of a festival's results (README, "What each role can learn"): what the
// public export and /results hold besides the awards. A module of its own so that the settings form
// (a client component) can list them without loading the database schema.
export const PUBLICATION_LEVELS = ['awards', 'distributions', 'anonymised_ballots'] as const;
export type PublicationLevel = (typeof PUBLICATION_LEVELS)[number];
