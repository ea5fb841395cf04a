-- A supervisor's action on a whole queue filter (bulk/): who, what, which filter, when; and each item's outcome.
CREATE TABLE bulk_operation (
    id            VARCHAR(64)   PRIMARY KEY,
    action        VARCHAR(32)   NOT NULL,
    parameters    TEXT          NOT NULL,
    filter        TEXT          NOT NULL,
    requested_by  VARCHAR(64)   NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    total         INTEGER       NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX bulk_operation_requester_idx ON bulk_operation (requested_by, requested_at);

CREATE TABLE bulk_operation_item (
    operation_id  VARCHAR(64)   NOT NULL REFERENCES bulk_operation (id),
    work_item_id  VARCHAR(64)   NOT NULL,
    position      INTEGER       NOT NULL,
    status        VARCHAR(16)   NOT NULL,
    reason        VARCHAR(1000),
    done_at       TIMESTAMP WITH TIME ZONE,
    PRIMARY KEY (operation_id, work_item_id)
);
-- the workers' next pending items, in the filter's order
CREATE INDEX bulk_operation_item_pending_idx ON bulk_operation_item (status, operation_id, position);
