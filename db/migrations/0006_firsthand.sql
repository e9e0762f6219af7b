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
CREATE INDEX `slip_user` ON `slip` (`user_id`,`id`);