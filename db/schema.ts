// The whole data model (docs/ARCHITECTURE.md, "The database"). SQLite through drizzle; constraints keep the data honest
// even if a bug slips past the server actions (unique score per juror and candidate, FKs, checks).
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
// Relative imports: drizzle-kit loads this file without the app's path aliases. The lists the schema
// stores are defined in ./enums, which the tally and i18n re-export: db/ imports nothing of the app.
import { LOCALES, METHODS, PUBLICATION_LEVELS } from './enums';

export const PHASES = ['setup', 'voting', 'main_closed', 'special_voting', 'special_closed', 'finalised', 'published'] as const;
export type Phase = (typeof PHASES)[number];
export { METHODS, type Method } from './enums';
export const ROLES = ['juror', 'chair', 'organiser'] as const;
export const BALLOT_VIEWS = ['cards', 'compact'] as const;
export type BallotView = (typeof BALLOT_VIEWS)[number];
export type Role = (typeof ROLES)[number];
export { LOCALES, PUBLICATION_LEVELS, type Locale, type PublicationLevel } from './enums';

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

// A festival's edition (one a year): its name, place, dates and time zone. Every edition stays in the
// database, read-only once its juries have finished, with its results, receipts and protocol.
export const edition = sqliteTable('edition', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  // English (the fallback), then the other languages where given.
  name: text('name').notNull(),
  city: text('city').notNull(),
  nameZh: text('name_zh'),
  nameRu: text('name_ru'),
  nameKk: text('name_kk'),
  cityZh: text('city_zh'),
  cityRu: text('city_ru'),
  cityKk: text('city_kk'),
  startsOn: text('starts_on'),
  endsOn: text('ends_on'),
  timeZone: text('time_zone'), // IANA, e.g. Asia/Shanghai
  // Set only by the demo seed: every page shows a banner, the protocol says "demo", and the
  // readiness check lets its placeholders through so that the demo can be voted on.
  demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
  createdAt: text('created_at').notNull().default(now),
  // The edition's part of its results' addresses (/results/<edition>/<jury>), e.g. "2026": the year it
  // starts, or "edition-<id>" where that year is taken or unknown (lib/festival/edition-slug.ts). Nullable
  // only because SQLite adds no required column without a table rebuild; every edition gets one.
  slug: text('slug'),
}, (t) => [
  uniqueIndex('edition_slug').on(t.slug),
  check('edition_slug_form', sql`${t.slug} is null or (${t.slug} glob '[a-z0-9]*' and ${t.slug} not glob '*[^a-z0-9-]*' and length(${t.slug}) between 1 and 40)`),
]);

// One jury of an edition (a competition: the main competition, short films, debuts...), with its own
// films, nominations, rules, phase and results; each jury's rows carry its id. A request works in the
// jury its person chose by address, else the newest edition's first (lib/festival/phase.ts findFestival).
export const jury = sqliteTable(
  'jury',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    editionId: integer('edition_id').notNull().references(() => edition.id),
    // The jury's part of its addresses, unique within the edition (e.g. "main").
    slug: text('slug').notNull(),
    // The competition's name; null for the edition's main competition (the interface names it).
    competitionName: text('competition_name'),
    competitionNameZh: text('competition_name_zh'),
    competitionNameRu: text('competition_name_ru'),
    competitionNameKk: text('competition_name_kk'),
    phase: text('phase', { enum: PHASES }).notNull().default('setup'),
    scaleMin: real('scale_min').notNull().default(1),
    scaleMax: real('scale_max').notNull().default(10),
    scaleStep: real('scale_step').notNull().default(1),
    method: text('method', { enum: METHODS }).notNull().default('mean'),
    oneAwardPerFilm: integer('one_award_per_film', { mode: 'boolean' }).notNull().default(true),
    recusalByNationality: integer('recusal_by_nationality', { mode: 'boolean' }).notNull().default(false),
    // Least number of counted ballots every nomination of a round needs before the round may close;
    // null means all active jurors. Never below 3, so no closed tally is one or two jurors' ballots.
    quorum: integer('quorum'),
    publicationLevel: text('publication_level', { enum: PUBLICATION_LEVELS }).notNull().default('distributions'),
    finalHash: text('final_hash'),
    // The audit chain's head ("<entries>:<hash>") when the awards were finalised and when they were
    // published: printed in the protocol, so a log cut short after it is caught (audit:verify --head).
    finalisedHead: text('finalised_head'),
    publishedHead: text('published_head'),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('jury_slug').on(t.editionId, t.slug),
    check('jury_slug_form', sql`${t.slug} glob '[a-z0-9]*' and ${t.slug} not glob '*[^a-z0-9-]*' and length(${t.slug}) between 1 and 40`),
    check('jury_phase', sql`${t.phase} in ('setup','voting','main_closed','special_voting','special_closed','finalised','published')`),
    check('jury_method', sql`${t.method} in ('mean','trimmed_mean','median','normalized_mean','schulze')`),
    check('jury_scale', sql`${t.scaleStep} > 0 and ${t.scaleMax} > ${t.scaleMin}`),
    check('jury_quorum', sql`${t.quorum} is null or ${t.quorum} >= 3`),
    check('jury_publication_level', sql`${t.publicationLevel} in ('awards','distributions','anonymised_ballots')`),
    // The nationality rule leaves each juror's ballots without their country's films: published
    // ballots would name their jurors to anyone holding the public jury list (lib/admin/settings.ts).
    check('jury_publication_nationality', sql`not (${t.publicationLevel} = 'anonymised_ballots' and ${t.recusalByNationality})`),
  ],
);

export const film = sqliteTable(
  'film',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    juryId: integer('jury_id').notNull().references(() => jury.id),
    originalTitle: text('original_title').notNull(),
    englishTitle: text('english_title').notNull(),
    director: text('director').notNull(),
    country: text('country').notNull(), // ISO 3166-1 alpha-2
    year: integer('year'),
    runtimeMinutes: integer('runtime_minutes'),
    competition: integer('competition', { mode: 'boolean' }).notNull().default(true),
    position: integer('position').notNull().default(0),
    placeholder: integer('placeholder', { mode: 'boolean' }).notNull().default(false),
    // Titles for readers of these languages, where the import gives them (else the English title).
    titleZh: text('title_zh'),
    titleRu: text('title_ru'),
    titleKk: text('title_kk'),
    // The film's page for the jury (docs/import.md): a synopsis (English, plus the interface
    // languages where given), a still or poster and the screener, each optional. URLs are https
    // (lib/film/details.ts); the screener link is for the jury only, never in a public export.
    synopsis: text('synopsis'),
    synopsisZh: text('synopsis_zh'),
    synopsisRu: text('synopsis_ru'),
    synopsisKk: text('synopsis_kk'),
    stillUrl: text('still_url'),
    screenerUrl: text('screener_url'),
  },
  (t) => [
    index('film_jury').on(t.juryId, t.position),
    check('film_country', sql`length(${t.country}) = 2`),
    check('film_titles', sql`length(${t.originalTitle}) > 0 and length(${t.englishTitle}) > 0`),
    check('film_runtime', sql`${t.runtimeMinutes} is null or ${t.runtimeMinutes} > 0`),
  ],
);

// A film's screenings for the jury, imported with the film list (column `screenings`). The moment is
// stored in UTC (ISO, ending in Z) and shown in the festival's time zone.
export const screening = sqliteTable(
  'screening',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    filmId: integer('film_id').notNull().references(() => film.id, { onDelete: 'cascade' }),
    startsAt: text('starts_at').notNull(),
    venue: text('venue'),
  },
  (t) => [
    index('screening_film').on(t.filmId, t.startsAt),
    check('screening_starts_at', sql`${t.startsAt} like '____-__-__T__:__:__Z'`),
  ],
);

export const nomination = sqliteTable(
  'nomination',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    juryId: integer('jury_id').notNull().references(() => jury.id),
    code: text('code').notNull(), // unique within the jury
    position: integer('position').notNull(), // display order = award priority
    kind: text('kind', { enum: ['film', 'performance'] }).notNull(),
    round: text('round', { enum: ['main', 'special'] }).notNull(),
    exemptOneAward: integer('exempt_one_award', { mode: 'boolean' }).notNull().default(false),
    exAequoAllowed: integer('ex_aequo_allowed', { mode: 'boolean' }).notNull().default(false),
    maxWinners: integer('max_winners').notNull().default(1),
    // The tie-break chain after aggregate and head-to-head (lib/tally TieBreakStep[] as JSON), frozen
    // when voting opens; the default is the chair's casting vote or, where allowed, a shared award.
    tieBreak: text('tie_break').notNull().default('["casting_vote","shared"]'),
    runoffAbstention: integer('runoff_abstention', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('nomination_code').on(t.juryId, t.code),
    check('nomination_kind', sql`${t.kind} in ('film','performance')`),
    check('nomination_round', sql`${t.round} in ('main','special')`),
    check('nomination_max_winners', sql`${t.maxWinners} >= 1`),
  ],
);

export const candidate = sqliteTable(
  'candidate',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nominationId: integer('nomination_id').notNull().references(() => nomination.id, { onDelete: 'cascade' }),
    filmId: integer('film_id').notNull().references(() => film.id, { onDelete: 'cascade' }),
    person: text('person'), // director, screenwriter or performer; null for best film
    placeholder: integer('placeholder', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [
    uniqueIndex('candidate_unique').on(t.nominationId, t.filmId, t.person),
    index('candidate_film').on(t.filmId),
  ],
);

export const user = sqliteTable(
  'user',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    login: text('login').notNull().unique(),
    displayName: text('display_name').notNull(),
    latinName: text('latin_name'), // the name in Latin script, when the display name is in another
    country: text('country'),
    role: text('role', { enum: ROLES }).notNull(),
    passwordHash: text('password_hash'),
    mustChangePassword: integer('must_change_password', { mode: 'boolean' }).notNull().default(false),
    locale: text('locale', { enum: LOCALES }),
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
    // Bumped on logout, deactivation and password change: JWT sessions carry the version they were
    // issued with, and the guard refuses any other, so a session can be ended at once.
    sessionVersion: integer('session_version').notNull().default(1),
    placeholder: integer('placeholder', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull().default(now),
    // The juror's chosen ballot layout (lib/ballot/view.ts): remembered per juror, so it follows
    // them to another device. No check constraint: SQLite could only add one by rebuilding the
    // table; the action validates the value and the reader treats anything unknown as 'cards'.
    ballotView: text('ballot_view', { enum: BALLOT_VIEWS }).notNull().default('cards'),
    // Failed sign-ins at this login from other addresses before the last successful one (JSON:
    // lib/auth/throttle.ts FailedSignins), shown to the account's holder; null when there were none.
    failedSignins: text('failed_signins'),
    // For an account made before the audit log stated accounts (lib/auth/account-state.ts): the id of
    // the keyed `audit.baseline` entry that first stated it. Null for every account made since. The
    // column's arrival is also what tells db/index.ts to write that baseline, once.
    baselineEntry: integer('baseline_entry'),
  },
  (t) => [
    check('user_role', sql`${t.role} in ('juror','chair','organiser')`),
    check('user_locale', sql`${t.locale} is null or ${t.locale} in ('en','zh','ru','kk')`),
  ],
);

// Who sits on which jury, and in what role (issue 23): the one source of truth for a jury's jurors and
// its chair. `user.role` says only whether an account is an organiser's (organisers run every jury of every
// edition) or a jury member's ('juror'); 'chair' is no longer written there (still allowed by the old
// CHECK, which only a rebuild of `user` could change). A person has one account and may sit on several
// juries, with a role in each; at most one chair per jury.
export const MEMBER_ROLES = ['juror', 'chair'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const juryMember = sqliteTable(
  'jury_member',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    juryId: integer('jury_id').notNull().references(() => jury.id),
    userId: integer('user_id').notNull().references(() => user.id),
    role: text('role', { enum: MEMBER_ROLES }).notNull().default('juror'),
    createdAt: text('created_at').notNull().default(now),
    // False: removed from this jury by an organiser (issue 23), the account and its other seats untouched.
    // As a deactivated account in this jury only: no right here, not expected to vote, and a ballot it
    // submitted keeps counting (lib/juror/standing.ts).
    active: integer('active', { mode: 'boolean' }).notNull().default(true),
  },
  (t) => [
    uniqueIndex('jury_member_unique').on(t.juryId, t.userId),
    uniqueIndex('jury_member_chair').on(t.juryId).where(sql`${t.role} = 'chair'`),
    index('jury_member_user').on(t.userId),
    check('jury_member_role', sql`${t.role} in ('juror','chair')`),
  ],
);

// One-time sign-in tokens, stored as SHA-256 of the token: the organiser sees the token once.
export const signinToken = sqliteTable('signin_token', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  userId: integer('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
  tokenHash: text('token_hash').notNull().unique(),
  expiresAt: text('expires_at').notNull(),
  usedAt: text('used_at'),
});

// Issue 20, route 1: an account is its owner's alone, and any other hand on it shows
// (lib/account/history.ts). Every sign-in, every credential set with who set it, the sign-in slips as
// their own one-time records, and the owner's answers about that history.

// Every successful sign-in of every account: when, from which device (a short browser and system
// summary, and the SHA-256 of a random per-browser cookie) and which address.
export const accountSignIn = sqliteTable(
  'sign_in',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    device: text('device').notNull(), // e.g. "Chrome on Android"; "unknown" without a user agent
    deviceId: text('device_id'), // SHA-256 of the device cookie, null when the client sent none
    address: text('address').notNull(),
    via: text('via', { enum: ['password', 'slip'] }).notNull(),
  },
  (t) => [index('sign_in_user').on(t.userId, t.id), index('sign_in_device').on(t.deviceId)],
);

// Every time an account's credential was set, and by whom: `byId` is the account that did it (the
// owner themselves for 'chosen'), `how` says in what capacity.
export const CREDENTIAL_KINDS = ['chosen', 'slip', 'temporary', 'reset'] as const;
export type CredentialKind = (typeof CREDENTIAL_KINDS)[number];
export const credentialSet = sqliteTable(
  'credential_set',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    kind: text('kind', { enum: CREDENTIAL_KINDS }).notNull(),
    byId: integer('by_id').references(() => user.id),
    how: text('how', { enum: ['owner', 'organiser', 'approval'] }).notNull(),
    device: text('device'),
    deviceId: text('device_id'),
    address: text('address'),
  },
  (t) => [index('credential_set_user').on(t.userId, t.id)],
);

// A sign-in slip's secret (argon2id hash), its own record rather than the account's password: it
// signs in once, only to let the juror choose their own password, and is void once used.
export const slip = sqliteTable(
  'slip',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    hash: text('hash').notNull(),
    issuedBy: integer('issued_by').references(() => user.id),
    issuedAt: text('issued_at').notNull(),
    // Set when a newer slip or a password replaces it before it was used.
    voidAt: text('void_at'),
    usedAt: text('used_at'),
    usedDevice: text('used_device'),
    usedAddress: text('used_address'),
  },
  (t) => [index('slip_user').on(t.userId, t.id)],
);

// The owner's answer to the history shown at their sign-in, up to the newest sign-in and credential
// set it covered: 'mine' (this was all me) or 'not_me' (something here was not me; the chair sees it).
export const historyAnswer = sqliteTable(
  'history_answer',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    at: text('at').notNull(),
    verdict: text('verdict', { enum: ['mine', 'not_me'] }).notNull(),
    signInUpTo: integer('sign_in_up_to').notNull(),
    credentialUpTo: integer('credential_up_to').notNull(),
  },
  (t) => [index('history_answer_user').on(t.userId, t.id)],
);

// The one-time link that opens the browser set-up of an empty database (JURY_DEMO=0): stored as the
// SHA-256 of the token, printed once in the server log, used at most once.
export const setupToken = sqliteTable('setup_token', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: text('created_at').notNull().default(now),
  usedAt: text('used_at'),
});

// Failed logins, per login name and address, for the throttle. In the database so that several
// server processes and restarts share it.
export const loginFailure = sqliteTable(
  'login_failure',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    login: text('login').notNull(),
    address: text('address').notNull(),
    at: integer('at').notNull(), // epoch ms
    // Set by a later successful sign-in from the same address: the row no longer counts toward that
    // address's own limit, but still toward the account's ceiling (lib/auth/throttle.ts).
    cleared: integer('cleared', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('login_failure_key').on(t.login, t.address, t.at)],
);

export const recusal = sqliteTable(
  'recusal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jurorId: integer('juror_id').notNull().references(() => user.id),
    filmId: integer('film_id').notNull().references(() => film.id, { onDelete: 'cascade' }),
    reason: text('reason').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('recusal_unique').on(t.jurorId, t.filmId)],
);

export const score = sqliteTable(
  'score',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jurorId: integer('juror_id').notNull().references(() => user.id),
    candidateId: integer('candidate_id').notNull().references(() => candidate.id, { onDelete: 'cascade' }),
    // Whole steps above the scale's minimum (lib/ballot/scale.ts valueOfSteps gives the number on the
    // scale); null while the juror has only written a note. Never a float that may be off the step.
    steps: integer('steps'),
    note: text('note').notNull().default(''),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('score_unique').on(t.jurorId, t.candidateId),
    index('score_candidate').on(t.candidateId),
    check('score_note_length', sql`length(${t.note}) <= 4000`),
    check('score_steps', sql`${t.steps} is null or (typeof(${t.steps}) = 'integer' and ${t.steps} >= 0)`),
  ],
);

export const ballot = sqliteTable(
  'ballot',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jurorId: integer('juror_id').notNull().references(() => user.id),
    nominationId: integer('nomination_id').notNull().references(() => nomination.id, { onDelete: 'cascade' }),
    submittedAt: text('submitted_at'),
    receipt: text('receipt'),
    salt: text('salt'),
    // JSON array of {at, by, reason}: every reopening by the chair, kept for the juror and the protocol.
    reopened: text('reopened').notNull().default('[]'),
  },
  (t) => [
    uniqueIndex('ballot_unique').on(t.jurorId, t.nominationId),
    // A jury's ballots by its nominations (the tally's counted snapshots, progress): without it SQLite
    // reads every jury's snapshots in the file to find one jury's (issue 23, docs/SCALE.md).
    index('ballot_nomination').on(t.nominationId),
  ],
);

// The scores of a ballot as last submitted, in whole steps above the scale's minimum. The tally
// and the receipt read these, never the live score table: a ballot the chair reopens keeps
// counting as submitted until its juror submits again, which replaces these rows.
export const ballotScore = sqliteTable(
  'ballot_score',
  {
    ballotId: integer('ballot_id').notNull().references(() => ballot.id, { onDelete: 'cascade' }),
    candidateId: integer('candidate_id').notNull().references(() => candidate.id, { onDelete: 'cascade' }),
    steps: integer('steps').notNull(),
  },
  (t) => [
    uniqueIndex('ballot_score_unique').on(t.ballotId, t.candidateId),
    check('ballot_score_steps', sql`${t.steps} >= 0`),
  ],
);

/**
 * The chair's recorded acts. Tie decisions (casting_vote, shared) and no_award are tally input;
 * withdraw sets aside the earlier ones of its nomination (or, without one, the special round's waiver).
 */
export const DECISION_KINDS = ['casting_vote', 'shared', 'no_award', 'withdraw', 'reopen_ballot', 'close_round', 'reopen_round', 'waive_special', 'skip_special'] as const;
export type DecisionKindStored = (typeof DECISION_KINDS)[number];

export const decision = sqliteTable(
  'decision',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    juryId: integer('jury_id').notNull().references(() => jury.id),
    nominationId: integer('nomination_id').references(() => nomination.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: DECISION_KINDS }).notNull(),
    // The round a close_round, reopen_round, waive_special or skip_special row is about: a reopen sets
    // aside the decisions recorded before it for that round's nominations.
    round: text('round', { enum: ['main', 'special'] }),
    // A close_round row only: per nomination, a fingerprint of each counted ballot at that close
    // (juror id -> first 16 hex of SHA-256 of its receipt), so the desk can tell how many ballots
    // changed since the figures were last shown (lib/round/changed.ts).
    counted: text('counted'),
    // A close_round row only: per nomination, candidate and juror, a keyed fingerprint of the score
    // the tally counted at that close (HMAC with the audit key, never a value), so the desk can tell
    // whose counted scores changed content since figures were shown (lib/round/changed.ts).
    countedScores: text('counted_scores'),
    tied: text('tied').notNull().default('[]'), // JSON array of candidate ids
    chosen: text('chosen').notNull().default('[]'), // JSON array of candidate ids
    reason: text('reason').notNull().default(''),
    actorId: integer('actor_id').references(() => user.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [
    index('decision_jury').on(t.juryId, t.id),
    check('decision_kind', sql`${t.kind} in ('casting_vote','shared','no_award','withdraw','reopen_ballot','close_round','reopen_round','waive_special','skip_special')`),
    check('decision_round', sql`${t.round} is null or ${t.round} in ('main','special')`),
  ],
);

// A runoff the chair opened on a tie: the jurors vote again, secretly, among the tied candidates
// only. Closed runoffs (not set aside by a reopened round) are tally input (lib/tally Runoff).
export const runoff = sqliteTable(
  'runoff',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nominationId: integer('nomination_id').notNull().references(() => nomination.id, { onDelete: 'cascade' }),
    tied: text('tied').notNull(), // JSON array of candidate ids, exactly the tie it was opened on
    places: integer('places').notNull().default(1),
    openedBy: integer('opened_by').references(() => user.id),
    openedAt: text('opened_at').notNull().default(now),
    closedBy: integer('closed_by').references(() => user.id),
    closedAt: text('closed_at'),
    // Set when a reopened round sets the round's decisions and runoffs aside.
    setAsideAt: text('set_aside_at'),
  },
  (t) => [
    check('runoff_places', sql`${t.places} >= 1`),
    // At most one runoff open at a time per nomination.
    uniqueIndex('runoff_open').on(t.nominationId).where(sql`${t.closedAt} is null and ${t.setAsideAt} is null`),
  ],
);

// One juror's secret vote in a runoff: a tied candidate, or null for an abstention where allowed.
// Submitted once; the receipt lets the juror check afterwards that it was counted as cast.
export const runoffVote = sqliteTable(
  'runoff_vote',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    runoffId: integer('runoff_id').notNull().references(() => runoff.id, { onDelete: 'cascade' }),
    jurorId: integer('juror_id').notNull().references(() => user.id),
    choice: integer('choice').references(() => candidate.id, { onDelete: 'cascade' }),
    receipt: text('receipt').notNull(),
    salt: text('salt').notNull(),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [uniqueIndex('runoff_vote_unique').on(t.runoffId, t.jurorId), index('runoff_vote_runoff').on(t.runoffId)],
);

// The public name of one counted ballot (one juror, one nomination) in the anonymised export: random
// bytes drawn at finalisation (lib/count/anon-ids.ts), never derived from the juror, so nobody can
// recompute it. Per ballot rather than per juror: no method needs a juror's ballots linked across
// nominations, so the export does not link them.
export const anonBallot = sqliteTable(
  'anon_ballot',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    jurorId: integer('juror_id').notNull().references(() => user.id),
    nominationId: integer('nomination_id').notNull().references(() => nomination.id, { onDelete: 'cascade' }),
    anonId: text('anon_id').notNull().unique(),
  },
  (t) => [uniqueIndex('anon_ballot_unique').on(t.jurorId, t.nominationId)],
);

export const award = sqliteTable('award', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nominationId: integer('nomination_id').notNull().references(() => nomination.id),
  candidateId: integer('candidate_id').notNull().references(() => candidate.id),
  aggregate: text('aggregate').notNull(),
  margin: text('margin'),
  shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
});

// Two people for account changes during voting (README "Account changes during voting"): from the
// opening of voting until finalisation an organiser's password reset, deactivation, reactivation or
// change of chair is a request that takes effect only when the chair approves it (a second
// organiser when it concerns the chair). No password is ever stored here: an approved reset voids
// the old password, and the requester then issues the temporary one once (passwordIssuedAt).
export const ACCOUNT_REQUEST_KINDS = ['reset_password', 'deactivate', 'reactivate', 'make_chair'] as const;
export type AccountRequestKind = (typeof ACCOUNT_REQUEST_KINDS)[number];
export const ACCOUNT_REQUEST_STATES = ['pending', 'approved', 'refused', 'cancelled'] as const;
export const accountRequest = sqliteTable(
  'account_request',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ACCOUNT_REQUEST_KINDS }).notNull(),
    targetId: integer('target_id').notNull().references(() => user.id),
    requestedBy: integer('requested_by').notNull().references(() => user.id),
    reason: text('reason').notNull(),
    state: text('state', { enum: ACCOUNT_REQUEST_STATES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => user.id),
    decisionReason: text('decision_reason').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    decidedAt: text('decided_at'),
    // A reset only: when the requester was shown the temporary password (once).
    passwordIssuedAt: text('password_issued_at'),
    // When the target acknowledged the notice of this change at their sign-in.
    seenAt: text('seen_at'),
    // The target's login and names when the request was filed: the approver sees them, and an
    // approval is refused if they changed since (issue 20, route 2: relabel, then ask).
    targetLogin: text('target_login'),
    targetName: text('target_name'),
    targetLatinName: text('target_latin_name'),
    // The jury it was filed in (issue 23): only that jury's chair sees and decides it, and a change of
    // chair applies there. Null: filed before juries kept it (the jury the target sits on decides).
    juryId: integer('jury_id').references(() => jury.id),
  },
  (t) => [
    check('account_request_kind', sql`${t.kind} in ('reset_password','deactivate','reactivate','make_chair')`),
    check('account_request_state', sql`${t.state} in ('pending','approved','refused','cancelled')`),
    check('account_request_decided', sql`(${t.state} = 'pending') = (${t.decidedAt} is null)`),
    // At most one pending request of a kind per account.
    uniqueIndex('account_request_pending').on(t.targetId, t.kind).where(sql`${t.state} = 'pending'`),
    index('account_request_target').on(t.targetId),
  ],
);

// Account changes that carry new values, under the same two-person rule as account_request (which
// its kind check keeps to four kinds): a rename of a juror during voting, and a new organiser added
// during voting. Decided by the chair, or by a second organiser when it concerns the chair.
export const ACCOUNT_PROPOSAL_KINDS = ['rename', 'add_organiser'] as const;
export type AccountProposalKind = (typeof ACCOUNT_PROPOSAL_KINDS)[number];
export const accountProposal = sqliteTable(
  'account_proposal',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ACCOUNT_PROPOSAL_KINDS }).notNull(),
    // The account renamed; for a new organiser, the account created at approval.
    targetId: integer('target_id').references(() => user.id),
    requestedBy: integer('requested_by').notNull().references(() => user.id),
    reason: text('reason').notNull(),
    state: text('state', { enum: ACCOUNT_REQUEST_STATES }).notNull().default('pending'),
    decidedBy: integer('decided_by').references(() => user.id),
    decisionReason: text('decision_reason').notNull().default(''),
    createdAt: text('created_at').notNull().default(now),
    decidedAt: text('decided_at'),
    // The new values: the name (and Latin name) of a rename; login and names of a new organiser.
    login: text('login'),
    displayName: text('display_name').notNull(),
    latinName: text('latin_name'),
    // The target's login and names when filed (a rename): shown to the approver, checked at approval.
    targetLogin: text('target_login'),
    targetName: text('target_name'),
    targetLatinName: text('target_latin_name'),
    // A new organiser's temporary password was shown to the requester (once).
    passwordIssuedAt: text('password_issued_at'),
    // The jury it was filed in (issue 23), as account_request.jury_id.
    juryId: integer('jury_id').references(() => jury.id),
  },
  (t) => [
    check('account_proposal_kind', sql`${t.kind} in ('rename','add_organiser')`),
    check('account_proposal_state', sql`${t.state} in ('pending','approved','refused','cancelled')`),
    check('account_proposal_decided', sql`(${t.state} = 'pending') = (${t.decidedAt} is null)`),
    index('account_proposal_target').on(t.targetId),
  ],
);

// Hashes of the one-time passwords an account was given by someone else (a slip, a reset, the
// set-up password), kept once replaced: a one-time password can never become the permanent one.
export const oneTimePassword = sqliteTable(
  'one_time_password',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    userId: integer('user_id').notNull().references(() => user.id, { onDelete: 'cascade' }),
    passwordHash: text('password_hash').notNull(),
    retiredAt: text('retired_at').notNull().default(now),
  },
  (t) => [index('one_time_password_user').on(t.userId)],
);

// Append-only and hash-chained: each hash covers the previous entry's hash and this entry's
// canonical content, keyed, so an edited or deleted row breaks the chain and cannot be re-hashed
// without the key (npm run audit:verify).
export const audit = sqliteTable('audit', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actorId: integer('actor_id'),
  action: text('action').notNull(),
  payload: text('payload').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull().unique(),
  // HMAC-SHA256 with the key kept outside the database (lib/audit/key.ts). Entries written before
  // the key existed are 0: plain SHA-256, accepted only before the entry that sealed them.
  keyed: integer('keyed', { mode: 'boolean' }).notNull().default(true),
});

export type Edition = typeof edition.$inferSelect;
export type Jury = typeof jury.$inferSelect;
/**
 * One jury as its pages see it: the jury's rules and state with its edition's name, place, dates and time
 * zone; `slug` is the jury's, `editionSlug` the edition's (the two parts of its results' address).
 */
export type Festival = Jury & Omit<Edition, 'id' | 'createdAt' | 'slug'> & { editionSlug: string | null };
export type Film = typeof film.$inferSelect;
export type Nomination = typeof nomination.$inferSelect;
export type Candidate = typeof candidate.$inferSelect;
export type User = typeof user.$inferSelect;
export type Recusal = typeof recusal.$inferSelect;
export type Score = typeof score.$inferSelect;
export type Ballot = typeof ballot.$inferSelect;
export type BallotScore = typeof ballotScore.$inferSelect;
export type Decision = typeof decision.$inferSelect;
export type Award = typeof award.$inferSelect;
export type Runoff = typeof runoff.$inferSelect;
export type RunoffVote = typeof runoffVote.$inferSelect;
export type AuditEntry = typeof audit.$inferSelect;
export type AccountRequest = typeof accountRequest.$inferSelect;
export type AccountProposal = typeof accountProposal.$inferSelect;
export type AccountSignIn = typeof accountSignIn.$inferSelect;
export type CredentialSet = typeof credentialSet.$inferSelect;
export type Slip = typeof slip.$inferSelect;
export type JuryMember = typeof juryMember.$inferSelect;
