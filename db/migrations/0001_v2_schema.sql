CREATE TABLE `account_request` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`target_id` integer NOT NULL,
	`requested_by` integer NOT NULL,
	`reason` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decision_reason` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`decided_at` text,
	`password_issued_at` text,
	`seen_at` text,
	FOREIGN KEY (`target_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_request_kind" CHECK("account_request"."kind" in ('reset_password','deactivate','reactivate','make_chair')),
	CONSTRAINT "account_request_state" CHECK("account_request"."state" in ('pending','approved','refused','cancelled')),
	CONSTRAINT "account_request_decided" CHECK(("account_request"."state" = 'pending') = ("account_request"."decided_at" is null))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_request_pending` ON `account_request` (`target_id`,`kind`) WHERE "account_request"."state" = 'pending';--> statement-breakpoint
CREATE INDEX `account_request_target` ON `account_request` (`target_id`);--> statement-breakpoint
CREATE TABLE `anon_ballot` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`juror_id` integer NOT NULL,
	`nomination_id` integer NOT NULL,
	`anon_id` text NOT NULL,
	FOREIGN KEY (`juror_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `anon_ballot_anon_id_unique` ON `anon_ballot` (`anon_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `anon_ballot_unique` ON `anon_ballot` (`juror_id`,`nomination_id`);--> statement-breakpoint
CREATE TABLE `ballot_score` (
	`ballot_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`steps` integer NOT NULL,
	FOREIGN KEY (`ballot_id`) REFERENCES `ballot`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidate`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "ballot_score_steps" CHECK("ballot_score"."steps" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ballot_score_unique` ON `ballot_score` (`ballot_id`,`candidate_id`);--> statement-breakpoint
CREATE TABLE `setup_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `setup_token_token_hash_unique` ON `setup_token` (`token_hash`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_decision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nomination_id` integer,
	`kind` text NOT NULL,
	`round` text,
	`counted` text,
	`tied` text DEFAULT '[]' NOT NULL,
	`chosen` text DEFAULT '[]' NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	`actor_id` integer,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "decision_kind" CHECK("__new_decision"."kind" in ('casting_vote','shared','no_award','withdraw','reopen_ballot','close_round','reopen_round','waive_special','skip_special')),
	CONSTRAINT "decision_round" CHECK("__new_decision"."round" is null or "__new_decision"."round" in ('main','special'))
);
--> statement-breakpoint
INSERT INTO `__new_decision`("id", "nomination_id", "kind", "round", "counted", "tied", "chosen", "reason", "actor_id", "created_at") SELECT "id", "nomination_id", "kind", NULL, NULL, "tied", "chosen", "reason", "actor_id", "created_at" FROM `decision`;--> statement-breakpoint
DROP TABLE `decision`;--> statement-breakpoint
ALTER TABLE `__new_decision` RENAME TO `decision`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
ALTER TABLE `audit` ADD `keyed` integer DEFAULT true NOT NULL;--> statement-breakpoint
CREATE TABLE `__new_festival` (
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
	`quorum` integer,
	`publication_level` text DEFAULT 'distributions' NOT NULL,
	`final_hash` text,
	`finalised_head` text,
	`published_head` text,
	`demo` integer DEFAULT false NOT NULL,
	`name_zh` text,
	`name_ru` text,
	`name_kk` text,
	`city_zh` text,
	`city_ru` text,
	`city_kk` text,
	`time_zone` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "festival_phase" CHECK("__new_festival"."phase" in ('setup','voting','main_closed','special_voting','special_closed','finalised','published')),
	CONSTRAINT "festival_method" CHECK("__new_festival"."method" in ('mean','trimmed_mean','median','normalized_mean','schulze')),
	CONSTRAINT "festival_scale" CHECK("__new_festival"."scale_step" > 0 and "__new_festival"."scale_max" > "__new_festival"."scale_min"),
	CONSTRAINT "festival_quorum" CHECK("__new_festival"."quorum" is null or "__new_festival"."quorum" >= 3),
	CONSTRAINT "festival_publication_level" CHECK("__new_festival"."publication_level" in ('awards','distributions','anonymised_ballots')),
	CONSTRAINT "festival_publication_nationality" CHECK(not ("__new_festival"."publication_level" = 'anonymised_ballots' and "__new_festival"."recusal_by_nationality"))
);
--> statement-breakpoint
INSERT INTO `__new_festival`("id", "name", "city", "starts_on", "ends_on", "phase", "scale_min", "scale_max", "scale_step", "method", "one_award_per_film", "recusal_by_nationality", "quorum", "publication_level", "final_hash", "finalised_head", "published_head", "demo", "name_zh", "name_ru", "name_kk", "city_zh", "city_ru", "city_kk", "time_zone", "updated_at") SELECT "id", "name", "city", "starts_on", "ends_on", "phase", "scale_min", "scale_max", "scale_step", "method", "one_award_per_film", "recusal_by_nationality", NULL, 'distributions', "final_hash", NULL, NULL, 0, NULL, NULL, NULL, NULL, NULL, NULL, NULL, "updated_at" FROM `festival`;--> statement-breakpoint
DROP TABLE `festival`;--> statement-breakpoint
ALTER TABLE `__new_festival` RENAME TO `festival`;--> statement-breakpoint
ALTER TABLE `film` ADD `title_zh` text;--> statement-breakpoint
ALTER TABLE `film` ADD `title_ru` text;--> statement-breakpoint
ALTER TABLE `film` ADD `title_kk` text;--> statement-breakpoint
CREATE TABLE `__new_score` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`juror_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`steps` integer,
	`value` real,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`juror_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidate`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "score_note_length" CHECK(length("__new_score"."note") <= 4000),
	CONSTRAINT "score_steps" CHECK("__new_score"."steps" is null or (typeof("__new_score"."steps") = 'integer' and "__new_score"."steps" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_score`("id", "juror_id", "candidate_id", "steps", "value", "note", "updated_at") SELECT "id", "juror_id", "candidate_id", NULL, "value", "note", "updated_at" FROM `score`;--> statement-breakpoint
DROP TABLE `score`;--> statement-breakpoint
ALTER TABLE `__new_score` RENAME TO `score`;--> statement-breakpoint
CREATE UNIQUE INDEX `score_unique` ON `score` (`juror_id`,`candidate_id`);--> statement-breakpoint
CREATE INDEX `score_candidate` ON `score` (`candidate_id`);--> statement-breakpoint
ALTER TABLE `user` ADD `latin_name` text;