CREATE TABLE `jury_member` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`jury_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text DEFAULT 'juror' NOT NULL,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')) NOT NULL,
	FOREIGN KEY (`jury_id`) REFERENCES `jury`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `user`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "jury_member_role" CHECK("jury_member"."role" in ('juror','chair'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jury_member_unique` ON `jury_member` (`jury_id`,`user_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `jury_member_chair` ON `jury_member` (`jury_id`) WHERE "jury_member"."role" = 'chair';--> statement-breakpoint
CREATE INDEX `jury_member_user` ON `jury_member` (`user_id`);--> statement-breakpoint
-- Every jury member's account sits on the one jury a database made before memberships holds (the
-- served one, should there be more), in the role its account had; a chair's account becomes a juror's,
-- so that who chairs lives in jury_member only. The audit entry that states this is
-- lib/festival/members-upgrade.ts's, written right after.
INSERT INTO `jury_member` (`jury_id`, `user_id`, `role`)
	SELECT (SELECT `id` FROM `jury` ORDER BY `edition_id` DESC, `id` ASC LIMIT 1), `id`, `role` FROM `user`
	WHERE `role` IN ('juror', 'chair') AND EXISTS (SELECT 1 FROM `jury`) ORDER BY `id`;
--> statement-breakpoint
UPDATE `user` SET `role` = 'juror' WHERE `role` = 'chair';
