-- API tokens of source systems (io.worklane.security.SourceSystemTokens). A token is wl_<id>_<secret>; only the
-- SHA-256 of the secret is kept, so the table (or a backup of it) never lets anyone call the API. A source system
-- may hold several active tokens (rotation); a revoked row stays for the audit trail.
CREATE TABLE source_system_token (
    id              VARCHAR(32)   PRIMARY KEY,
    source_system   VARCHAR(64)   NOT NULL,
    secret_hash     VARCHAR(64)   NOT NULL,
    label           VARCHAR(200),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    -- refreshed at most once a minute, so that authentication stays a read
    last_used_at    TIMESTAMP WITH TIME ZONE,
    revoked_at      TIMESTAMP WITH TIME ZONE,
    revoked_by      VARCHAR(64)
);

CREATE INDEX source_system_token_source_idx ON source_system_token (source_system, created_at);
