-- The handling time-out of an item's service level (decisions/service-level.dmn): how long an agent may have it
-- IN_PROGRESS without marking it done or the source completing it, and what happens then (RETURN_TO_QUEUE or
-- EXCEPTION). The timer itself is a Camunda job; the row is what the step that fires reads.
ALTER TABLE work_item ADD COLUMN handling_timeout VARCHAR(32);
ALTER TABLE work_item ADD COLUMN handling_timeout_action VARCHAR(32);
