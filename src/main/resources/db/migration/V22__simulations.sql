-- What-if simulations (io.worklane.simulation): who asked for what, and the figures once the runs are done. A
-- simulation runs on the node that accepted it; any node answers for it from here.
CREATE TABLE simulation (
    id            VARCHAR(36)   PRIMARY KEY,
    requested_by  VARCHAR(64)   NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    state         VARCHAR(16)   NOT NULL,
    started_at    TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    summary       TEXT          NOT NULL,
    result        TEXT,
    error         VARCHAR(4000)
);
-- the list, newest first
CREATE INDEX simulation_requested_idx ON simulation (requested_at DESC, id);
