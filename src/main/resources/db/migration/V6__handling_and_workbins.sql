-- Handling outcomes: the agent's disposition code, and a skill target the item was transferred to (it replaces the
-- routing targets until the item is offered again).
ALTER TABLE work_item ADD COLUMN disposition VARCHAR(100);
ALTER TABLE work_item ADD COLUMN transfer_target VARCHAR(1000);
ALTER TABLE work_item ADD COLUMN parked_at TIMESTAMP WITH TIME ZONE;
