"""The series tables, kept beside the batch store's own (made by its migrations) and reached through its database.

`series_members` caches each extraction's region, fund, year and reading status (so a refresh parses only
new reports); `series_pairs` records which two extractions were compared under which check settings, and
`series_findings` the findings of each comparison. Everything hangs off `extractions(id)` with ON DELETE
CASCADE: when a file changes or is re-extracted its memberships, pairs and findings go with it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import text

from jixiao.database import Database
from jixiao.model import Finding, ReadingStatus
from jixiao.series.linking import Member

PairKey = tuple[int, int]  # (extraction id of year N, extraction id of year N−1)


class SeriesTables:
    """Reads and writes the series tables of a store (`Store.database`)."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def members(self) -> list[Member]:
        rows = self.database.rows(
            "SELECT extraction_id, extractor, path, region, fund, year, status FROM series_members"
        )
        return [Member(i, e, p, r, f, y, ReadingStatus(s)) for i, e, p, r, f, y, s in rows]

    def add_members(self, members: Iterable[Member]) -> None:
        rows = [
            {"id": m.extraction_id, "extractor": m.extractor, "path": m.path, "region": m.region, "fund": m.fund}
            | {"year": m.year, "status": m.status.value}
            for m in members
        ]
        self.database.execute_many(
            "INSERT INTO series_members (extraction_id, extractor, path, region, fund, year, status) "
            "VALUES (:id, :extractor, :path, :region, :fund, :year, :status) ON CONFLICT (extraction_id) DO UPDATE "
            "SET extractor = excluded.extractor, path = excluded.path, region = excluded.region, "
            "fund = excluded.fund, year = excluded.year, status = excluded.status",
            rows,
        )

    def pairs(self) -> dict[PairKey, str]:
        """Each stored comparison and the settings it ran under."""
        rows = self.database.rows("SELECT extraction_id, previous_id, settings FROM series_pairs")
        return {(now, before): settings for now, before, settings in rows}

    def drop_pairs(self, keys: Iterable[PairKey]) -> None:
        self.database.execute_many(
            "DELETE FROM series_pairs WHERE extraction_id = :now AND previous_id = :before",
            [{"now": now, "before": before} for now, before in keys],
        )

    def save_pair(self, key: PairKey, settings: str, findings: list[Finding] | None) -> None:
        """One comparison and its findings, replacing an older one; None: the pair was not comparable."""
        now, before = key
        pair = {"now": now, "before": before}
        with self.database.write() as db:
            if self.database.dialect == "postgresql":  # two runs refreshing one store at once: one pair at a time
                db.execute(text("SELECT pg_advisory_xact_lock(CAST(:now AS INTEGER), CAST(:before AS INTEGER))"), pair)
            db.execute(text("DELETE FROM series_pairs WHERE extraction_id = :now AND previous_id = :before"), pair)
            db.execute(
                text("INSERT INTO series_pairs VALUES (:now, :before, :settings, :compared)"),
                pair | {"settings": settings, "compared": int(findings is not None)},
            )
            if findings:
                db.execute(
                    text(
                        "INSERT INTO series_findings (extraction_id, previous_id, rule, severity, finding) "
                        "VALUES (:now, :before, :rule, :severity, :finding)"
                    ),
                    [
                        pair | {"rule": f.rule, "severity": f.severity.value, "finding": f.model_dump_json()}
                        for f in findings
                    ],
                )

    def not_compared(self) -> set[PairKey]:
        rows = self.database.rows("SELECT extraction_id, previous_id FROM series_pairs WHERE compared = 0")
        return {(now, before) for now, before in rows}

    def findings(self) -> dict[int, list[Finding]]:
        """Findings across years per extraction of year N, in the order they were stored."""
        found: dict[int, list[Finding]] = defaultdict(list)
        for extraction_id, finding in self.database.rows(
            "SELECT extraction_id, finding FROM series_findings ORDER BY id"
        ):
            found[extraction_id].append(Finding.model_validate_json(finding))
        return dict(found)
