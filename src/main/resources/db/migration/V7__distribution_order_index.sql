-- The router walks the queue in its full distribution order (priority desc, longest waiting, id) and stops at the
-- first page it can use: with id in the index the walk needs no sort, however long the queue
-- (routing/RoutingRepository CANDIDATES, queue/QueueRepository).
DROP INDEX work_item_distribution_idx;
CREATE INDEX work_item_distribution_idx ON work_item (state, priority DESC, queued_at, id);

-- Fair share: an agent is idle since their last offer, their last freed slot or becoming READY, whichever is latest.
ALTER TABLE agent ADD COLUMN last_released_at TIMESTAMP WITH TIME ZONE;
