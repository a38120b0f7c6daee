-- Claims (jixiao.claims), as sqlite/0002_claims.sql.
CREATE TABLE claims (
    path TEXT NOT NULL,
    extractor TEXT NOT NULL,
    run_id BIGINT,
    claimed_at DOUBLE PRECISION NOT NULL DEFAULT 0,
    PRIMARY KEY (path, extractor)
);
CREATE INDEX claims_by_run ON claims(run_id);
ALTER TABLE runs ADD COLUMN heartbeat_at DOUBLE PRECISION;
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
