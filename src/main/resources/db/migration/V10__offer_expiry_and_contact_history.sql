-- When a MANUAL agent's offer times out (RONA), for the countdown in Tasklist; null unless the item is OFFERED.
ALTER TABLE work_item ADD COLUMN offer_expires_at TIMESTAMP WITH TIME ZONE;

-- A customer's contact history beside the item an agent works on: their most recent items first.
CREATE INDEX work_item_customer_idx ON work_item (customer_id, captured_at DESC);
