-- Read model "usage": requests without an outcome are looked up by status and age, to close the
-- ones whose instance died mid-call.
CREATE INDEX ix_ai_request_log_open ON ai_request_log (status, started_at);
