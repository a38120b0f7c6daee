-- The store as it was before migrations were numbered: every statement is IF NOT EXISTS, so a store written
-- by an earlier jixiao passes through unchanged and only gains the tables it had not created yet.
CREATE TABLE IF NOT EXISTS documents (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    size INTEGER NOT NULL,
    mtime_ns INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    format TEXT NOT NULL,
    text BLOB NOT NULL
);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at REAL NOT NULL,
    finished_at REAL,
    extractor TEXT NOT NULL,
    files INTEGER NOT NULL DEFAULT 0,
    done INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS extractions (
    id INTEGER PRIMARY KEY,
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    extractor TEXT NOT NULL,
    backend TEXT NOT NULL,
    model TEXT,
    prompt_version TEXT,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    created_at REAL NOT NULL,
    worst_severity INTEGER NOT NULL DEFAULT -1,
    report BLOB NOT NULL,
    UNIQUE (document_id, extractor)
);
CREATE TABLE IF NOT EXISTS findings (
    id INTEGER PRIMARY KEY,
    extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    finding BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS findings_by_extraction ON findings(extraction_id);
CREATE TABLE IF NOT EXISTS failures (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    extractor TEXT NOT NULL,
    reason TEXT NOT NULL,
    run_id INTEGER NOT NULL REFERENCES runs(id),
    created_at REAL NOT NULL,
    UNIQUE (path, extractor)
);

-- Review decisions (jixiao.review.decisions): append-only, enforced by the database itself.
CREATE TABLE IF NOT EXISTS review_decisions (
    id INTEGER PRIMARY KEY,
    created_at REAL NOT NULL,
    reviewer TEXT NOT NULL,
    document_sha256 TEXT NOT NULL,
    document_path TEXT NOT NULL,
    extractor TEXT NOT NULL,
    action TEXT NOT NULL,
    finding_key TEXT,
    rule TEXT,
    figure_path TEXT,
    reason TEXT,
    note TEXT NOT NULL DEFAULT '',
    correction TEXT
);
CREATE INDEX IF NOT EXISTS review_decisions_by_document ON review_decisions(document_sha256, extractor);
CREATE TRIGGER IF NOT EXISTS review_decisions_no_update BEFORE UPDATE ON review_decisions
BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END;
CREATE TRIGGER IF NOT EXISTS review_decisions_no_delete BEFORE DELETE ON review_decisions
BEGIN SELECT RAISE(ABORT, 'review decisions are append-only'); END;

-- The series (jixiao.series.tables): everything hangs off extractions(id) and goes with it.
CREATE TABLE IF NOT EXISTS series_members (
    extraction_id INTEGER PRIMARY KEY REFERENCES extractions(id) ON DELETE CASCADE,
    extractor TEXT NOT NULL,
    path TEXT NOT NULL,
    region TEXT,
    fund TEXT,
    year INTEGER,
    status TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS series_pairs (
    extraction_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
    previous_id INTEGER NOT NULL REFERENCES extractions(id) ON DELETE CASCADE,
    settings TEXT NOT NULL,
    compared INTEGER NOT NULL,
    PRIMARY KEY (extraction_id, previous_id)
);
CREATE TABLE IF NOT EXISTS series_findings (
    id INTEGER PRIMARY KEY,
    extraction_id INTEGER NOT NULL,
    previous_id INTEGER NOT NULL,
    rule TEXT NOT NULL,
    severity TEXT NOT NULL,
    finding TEXT NOT NULL,
    FOREIGN KEY (extraction_id, previous_id) REFERENCES series_pairs(extraction_id, previous_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS series_findings_by_extraction ON series_findings(extraction_id);
