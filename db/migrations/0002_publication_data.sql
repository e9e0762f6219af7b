-- Festivals finalised before anonymous ballot ids were stored: give each submitted ballot a random
-- id (SQLite's randomblob draws from its own CSPRNG, seeded by the operating system). Their recorded
-- final hash was computed over the old, guessable ids and will no longer verify: audit:verify says so.
INSERT INTO `anon_ballot` (`juror_id`, `nomination_id`, `anon_id`)
SELECT `juror_id`, `nomination_id`, 'B-' || lower(hex(randomblob(12))) FROM `ballot`
WHERE `submitted_at` IS NOT NULL
  AND EXISTS (SELECT 1 FROM `festival` WHERE `phase` IN ('finalised', 'published'));
