-- Skill-matching distribution: the routing targets decisions/routing-targets.dmn chose, the target the item is
-- offered to now (widening over time), and who declined it last.
ALTER TABLE work_item ADD COLUMN primary_target VARCHAR(1000);
ALTER TABLE work_item ADD COLUMN secondary_target VARCHAR(1000);
ALTER TABLE work_item ADD COLUMN tertiary_target VARCHAR(1000);
ALTER TABLE work_item ADD COLUMN primary_timeout_percent INTEGER;
ALTER TABLE work_item ADD COLUMN secondary_timeout_percent INTEGER;
ALTER TABLE work_item ADD COLUMN target_expression VARCHAR(1000);
-- a condition every agent matching target_expression meets: the router's SQL pre-filter (routing/RoutingRepository)
ALTER TABLE work_item ADD COLUMN target_skill VARCHAR(100);
ALTER TABLE work_item ADD COLUMN target_min_proficiency INTEGER;
ALTER TABLE work_item ADD COLUMN next_target_expansion_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE work_item ADD COLUMN declined_by VARCHAR(64);
-- Router: items waiting for one preferred agent.
CREATE INDEX work_item_preferred_idx ON work_item (preferred_agent, state);

-- AUTO or MANUAL; null: as configured for the item's department (worklane.routing.answer)
ALTER TABLE agent ADD COLUMN answer_mode VARCHAR(16);
