// The whole data model of DESIGN.md. SQLite through drizzle; constraints keep the data honest
// even if a bug slips past the server actions (unique score per juror and candidate, FKs, checks).
import { sql } from 'drizzle-orm';
import { check, index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
// Relative imports: drizzle-kit loads this file without the app's path aliases. The tally owns its
// methods and the interface its languages; the schema stores what they define.
import { METHODS } from '../lib/tally/types';
import { locales } from '../i18n/config';

export const PHASES = ['setup', 'voting', 'main_closed', 'special_voting', 'special_closed', 'finalised', 'published'] as const;
export type Phase = (typeof PHASES)[number];
export { METHODS };
export type { Method } from '../lib/tally/types';
export const ROLES = ['juror', 'chair', 'organiser'] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = locales;
export type Locale = (typeof LOCALES)[number];

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`;

// One festival per database: the app serves one jury at a time.
export const festival = sqliteTable(
  'festival',
  {
    id: integer('id').primaryKey(),
    name: text('name').notNull(),
    city: text('city').notNull(),
    startsOn: text('starts_on'),
    endsOn: text('ends_on'),
    phase: text('phase', { enum: PHASES }).notNull().default('setup'),
    scaleMin: real('scale_min').notNull().default(1),
    scaleMax: real('scale_max').notNull().default(10),
    scaleStep: real('scale_step').notNull().default(1),
    method: text('method', { enum: METHODS }).notNull().default('mean'),
    oneAwardPerFilm: integer('one_award_per_film', { mode: 'boolean' }).notNull().default(true),
    recusalByNationality: integer('recusal_by_nationality', { mode: 'boolean' }).notNull().default(false),
    finalHash: text('final_hash'),
    // Set only by the demo seed: every page shows a banner, the protocol says "demo", and the
    // readiness check lets its placeholders through so that the demo can be voted on.
    demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
    // The name and city above are the English ones (the fallback); these are the other languages.
    nameZh: text('name_zh'),
    nameRu: text('name_ru'),
    nameKk: text('name_kk'),
    cityZh: text('city_zh'),
    cityRu: text('city_ru'),
    cityKk: text('city_kk'),
    timeZone: text('time_zone'), // IANA, e.g. Asia/Shanghai
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    check('festival_phase', sql`${t.phase} in ('setup','voting','main_closed','special_voting','special_closed','finalised','published')`),
    check('festival_method', sql`${t.method} in ('mean','trimmed_mean','median','normalized_mean','schulze')`),
    check('festival_scale', sql`${t.scaleStep} > 0 and ${t.scaleMax} > ${t.scaleMin}`),
  ],
);

export const film = sqliteTable(
  'film',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
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
  },
  (t) => [
    check('film_country', sql`length(${t.country}) = 2`),
    check('film_titles', sql`length(${t.originalTitle}) > 0 and length(${t.englishTitle}) > 0`),
    check('film_runtime', sql`${t.runtimeMinutes} is null or ${t.runtimeMinutes} > 0`),
  ],
);

export const nomination = sqliteTable(
  'nomination',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    code: text('code').notNull().unique(),
    position: integer('position').notNull(), // display order = award priority
    kind: text('kind', { enum: ['film', 'performance'] }).notNull(),
    round: text('round', { enum: ['main', 'special'] }).notNull(),
    exemptOneAward: integer('exempt_one_award', { mode: 'boolean' }).notNull().default(false),
    exAequoAllowed: integer('ex_aequo_allowed', { mode: 'boolean' }).notNull().default(false),
    maxWinners: integer('max_winners').notNull().default(1),
  },
  (t) => [
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
  },
  (t) => [
    check('user_role', sql`${t.role} in ('juror','chair','organiser')`),
    check('user_locale', sql`${t.locale} is null or ${t.locale} in ('en','zh','ru','kk')`),
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
    value: real('value'), // null while the juror has only written a note
    note: text('note').notNull().default(''),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    uniqueIndex('score_unique').on(t.jurorId, t.candidateId),
    index('score_candidate').on(t.candidateId),
    check('score_note_length', sql`length(${t.note}) <= 4000`),
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
  (t) => [uniqueIndex('ballot_unique').on(t.jurorId, t.nominationId)],
);

export const decision = sqliteTable(
  'decision',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    nominationId: integer('nomination_id').references(() => nomination.id, { onDelete: 'cascade' }),
    kind: text('kind', {
      enum: ['casting_vote', 'shared', 'reopen_ballot', 'close_round', 'reopen_round'],
    }).notNull(),
    tied: text('tied').notNull().default('[]'), // JSON array of candidate ids
    chosen: text('chosen').notNull().default('[]'), // JSON array of candidate ids
    reason: text('reason').notNull().default(''),
    actorId: integer('actor_id').references(() => user.id),
    createdAt: text('created_at').notNull().default(now),
  },
  (t) => [check('decision_kind', sql`${t.kind} in ('casting_vote','shared','reopen_ballot','close_round','reopen_round')`)],
);

export const award = sqliteTable('award', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  nominationId: integer('nomination_id').notNull().references(() => nomination.id),
  candidateId: integer('candidate_id').notNull().references(() => candidate.id),
  aggregate: text('aggregate').notNull(),
  margin: text('margin'),
  shared: integer('shared', { mode: 'boolean' }).notNull().default(false),
});

// Append-only and hash-chained: each hash covers the previous entry's hash and this entry's
// canonical content, so an edited or deleted row breaks the chain (npm run audit:verify).
export const audit = sqliteTable('audit', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  at: text('at').notNull(),
  actorId: integer('actor_id'),
  action: text('action').notNull(),
  payload: text('payload').notNull(),
  prevHash: text('prev_hash').notNull(),
  hash: text('hash').notNull().unique(),
});

export type Festival = typeof festival.$inferSelect;
export type Film = typeof film.$inferSelect;
export type Nomination = typeof nomination.$inferSelect;
export type Candidate = typeof candidate.$inferSelect;
export type User = typeof user.$inferSelect;
export type Recusal = typeof recusal.$inferSelect;
export type Score = typeof score.$inferSelect;
export type Ballot = typeof ballot.$inferSelect;
export type Decision = typeof decision.$inferSelect;
export type Award = typeof award.$inferSelect;
export type AuditEntry = typeof audit.$inferSelect;
