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
