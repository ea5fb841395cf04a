-- Attributes looked up from third-party sources (JSON): shown to agents, queue readers and reports.
ALTER TABLE work_item ADD COLUMN context_data TEXT;
