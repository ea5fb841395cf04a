-- The exceptions raised to supervisors (exceptions/): one row per cause while it lasts. OPEN: its task waits;
-- ACKNOWLEDGED: a supervisor resolved it and it is not raised again until the cause has gone and come back.
CREATE TABLE supervisor_exception (
    kind                 VARCHAR(32)   NOT NULL,
    subject              VARCHAR(64)   NOT NULL,
    status               VARCHAR(16)   NOT NULL,
    department           VARCHAR(100),
    process_instance_id  VARCHAR(64),
    raised_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (kind, subject)
);
