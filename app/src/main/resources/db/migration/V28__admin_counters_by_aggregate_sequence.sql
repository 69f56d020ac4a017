-- Read model "admin-metrics": a counter row remembers the sequence number of the last event it took
-- in from each of its user's aggregates (the usage account; the subscription, for failed payments)
-- instead of a row per counted event in admin_counted_event. Sequence numbers are stored with the
-- events, so a redelivered event is known again and a replay rebuilds the same rows.
ALTER TABLE admin_user_day ADD COLUMN last_usage_sequence BIGINT NOT NULL DEFAULT -1;
ALTER TABLE admin_user_day ADD COLUMN last_subscription_sequence BIGINT NOT NULL DEFAULT -1;
ALTER TABLE admin_user_cost ADD COLUMN last_usage_sequence BIGINT NOT NULL DEFAULT -1;
DROP TABLE admin_counted_event;

-- The rows stored so far know none of those numbers: the admin-metrics read model is emptied and its
-- processor's token removed, so it rebuilds from the first event at the next start.
DELETE FROM admin_user_day;
DELETE FROM admin_user_cost;
DELETE FROM admin_revenue;
DELETE FROM admin_subscription;
DELETE FROM admin_subscription_day;
DELETE FROM token_entry WHERE processor_name = 'admin-metrics';
