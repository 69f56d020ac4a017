-- The MRR counts the price each subscription was sold at, as its events record it, instead of the
-- plans' prices of the day. Rows written before the events carried a price get the prices of that
-- time, as the upcaster of revision 1 events gives them, so the figures do not move until a replay.
ALTER TABLE admin_subscription ADD COLUMN price_minor BIGINT NULL;
ALTER TABLE admin_subscription ADD COLUMN currency VARCHAR(3) NULL;
ALTER TABLE admin_subscription_day ADD COLUMN price_minor BIGINT NULL;
ALTER TABLE admin_subscription_day ADD COLUMN currency VARCHAR(3) NULL;

UPDATE admin_subscription
SET price_minor = CASE plan WHEN 'STARTER' THEN 1900 WHEN 'PRO' THEN 3900 WHEN 'BUSINESS' THEN 7900 ELSE 0 END,
    currency = 'usd';
UPDATE admin_subscription_day
SET price_minor = CASE plan WHEN 'STARTER' THEN 1900 WHEN 'PRO' THEN 3900 WHEN 'BUSINESS' THEN 7900 ELSE 0 END,
    currency = 'usd';
