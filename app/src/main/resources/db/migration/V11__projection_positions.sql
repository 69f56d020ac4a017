-- Read model "usage": the position in the event stream of the last event each row took in, so that
-- an event delivered again (after a crash, a retried batch) is recognised and counted once.
ALTER TABLE daily_usage ADD COLUMN last_event_index BIGINT NOT NULL DEFAULT -1;

-- Read model "conversations": the sequence number of the last event of its conversation each row
-- took in, for the same reason.
ALTER TABLE conversations ADD COLUMN last_event_sequence BIGINT NOT NULL DEFAULT -1;
