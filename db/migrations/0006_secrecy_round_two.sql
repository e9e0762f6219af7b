CREATE TABLE `account_proposal` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`kind` text NOT NULL,
	`target_id` integer,
	`requested_by` integer NOT NULL,
	`reason` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`decided_by` integer,
	`decision_reason` text DEFAULT '' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`decided_at` text,
	`login` text,
	`display_name` text NOT NULL,
	`latin_name` text,
	`target_login` text,
	`target_name` text,
	`target_latin_name` text,
	`password_issued_at` text,
	FOREIGN KEY (`target_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "account_proposal_kind" CHECK("account_proposal"."kind" in ('rename','add_organiser')),
	CONSTRAINT "account_proposal_state" CHECK("account_proposal"."state" in ('pending','approved','refused','cancelled')),
	CONSTRAINT "account_proposal_decided" CHECK(("account_proposal"."state" = 'pending') = ("account_proposal"."decided_at" is null))
);
--> statement-breakpoint
CREATE INDEX `account_proposal_target` ON `account_proposal` (`target_id`);--> statement-breakpoint
CREATE TABLE `sign_in` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`device` text NOT NULL,
	`device_id` text,
	`address` text NOT NULL,
	`via` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `sign_in_user` ON `sign_in` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `sign_in_device` ON `sign_in` (`device_id`);--> statement-breakpoint
CREATE TABLE `credential_set` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`kind` text NOT NULL,
	`by_id` integer,
	`how` text NOT NULL,
	`device` text,
	`device_id` text,
	`address` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`by_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `credential_set_user` ON `credential_set` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `history_answer` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`at` text NOT NULL,
	`verdict` text NOT NULL,
	`sign_in_up_to` integer NOT NULL,
	`credential_up_to` integer NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `history_answer_user` ON `history_answer` (`user_id`,`id`);--> statement-breakpoint
CREATE TABLE `one_time_password` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`password_hash` text NOT NULL,
	`retired_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `one_time_password_user` ON `one_time_password` (`user_id`);--> statement-breakpoint
CREATE TABLE `slip` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`user_id` integer NOT NULL,
	`hash` text NOT NULL,
	`issued_by` integer,
	`issued_at` text NOT NULL,
	`void_at` text,
	`used_at` text,
	`used_device` text,
	`used_address` text,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`issued_by`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `slip_user` ON `slip` (`user_id`,`id`);--> statement-breakpoint
ALTER TABLE `account_request` ADD `target_login` text;--> statement-breakpoint
ALTER TABLE `account_request` ADD `target_name` text;--> statement-breakpoint
ALTER TABLE `account_request` ADD `target_latin_name` text;--> statement-breakpoint
ALTER TABLE `decision` ADD `counted_scores` text;--> statement-breakpoint
ALTER TABLE `login_failure` ADD `cleared` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `user` ADD `failed_signins` text;--> statement-breakpoint
ALTER TABLE `user` ADD `baseline_entry` integer;