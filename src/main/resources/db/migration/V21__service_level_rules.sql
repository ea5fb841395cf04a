-- The id of the service-level decision version an item's service level was decided with: a priority step decides
-- again only when a newer version is deployed or the item's context changed (priority/ServiceLevelRules).
ALTER TABLE work_item ADD COLUMN service_level_rules VARCHAR(64);
