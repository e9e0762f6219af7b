CREATE TABLE `audit` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` text NOT NULL,
	`actor_id` integer,
	`action` text NOT NULL,
	`payload` text NOT NULL,
	`prev_hash` text NOT NULL,
	`hash` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `audit_hash_unique` ON `audit` (`hash`);--> statement-breakpoint
CREATE TABLE `award` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nomination_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`aggregate` text NOT NULL,
	`margin` text,
	`shared` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidate`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `ballot` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`juror_id` integer NOT NULL,
	`nomination_id` integer NOT NULL,
	`submitted_at` text,
	`receipt` text,
	`salt` text,
	`reopened` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`juror_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_unique` ON `ballot` (`juror_id`,`nomination_id`);--> statement-breakpoint
CREATE TABLE `candidate` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nomination_id` integer NOT NULL,
	`film_id` integer NOT NULL,
	`person` text,
	`placeholder` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`film_id`) REFERENCES `film`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `candidate_unique` ON `candidate` (`nomination_id`,`film_id`,`person`);--> statement-breakpoint
CREATE INDEX `candidate_film` ON `candidate` (`film_id`);--> statement-breakpoint
CREATE TABLE `decision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nomination_id` integer,
	`kind` text NOT NULL,
	`tied` text DEFAULT '[]' NOT NULL,
	`chosen` text DEFAULT '[]' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`actor_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decision_kind" CHECK("decision"."kind" in ('casting_vote','shared','reopen_ballot','close_round','reopen_round'))
);
--> statement-breakpoint
CREATE TABLE `festival` (
	`id` integer PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`city` text NOT NULL,
	`starts_on` text,
	`ends_on` text,
	`phase` text DEFAULT 'setup' NOT NULL,
	`scale_min` real DEFAULT 1 NOT NULL,
	`scale_max` real DEFAULT 10 NOT NULL,
	`scale_step` real DEFAULT 1 NOT NULL,
	`method` text DEFAULT 'mean' NOT NULL,
	`one_award_per_film` integer DEFAULT true NOT NULL,
	`recusal_by_nationality` integer DEFAULT false NOT NULL,
	`final_hash` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "festival_phase" CHECK("festival"."phase" in ('setup','voting','main_closed','special_voting','special_closed','finalised','published')),
	CONSTRAINT "festival_method" CHECK("festival"."method" in ('mean','trimmed_mean','median','normalized_mean','schulze')),
	CONSTRAINT "festival_scale" CHECK("festival"."scale_step" > 0 and "festival"."scale_max" > "festival"."scale_min")
);
--> statement-breakpoint
CREATE TABLE `film` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`original_title` text NOT NULL,
	`english_title` text NOT NULL,
	`director` text NOT NULL,
	`country` text NOT NULL,
	`year` integer,
	`runtime_minutes` integer,
	`competition` integer DEFAULT true NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`placeholder` integer DEFAULT false NOT NULL,
	CONSTRAINT "film_country" CHECK(length("film"."country") = 2),
	CONSTRAINT "film_titles" CHECK(length("film"."original_title") > 0 and length("film"."english_title") > 0),
	CONSTRAINT "film_runtime" CHECK("film"."runtime_minutes" is null or "film"."runtime_minutes" > 0)
);
--> statement-breakpoint
CREATE TABLE `login_failure` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login` text NOT NULL,
	`address` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `login_failure_key` ON `login_failure` (`login`,`address`,`at`);--> statement-breakpoint
CREATE TABLE `nomination` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`code` text NOT NULL,
	`position` integer NOT NULL,
	`kind` text NOT NULL,
	`round` text NOT NULL,
	`exempt_one_award` integer DEFAULT false NOT NULL,
	`ex_aequo_allowed` integer DEFAULT false NOT NULL,
	`max_winners` integer DEFAULT 1 NOT NULL,
	CONSTRAINT "nomination_kind" CHECK("nomination"."kind" in ('film','performance')),
	CONSTRAINT "nomination_round" CHECK("nomination"."round" in ('main','special')),
	CONSTRAINT "nomination_max_winners" CHECK("nomination"."max_winners" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `nomination_code_unique` ON `nomination` (`code`);--> statement-breakpoint
CREATE TABLE `recusal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`juror_id` integer NOT NULL,
	`film_id` integer NOT NULL,
	`reason` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`juror_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`film_id`) REFERENCES `film`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `recusal_unique` ON `recusal` (`juror_id`,`film_id`);--> statement-breakpoint
CREATE TABLE `score` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`juror_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`value` real,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`juror_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidate`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "score_note_length" CHECK(length("score"."note") <= 4000)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `score_unique` ON `score` (`juror_id`,`candidate_id`);--> statement-breakpoint
CREATE INDEX `score_candidate` ON `score` (`candidate_id`);--> statement-breakpoint
CREATE TABLE `signin_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`token_hash` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `signin_token_token_hash_unique` ON `signin_token` (`token_hash`);--> statement-breakpoint
CREATE TABLE `user` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`login` text NOT NULL,
	`display_name` text NOT NULL,
	`country` text,
	`role` text NOT NULL,
	`password_hash` text,
	`must_change_password` integer DEFAULT false NOT NULL,
	`locale` text,
	`active` integer DEFAULT true NOT NULL,
	`session_version` integer DEFAULT 1 NOT NULL,
	`placeholder` integer DEFAULT false NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "user_role" CHECK("user"."role" in ('juror','chair','organiser')),
	CONSTRAINT "user_locale" CHECK("user"."locale" is null or "user"."locale" in ('en','zh','ru','kk'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_login_unique` ON `user` (`login`);