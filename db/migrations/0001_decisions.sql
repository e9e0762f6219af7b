PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_decision` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`nomination_id` integer,
	`kind` text NOT NULL,
	`round` text,
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
INSERT INTO `__new_decision`("id", "nomination_id", "kind", "round", "tied", "chosen", "reason", "actor_id", "created_at") SELECT "id", "nomination_id", "kind", NULL, "tied", "chosen", "reason", "actor_id", "created_at" FROM `decision`;--> statement-breakpoint
DROP TABLE `decision`;--> statement-breakpoint
ALTER TABLE `__new_decision` RENAME TO `decision`;--> statement-breakpoint
PRAGMA foreign_keys=ON;