-- The billing audit finds webhook outcomes (WebhookProcessed, WebhookProcessingFailed) by payload
-- type: their aggregate ids (stripe:evt_…) do not name the user. The dead-letter table the
-- projections' queues use was created with the event store (V1).
CREATE INDEX ix_domain_event_entry_payload_type ON domain_event_entry (payload_type);
