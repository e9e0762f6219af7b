CREATE TABLE `screening` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`film_id` integer NOT NULL,
	`starts_at` text NOT NULL,
	`venue` text,
	FOREIGN KEY (`film_id`) REFERENCES `film`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "screening_starts_at" CHECK("screening"."starts_at" like '____-__-__T__:__:__Z')
);
--> statement-breakpoint
CREATE INDEX `screening_film` ON `screening` (`film_id`,`starts_at`);--> statement-breakpoint
ALTER TABLE `film` ADD `synopsis` text;--> statement-breakpoint
ALTER TABLE `film` ADD `synopsis_zh` text;--> statement-breakpoint
ALTER TABLE `film` ADD `synopsis_ru` text;--> statement-breakpoint
ALTER TABLE `film` ADD `synopsis_kk` text;--> statement-breakpoint
ALTER TABLE `film` ADD `still_url` text;--> statement-breakpoint
ALTER TABLE `film` ADD `screener_url` text;--> statement-breakpoint
ALTER TABLE `user` ADD `ballot_view` text DEFAULT 'cards' NOT NULL;