-- Claims (jixiao.claims): a row per file a run has queued and not yet finished; run_id is the run that took it
-- (NULL: free). A run proves it is alive by its heartbeat; host and pid let a run on the same machine see at
-- once that a killed one is gone.
CREATE TABLE IF NOT EXISTS claims (
    path TEXT NOT NULL,
    extractor TEXT NOT NULL,
    run_id INTEGER,
    claimed_at REAL NOT NULL DEFAULT 0,
    PRIMARY KEY (path, extractor)
);
CREATE INDEX IF NOT EXISTS claims_by_run ON claims(run_id);
ALTER TABLE runs ADD COLUMN heartbeat_at REAL;
ALTER TABLE runs ADD COLUMN host TEXT;
ALTER TABLE runs ADD COLUMN pid INTEGER;
