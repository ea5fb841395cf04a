-- The queue page's orders besides distribution (work_item_distribution_idx): walked in order, filtered on the way,
-- a page stopping after its rows (queue/QueueSearch, queue/QueueSort).
CREATE INDEX work_item_due_idx ON work_item (due_at ASC NULLS LAST, id);
CREATE INDEX work_item_captured_idx ON work_item (captured_at DESC, id);

-- A supervisor's saved queue filters: the page's query parameters as JSON, by name.
CREATE TABLE queue_filter (
    owner       VARCHAR(64)   NOT NULL,
    name        VARCHAR(100)  NOT NULL,
    query       TEXT          NOT NULL,
    saved_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (owner, name)
);
