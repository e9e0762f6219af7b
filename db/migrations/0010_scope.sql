ALTER TABLE `account_proposal` ADD `jury_id` integer REFERENCES jury(id);--> statement-breakpoint
ALTER TABLE `account_request` ADD `jury_id` integer REFERENCES jury(id);