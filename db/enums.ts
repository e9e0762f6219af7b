// The closed lists the schema stores, defined here once so that the ground floor imports nothing of
// the app: the tally's methods (lib/tally/types.ts re-exports them), the publication levels of a
// festival's results (README, "What each role can learn") and the interface languages (i18n/config.ts
// re-exports them). Plain constants with no imports, so client components and the pure tally can
// load them without the database.
export const METHODS = ['mean', 'trimmed_mean', 'median', 'normalized_mean', 'schulze'] as const;
export type Method = (typeof METHODS)[number];

export const PUBLICATION_LEVELS = ['awards', 'distributions', 'anonymised_ballots'] as const;
export type PublicationLevel = (typeof PUBLICATION_LEVELS)[number];

/** English, Chinese, Russian and Kazakh (Cyrillic). */
export const LOCALES = ['en', 'zh', 'ru', 'kk'] as const;
export type Locale = (typeof LOCALES)[number];
