-- Issue 23: editions and juries. The one festival row becomes edition 1 and its jury 1 ("main"); every film,
-- nomination and decision is that jury's. Films, nominations and decisions are rebuilt with their jury (SQLite
-- cannot add a required column that references a table): db/index.ts runs the migrations with foreign keys
-- off, as SQLite's own procedure for rebuilding a table asks, and checks every key afterwards.
CREATE TABLE `edition` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`city` text NOT NULL,
	`name_zh` text,
	`name_ru` text,
	`name_kk` text,
	`city_zh` text,
	`city_ru` text,
	`city_kk` text,
	`starts_on` text,
	`ends_on` text,
	`time_zone` text,
	`demo` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `jury` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`edition_id` integer NOT NULL,
	`slug` text NOT NULL,
	`competition_name` text,
	`competition_name_zh` text,
	`competition_name_ru` text,
	`competition_name_kk` text,
	`phase` text DEFAULT 'setup' NOT NULL,
	`scale_min` real DEFAULT 1 NOT NULL,
	`scale_max` real DEFAULT 10 NOT NULL,
	`scale_step` real DEFAULT 1 NOT NULL,
	`method` text DEFAULT 'mean' NOT NULL,
	`one_award_per_film` integer DEFAULT true NOT NULL,
	`recusal_by_nationality` integer DEFAULT false NOT NULL,
	`quorum` integer,
	`publication_level` text DEFAULT 'distributions' NOT NULL,
	`final_hash` text,
	`finalised_head` text,
	`published_head` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`edition_id`) REFERENCES `edition`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "jury_slug_form" CHECK("jury"."slug" glob '[a-z0-9]*' and "jury"."slug" not glob '*[^a-z0-9-]*' and length("jury"."slug") between 1 and 40),
	CONSTRAINT "jury_phase" CHECK("jury"."phase" in ('setup','voting','main_closed','special_voting','special_closed','finalised','published')),
	CONSTRAINT "jury_method" CHECK("jury"."method" in ('mean','trimmed_mean','median','normalized_mean','schulze')),
	CONSTRAINT "jury_scale" CHECK("jury"."scale_step" > 0 and "jury"."scale_max" > "jury"."scale_min"),
	CONSTRAINT "jury_quorum" CHECK("jury"."quorum" is null or "jury"."quorum" >= 3),
	CONSTRAINT "jury_publication_level" CHECK("jury"."publication_level" in ('awards','distributions','anonymised_ballots')),
	CONSTRAINT "jury_publication_nationality" CHECK(not ("jury"."publication_level" = 'anonymised_ballots' and "jury"."recusal_by_nationality"))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jury_slug` ON `jury` (`edition_id`,`slug`);--> statement-breakpoint
INSERT INTO `edition` (`id`, `name`, `city`, `name_zh`, `name_ru`, `name_kk`, `city_zh`, `city_ru`, `city_kk`, `starts_on`, `ends_on`, `time_zone`, `demo`) SELECT `id`, `name`, `city`, `name_zh`, `name_ru`, `name_kk`, `city_zh`, `city_ru`, `city_kk`, `starts_on`, `ends_on`, `time_zone`, `demo` FROM `festival`;--> statement-breakpoint
INSERT INTO `jury` (`id`, `edition_id`, `slug`, `phase`, `scale_min`, `scale_max`, `scale_step`, `method`, `one_award_per_film`, `recusal_by_nationality`, `quorum`, `publication_level`, `final_hash`, `finalised_head`, `published_head`, `updated_at`) SELECT `id`, `id`, 'main', `phase`, `scale_min`, `scale_max`, `scale_step`, `method`, `one_award_per_film`, `recusal_by_nationality`, `quorum`, `publication_level`, `final_hash`, `finalised_head`, `published_head`, `updated_at` FROM `festival`;--> statement-breakpoint
DROP TABLE `festival`;--> statement-breakpoint
CREATE TABLE `__new_film` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`jury_id` integer NOT NULL,
	`original_title` text NOT NULL,
	`english_title` text NOT NULL,
	`director` text NOT NULL,
	`country` text NOT NULL,
	`year` integer,
	`runtime_minutes` integer,
	`competition` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`placeholder` integer DEFAULT false NOT NULL,
	`title_zh` text,
	`title_ru` text,
	`title_kk` text,
	`synopsis` text,
	`synopsis_zh` text,
	`synopsis_ru` text,
	`synopsis_kk` text,
	`still_url` text,
	`screener_url` text,
	FOREIGN KEY (`jury_id`) REFERENCES `jury`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "film_country" CHECK(length("__new_film"."country") = 2),
	CONSTRAINT "film_titles" CHECK(length("__new_film"."original_title") > 0 and length("__new_film"."english_title") > 0),
	CONSTRAINT "film_runtime" CHECK("__new_film"."runtime_minutes" is null or "__new_film"."runtime_minutes" > 0)
);
--> statement-breakpoint
INSERT INTO `__new_film` (`id`, `original_title`, `english_title`, `director`, `country`, `year`, `runtime_minutes`, `competition`, `position`, `placeholder`, `title_zh`, `title_ru`, `title_kk`, `synopsis`, `synopsis_zh`, `synopsis_ru`, `synopsis_kk`, `still_url`, `screener_url`, `jury_id`) SELECT `id`, `original_title`, `english_title`, `director`, `country`, `year`, `runtime_minutes`, `competition`, `position`, `placeholder`, `title_zh`, `title_ru`, `title_kk`, `synopsis`, `synopsis_zh`, `synopsis_ru`, `synopsis_kk`, `still_url`, `screener_url`, (SELECT min(`id`) FROM `jury`) FROM `film`;--> statement-breakpoint
DROP TABLE `film`;--> statement-breakpoint
ALTER TABLE `__new_film` RENAME TO `film`;--> statement-breakpoint
CREATE INDEX `film_jury` ON `film` (`jury_id`,`position`);--> statement-breakpoint
CREATE TABLE `__new_nomination` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`jury_id` integer NOT NULL,
	`code` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`round` text NOT NULL,
	`exempt_one_award` integer DEFAULT false NOT NULL,
	`ex_aequo_allowed` integer DEFAULT false NOT NULL,
	`max_winners` integer DEFAULT 1 NOT NULL,
	`tie_break` text DEFAULT '["casting_vote","shared"]' NOT NULL,
	`runoff_abstention` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`jury_id`) REFERENCES `jury`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "nomination_kind" CHECK("__new_nomination"."kind" in ('film','performance')),
	CONSTRAINT "nomination_round" CHECK("__new_nomination"."round" in ('main','special')),
	CONSTRAINT "nomination_max_winners" CHECK("__new_nomination"."max_winners" >= 1)
);
--> statement-breakpoint
INSERT INTO `__new_nomination` (`id`, `code`, `position`, `kind`, `round`, `exempt_one_award`, `ex_aequo_allowed`, `max_winners`, `tie_break`, `runoff_abstention`, `jury_id`) SELECT `id`, `code`, `position`, `kind`, `round`, `exempt_one_award`, `ex_aequo_allowed`, `max_winners`, `tie_break`, `runoff_abstention`, (SELECT min(`id`) FROM `jury`) FROM `nomination`;--> statement-breakpoint
DROP TABLE `nomination`;--> statement-breakpoint
ALTER TABLE `__new_nomination` RENAME TO `nomination`;--> statement-breakpoint
CREATE UNIQUE INDEX `nomination_code` ON `nomination` (`jury_id`,`code`);--> statement-breakpoint
CREATE TABLE `__new_decision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`jury_id` integer NOT NULL,
	`nomination_id` integer,
	`kind` text NOT NULL,
	`round` text,
	`counted` text,
	`counted_scores` text,
	`tied` text DEFAULT '[]' NOT NULL,
	`chosen` text DEFAULT '[]' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`actor_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`jury_id`) REFERENCES `jury`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decision_kind" CHECK("__new_decision"."kind" in ('casting_vote','shared','no_award','withdraw','reopen_ballot','close_round','reopen_round','waive_special','skip_special')),
	CONSTRAINT "decision_round" CHECK("__new_decision"."round" is null or "__new_decision"."round" in ('main','special'))
);
--> statement-breakpoint
INSERT INTO `__new_decision` (`id`, `nomination_id`, `kind`, `round`, `counted`, `counted_scores`, `tied`, `chosen`, `reason`, `actor_id`, `created_at`, `jury_id`) SELECT `id`, `nomination_id`, `kind`, `round`, `counted`, `counted_scores`, `tied`, `chosen`, `reason`, `actor_id`, `created_at`, (SELECT min(`id`) FROM `jury`) FROM `decision`;--> statement-breakpoint
DROP TABLE `decision`;--> statement-breakpoint
ALTER TABLE `__new_decision` RENAME TO `decision`;--> statement-breakpoint
CREATE INDEX `decision_jury` ON `decision` (`jury_id`,`id`);