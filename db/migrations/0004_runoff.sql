CREATE TABLE `runoff` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nomination_id` integer NOT NULL,
	`tied` text NOT NULL,
	`places` integer DEFAULT 1 NOT NULL,
	`opened_by` integer,
	`opened_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`closed_by` integer,
	`closed_at` text,
	`set_aside_at` text,
	FOREIGN KEY (`nomination_id`) REFERENCES `nomination`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`opened_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "runoff_places" CHECK("runoff"."places" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runoff_open` ON `runoff` (`nomination_id`) WHERE "runoff"."closed_at" is null and "runoff"."set_aside_at" is null;--> statement-breakpoint
CREATE TABLE `runoff_vote` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`runoff_id` integer NOT NULL,
	`juror_id` integer NOT NULL,
	`choice` integer,
	`receipt` text NOT NULL,
	`salt` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`runoff_id`) REFERENCES `runoff`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`juror_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`choice`) REFERENCES `candidate`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `runoff_vote_unique` ON `runoff_vote` (`runoff_id`,`juror_id`);--> statement-breakpoint
CREATE INDEX `runoff_vote_runoff` ON `runoff_vote` (`runoff_id`);--> statement-breakpoint
ALTER TABLE `nomination` ADD `tie_break` text DEFAULT '["casting_vote","shared"]' NOT NULL;--> statement-breakpoint
ALTER TABLE `nomination` ADD `runoff_abstention` integer DEFAULT false NOT NULL;