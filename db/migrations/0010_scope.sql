ALTER TABLE `account_proposal` ADD `jury_id` integer REFERENCES jury(id);--> statement-breakpoint
ALTER TABLE `account_request` ADD `jury_id` integer REFERENCES jury(id);--> statement-breakpoint
ALTER TABLE `jury_member` ADD `active` integer DEFAULT true NOT NULL;