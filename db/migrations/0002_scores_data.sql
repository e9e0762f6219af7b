-- Scores become whole steps above the scale's minimum (score.steps; score.value is dropped in 0003).
-- A stored value converts to the step it lies on. The old save accepted values within 1e-9 of a
-- step (such as 5.000000000001): those go to that step, as the juror meant them. A value further
-- off a step or outside the scale was never accepted by the app (an edited database file): it is not
-- turned into a score; steps stays null (the juror is asked for it again, and a submitted ballot
-- holding it no longer matches its receipt, which npm run audit:verify reports). The value itself
-- is still in the audit log's save entry.
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
