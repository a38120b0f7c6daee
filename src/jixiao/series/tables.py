"""The series tables, kept beside the batch store's own and reached only through its connection.

`series_members` caches each extraction's region, fund, year and reading status (so a refresh parses only
new reports); `series_pairs` records which two extractions were compared under which check settings, and
`series_findings` the findings of each comparison. Everything hangs off `extractions(id)` with ON DELETE
CASCADE: when a file changes or is re-extracted its memberships, pairs and findings go with it.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from jixiao.model import Finding, ReadingStatus
from jixiao.series.linking import Member

SCHEMA = """
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
"""

PairKey = tuple[int, int]  # (extraction id of year N, extraction id of year N−1)


class SeriesTables:
    """Reads and writes the series tables on a store's connection (created on first use)."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.connection.executescript(SCHEMA)

    def members(self) -> list[Member]:
        rows = self.connection.execute(
            "SELECT extraction_id, extractor, path, region, fund, year, status FROM series_members"
        )
        return [Member(i, e, p, r, f, y, ReadingStatus(s)) for i, e, p, r, f, y, s in rows]

    def add_members(self, members: Iterable[Member]) -> None:
        rows = [(m.extraction_id, m.extractor, m.path, m.region, m.fund, m.year, m.status.value) for m in members]
        with self._transaction():
            self.connection.executemany("INSERT OR REPLACE INTO series_members VALUES (?, ?, ?, ?, ?, ?, ?)", rows)

    def pairs(self) -> dict[PairKey, str]:
        """Each stored comparison and the settings it ran under."""
        rows = self.connection.execute("SELECT extraction_id, previous_id, settings FROM series_pairs")
        return {(now, before): settings for now, before, settings in rows}

    def drop_pairs(self, keys: Iterable[PairKey]) -> None:
        with self._transaction():
            self.connection.executemany(
                "DELETE FROM series_pairs WHERE extraction_id = ? AND previous_id = ?", list(keys)
            )

    def save_pair(self, key: PairKey, settings: str, findings: list[Finding] | None) -> None:
        """One comparison and its findings, replacing an older one; None: the pair was not comparable."""
        now, before = key
        with self._transaction():
            self.connection.execute(
                "DELETE FROM series_pairs WHERE extraction_id = ? AND previous_id = ?", (now, before)
            )
            self.connection.execute(
                "INSERT INTO series_pairs VALUES (?, ?, ?, ?)", (now, before, settings, findings is not None)
            )
            self.connection.executemany(
                "INSERT INTO series_findings (extraction_id, previous_id, rule, severity, finding) "
                "VALUES (?, ?, ?, ?, ?)",
                [(now, before, f.rule, f.severity.value, f.model_dump_json()) for f in findings or []],
            )

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One transaction, rolled back on any error (the store's connection runs in autocommit)."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    def not_compared(self) -> set[PairKey]:
        rows = self.connection.execute("SELECT extraction_id, previous_id FROM series_pairs WHERE compared = 0")
        return {(now, before) for now, before in rows}

    def findings(self) -> dict[int, list[Finding]]:
        """Findings across years per extraction of year N, in the order they were stored."""
        found: dict[int, list[Finding]] = defaultdict(list)
        rows = self.connection.execute("SELECT extraction_id, finding FROM series_findings ORDER BY id")
        for extraction_id, finding in rows:
            found[extraction_id].append(Finding.model_validate_json(finding))
        return dict(found)
