-- Ballots submitted before ballot_score existed: their snapshot is the scores they were submitted
-- with (a submitted ballot is locked, so the score table still holds them), recused films left out
-- as the submission left them out; values become whole steps above the scale's minimum.
INSERT INTO `ballot_score` (`ballot_id`, `candidate_id`, `steps`)
SELECT b.`id`, s.`candidate_id`, CAST(ROUND((s.`value` - f.`scale_min`) / f.`scale_step`) AS INTEGER)
FROM `ballot` b
JOIN `festival` f ON f.`id` = 1
JOIN `user` u ON u.`id` = b.`juror_id`
JOIN `candidate` c ON c.`nomination_id` = b.`nomination_id`
JOIN `film` fi ON fi.`id` = c.`film_id`
JOIN `score` s ON s.`juror_id` = b.`juror_id` AND s.`candidate_id` = c.`id`
WHERE b.`submitted_at` IS NOT NULL AND b.`receipt` IS NOT NULL AND s.`value` IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM `recusal` r WHERE r.`juror_id` = b.`juror_id` AND r.`film_id` = c.`film_id`)
  AND NOT (f.`recusal_by_nationality` = 1 AND u.`country` IS NOT NULL AND u.`country` = fi.`country`);
