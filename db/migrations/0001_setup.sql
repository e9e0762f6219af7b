CREATE TABLE `setup_token` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	`used_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `setup_token_token_hash_unique` ON `setup_token` (`token_hash`);--> statement-breakpoint
ALTER TABLE `festival` ADD `demo` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `festival` ADD `name_zh` text;--> statement-breakpoint
ALTER TABLE `festival` ADD `name_ru` text;--> statement-breakpoint
ALTER TABLE `festival` ADD `name_kk` text;--> statement-breakpoint
ALTER TABLE `festival` ADD `city_zh` text;--> statement-breakpoint
ALTER TABLE `festival` ADD `city_ru` text;--> statement-breakpoint
ALTER TABLE `festival` ADD `city_kk` text;--> statement-breakpoint
ALTER TABLE `festival` ADD `time_zone` text;--> statement-breakpoint
ALTER TABLE `film` ADD `title_zh` text;--> statement-breakpoint
ALTER TABLE `film` ADD `title_ru` text;--> statement-breakpoint
ALTER TABLE `film` ADD `title_kk` text;--> statement-breakpoint
ALTER TABLE `user` ADD `latin_name` text;