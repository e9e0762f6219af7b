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
CREATE INDEX `account_request_target` ON `account_request` (`target_id`);