-- Service levels and priority schemas: what the priority curve of each item is drawn with
-- (decisions/service-level.dmn), when its next step is due, and when it turned overdue.
ALTER TABLE work_item ADD COLUMN priority_schema VARCHAR(100);
ALTER TABLE work_item ADD COLUMN min_priority INTEGER;
ALTER TABLE work_item ADD COLUMN max_priority INTEGER;
ALTER TABLE work_item ADD COLUMN business_calendar VARCHAR(100);
ALTER TABLE work_item ADD COLUMN next_reprioritization_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_item ADD COLUMN overdue_at TIMESTAMP WITH TIME ZONE;
