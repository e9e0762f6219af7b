ALTER TABLE `audit` ADD `keyed` integer DEFAULT true NOT NULL;--> statement-breakpoint
ALTER TABLE `festival` ADD `finalised_head` text;--> statement-breakpoint
ALTER TABLE `festival` ADD `published_head` text;--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_score` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`juror_id` integer NOT NULL,
	`candidate_id` integer NOT NULL,
	`value` real,
	`steps` integer,
	`note` text DEFAULT '' NOT NULL,
	`updated_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`juror_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`candidate_id`) REFERENCES `candidate`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "score_note_length" CHECK(length("__new_score"."note") <= 4000),
	CONSTRAINT "score_steps" CHECK("__new_score"."steps" is null or (typeof("__new_score"."steps") = 'integer' and "__new_score"."steps" >= 0))
);
--> statement-breakpoint
INSERT INTO `__new_score`("id", "juror_id", "candidate_id", "value", "steps", "note", "updated_at") SELECT "id", "juror_id", "candidate_id", "value", NULL, "note", "updated_at" FROM `score`;--> statement-breakpoint
DROP TABLE `score`;--> statement-breakpoint
ALTER TABLE `__new_score` RENAME TO `score`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `score_unique` ON `score` (`juror_id`,`candidate_id`);--> statement-breakpoint
CREATE INDEX `score_candidate` ON `score` (`candidate_id`);