-- The source-driven life cycle: hold/resume, cancel, restart, source confirmation.
ALTER TABLE work_item ADD COLUMN restart_count INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE work_item ADD COLUMN done_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_item ADD COLUMN canceled_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_item ADD COLUMN held_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_item ADD COLUMN confirmation_timeout VARCHAR(32);
-- What the source system asked for, beside what the rules made of it (department, process, priority, due_at):
-- an update merges into and a restart starts from the former.
ALTER TABLE work_item ADD COLUMN requested_department VARCHAR(100);
ALTER TABLE work_item ADD COLUMN requested_process VARCHAR(100);
ALTER TABLE work_item ADD COLUMN requested_priority INTEGER;
ALTER TABLE work_item ADD COLUMN requested_due_at TIMESTAMP WITH TIME ZONE;
