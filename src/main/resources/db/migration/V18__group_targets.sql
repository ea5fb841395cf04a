-- Group targets: a routing group every agent matching target_expression is in (e.g. group = "Team North" and ...),
-- the router's SQL pre-filter beside target_skill (routing/RoutingRepository), looked up in agent_group's key.
ALTER TABLE work_item ADD COLUMN target_group VARCHAR(100);
