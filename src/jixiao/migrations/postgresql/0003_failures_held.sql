-- As sqlite/0003_failures_held.sql: files held back after taking their worker down.
ALTER TABLE failures ADD COLUMN fatal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE failures ADD COLUMN size BIGINT;
ALTER TABLE failures ADD COLUMN mtime_ns BIGINT;
