-- The router's index by who may take an item (routing/RoutingRepository CANDIDATES, workitem/RoutingTarget):
-- an agent's offer reads one short, ordered run of this index per key its profile satisfies, so an agent facing
-- a large backlog of other departments' items reads none of them.
ALTER TABLE work_item ADD COLUMN routing_key VARCHAR(220);
UPDATE work_item
   SET routing_key = COALESCE(target_group, '') || '|' || COALESCE(target_skill, '') || '|'
                     || CAST(COALESCE(target_min_proficiency, 0) AS VARCHAR(10))
 WHERE target_level IS NOT NULL AND target_level <> 'PREFERRED';
CREATE INDEX work_item_routing_key_idx ON work_item (state, media_type, routing_key, priority DESC, queued_at, id);
