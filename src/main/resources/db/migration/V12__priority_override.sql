-- A supervisor's priority for a queued item, in place of its curve until it expires (priority/Prioritization).
ALTER TABLE work_item ADD COLUMN priority_override INTEGER;
ALTER TABLE work_item ADD COLUMN priority_override_until TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_item ADD COLUMN priority_override_by VARCHAR(64);
