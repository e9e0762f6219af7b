-- Issue 23: the edition's part of its results' addresses (/results/<edition>/<jury>). Every existing edition
-- gets the year it starts, or "edition-<id>" where its start date is unknown or an earlier edition has that
-- year. Added as a column (nullable: SQLite adds no required column without rebuilding the table), with the
-- jury slug's form rule and a unique index.
ALTER TABLE `edition` ADD `slug` text CONSTRAINT "edition_slug_form" CHECK("slug" is null or ("slug" glob '[a-z0-9]*' and "slug" not glob '*[^a-z0-9-]*' and length("slug") between 1 and 40));--> statement-breakpoint
UPDATE `edition` SET `slug` = CASE
	WHEN `starts_on` glob '[0-9][0-9][0-9][0-9]-*' AND NOT EXISTS (SELECT 1 FROM `edition` AS `e` WHERE `e`.`id` < `edition`.`id` AND substr(`e`.`starts_on`, 1, 4) = substr(`edition`.`starts_on`, 1, 4))
	THEN substr(`starts_on`, 1, 4)
	ELSE 'edition-' || `id`
END;--> statement-breakpoint
CREATE UNIQUE INDEX `edition_slug` ON `edition` (`slug`);
