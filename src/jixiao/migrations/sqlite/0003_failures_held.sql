-- A file that took its worker down or overran its time (jixiao.isolation) is held back until its size or mtime
-- change: fatal = 1 with the stat it had. A store opened by the jixiao that first added these columns (without
-- a version) has them already; the runner passes over an ADD COLUMN whose column exists.
ALTER TABLE failures ADD COLUMN fatal INTEGER NOT NULL DEFAULT 0;
ALTER TABLE failures ADD COLUMN size INTEGER;
ALTER TABLE failures ADD COLUMN mtime_ns INTEGER;
