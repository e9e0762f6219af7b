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
	`quorum` integer,
	`final_hash` text,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	CONSTRAINT "festival_phase" CHECK("__new_festival"."phase" in ('setup','voting','main_closed','special_voting','special_closed','finalised','published')),
	CONSTRAINT "festival_method" CHECK("__new_festival"."method" in ('mean','trimmed_mean','median','normalized_mean','schulze')),
	CONSTRAINT "festival_scale" CHECK("__new_festival"."scale_step" > 0 and "__new_festival"."scale_max" > "__new_festival"."scale_min"),
	CONSTRAINT "festival_quorum" CHECK("__new_festival"."quorum" is null or "__new_festival"."quorum" >= 3)
);
--> statement-breakpoint
INSERT INTO `__new_festival`("id", "name", "city", "starts_on", "ends_on", "phase", "scale_min", "scale_max", "scale_step", "method", "one_award_per_film", "recusal_by_nationality", "quorum", "final_hash", "updated_at") SELECT "id", "name", "city", "starts_on", "ends_on", "phase", "scale_min", "scale_max", "scale_step", "method", "one_award_per_film", "recusal_by_nationality", NULL, "final_hash", "updated_at" FROM `festival`;--> statement-breakpoint
DROP TABLE `festival`;--> statement-breakpoint
ALTER TABLE `__new_festival` RENAME TO `festival`;--> statement-breakpoint
PRAGMA foreign_keys=ON;