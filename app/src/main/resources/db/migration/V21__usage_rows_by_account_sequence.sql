-- Read model "usage": a row now remembers the sequence number of the last event of its user's usage
-- account it took in, not the event's position in the stream. An event that fills a gap arrives
-- live with the stream's furthest position and on replay with its own, so position-keyed rows
-- differed between a live run and a replay; sequence numbers are stored with the events.
ALTER TABLE daily_usage RENAME COLUMN last_event_index TO last_event_sequence;

-- The numbers already stored are positions, not sequence numbers: the usage read model is emptied
-- and its processor's token removed, so it rebuilds from the first event at the next start.
DELETE FROM daily_usage;
DELETE FROM ai_request_log;
DELETE FROM usage_limits;
DELETE FROM token_entry WHERE processor_name = 'usage';
