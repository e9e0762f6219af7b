-- Data of the issue 10/11/12 migrations, between the schema change (0001, score keeps `value` beside
-- the new `steps`) and the drop of score.value (0003).
--
-- Scores become whole steps above the scale's minimum (score.steps). A stored value converts to the
-- step it lies on. The old save accepted values within 1e-9 of a step (such as 5.000000000001):
-- those go to that step, as the juror meant them. A value further off a step or outside the scale
-- was never accepted by the app (an edited database file): it is not turned into a score; steps
-- stays null (the juror is asked for it again, and a submitted ballot holding it no longer matches
-- its receipt, which npm run audit:verify reports). The value itself is still in the audit log.
UPDATE `score` SET `steps` = CAST(round((`value` - (SELECT `scale_min` FROM `festival` WHERE `id` = 1)) / (SELECT `scale_step` FROM `festival` WHERE `id` = 1)) AS integer)
WHERE `value` IS NOT NULL
  AND `value` >= (SELECT `scale_min` FROM `festival` WHERE `id` = 1) - 1e-9
  AND `value` <= (SELECT `scale_max` FROM `festival` WHERE `id` = 1) + 1e-9
  AND abs((`value` - (SELECT `scale_min` FROM `festival` WHERE `id` = 1)) / (SELECT `scale_step` FROM `festival` WHERE `id` = 1)
        - round((`value` - (SELECT `scale_min` FROM `festival` WHERE `id` = 1)) / (SELECT `scale_step` FROM `festival` WHERE `id` = 1))) < 1e-9;
--> statement-breakpoint
-- Every entry already in the audit log was hashed with plain SHA-256: mark them. The first open with
-- the key seals them with a keyed entry (lib/audit.ts sealLegacyChain).
UPDATE `audit` SET `keyed` = 0;
--> statement-breakpoint
-- Ballots submitted before ballot_score existed: their snapshot is the scores they were submitted
-- with (a submitted ballot is locked, so the score table still holds them), recused films left out
-- as the submission left them out.
INSERT INTO `ballot_score` (`ballot_id`, `candidate_id`, `steps`)
SELECT b.`id`, s.`candidate_id`, s.`steps`
FROM `ballot` b
JOIN `festival` f ON f.`id` = 1
JOIN `user` u ON u.`id` = b.`juror_id`
JOIN `candidate` c ON c.`nomination_id` = b.`nomination_id`
JOIN `film` fi ON fi.`id` = c.`film_id`
JOIN `score` s ON s.`juror_id` = b.`juror_id` AND s.`candidate_id` = c.`id`
WHERE b.`submitted_at` IS NOT NULL AND b.`receipt` IS NOT NULL AND s.`steps` IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM `recusal` r WHERE r.`juror_id` = b.`juror_id` AND r.`film_id` = c.`film_id`)
  AND NOT (f.`recusal_by_nationality` = 1 AND u.`country` IS NOT NULL AND u.`country` <> '' AND u.`country` = fi.`country`);
--> statement-breakpoint
-- The round of the close_round and reopen_round rows recorded before the column existed: the n-th
-- such row is the n-th round.close / round.reopen entry of the audit log, whose payload names the round.
UPDATE `decision` SET `round` = (
  SELECT json_extract(a.payload, '$.round') FROM (
    SELECT payload, row_number() OVER (ORDER BY id) AS n FROM audit WHERE action = 'round.reopen'
  ) a
  WHERE a.n = (SELECT count(*) FROM `decision` d2 WHERE d2.kind = 'reopen_round' AND d2.id <= `decision`.id)
) WHERE kind = 'reopen_round' AND round IS NULL;
--> statement-breakpoint
UPDATE `decision` SET `round` = (
  SELECT json_extract(a.payload, '$.round') FROM (
    SELECT payload, row_number() OVER (ORDER BY id) AS n FROM audit WHERE action = 'round.close'
  ) a
  WHERE a.n = (SELECT count(*) FROM `decision` d2 WHERE d2.kind = 'close_round' AND d2.id <= `decision`.id)
) WHERE kind = 'close_round' AND round IS NULL;
--> statement-breakpoint
-- Festivals finalised before anonymous ballot ids were stored: give each submitted ballot a random
-- id (SQLite's randomblob draws from its own CSPRNG, seeded by the operating system). Their recorded
-- final hash was computed over the old, guessable ids and will no longer verify: audit:verify says so.
INSERT INTO `anon_ballot` (`juror_id`, `nomination_id`, `anon_id`)
SELECT `juror_id`, `nomination_id`, 'B-' || lower(hex(randomblob(12))) FROM `ballot`
WHERE `submitted_at` IS NOT NULL
  AND EXISTS (SELECT 1 FROM `festival` WHERE `phase` IN ('finalised', 'published'));
