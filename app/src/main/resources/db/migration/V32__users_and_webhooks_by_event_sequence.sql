-- Read models "users" and "webhooks": a row remembers the sequence number of the last event of its
-- aggregate (the user's account, the delivery) it took in, so an event delivered again (a retried
-- batch) changes nothing. Before, a redelivered password change raised credentials_version a second
-- time (and refused the tokens just issued), and a redelivered failure, retry and success counted
-- one attempt more. Sequence numbers, not stream positions: a gap-filling event has another
-- position live than on replay.
--
-- Rows already there start at -1 and take in the next event of their aggregate whatever its number;
-- from then on they count once. No rebuild: emptying users would sign everyone out until it caught up.
ALTER TABLE users ADD COLUMN last_account_sequence BIGINT NOT NULL DEFAULT -1;
ALTER TABLE webhook_delivery ADD COLUMN last_event_sequence BIGINT NOT NULL DEFAULT -1;
