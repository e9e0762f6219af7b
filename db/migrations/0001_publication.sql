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
PRAGMA foreign_keys=OFF;--> statement-breakpoint
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
	`publication_level` text DEFAULT 'distributions' NOT NULL,
	`final_hash` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "festival_phase" CHECK("__new_festival"."phase" in ('setup','voting','main_closed','special_voting','special_closed','finalised','published')),
	CONSTRAINT "festival_method" CHECK("__new_festival"."method" in ('mean','trimmed_mean','median','normalized_mean','schulze')),
	CONSTRAINT "festival_scale" CHECK("__new_festival"."scale_step" > 0 and "__new_festival"."scale_max" > "__new_festival"."scale_min"),
	CONSTRAINT "festival_publication_level" CHECK("__new_festival"."publication_level" in ('awards','distributions','anonymised_ballots')),
	CONSTRAINT "festival_publication_nationality" CHECK(not ("__new_festival"."publication_level" = 'anonymised_ballots' and "__new_festival"."recusal_by_nationality"))
);
--> statement-breakpoint
INSERT INTO `__new_festival`("id", "name", "city", "starts_on", "ends_on", "phase", "scale_min", "scale_max", "scale_step", "method", "one_award_per_film", "recusal_by_nationality", "final_hash", "updated_at") SELECT "id", "name", "city", "starts_on", "ends_on", "phase", "scale_min", "scale_max", "scale_step", "method", "one_award_per_film", "recusal_by_nationality", "final_hash", "updated_at" FROM `festival`;--> statement-breakpoint
DROP TABLE `festival`;--> statement-breakpoint
ALTER TABLE `__new_festival` RENAME TO `festival`;--> statement-breakpoint
PRAGMA foreign_keys=ON;