"""The batch store: documents, extractions, findings, failures and runs, in a SQLite file or on PostgreSQL.

Why SQLite by default: users run years of reports at once and must be able to stop (or be killed) and
resume, with nothing to install. Why PostgreSQL too: a team shares one store, and several runs (or machines)
work on it at once; `--db postgresql://…` takes the same tables and the same code (`jixiao.database`).
Every report is written in its own transaction, so a `kill -9` loses at most the report in flight.

A document row is the current content at a path. When the file changes, its old extractions, findings
and failures are dropped with it, so nothing stale is ever exported. The schema is versioned
(`jixiao.migrations`); opening a store upgrades it in place.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, bindparam, text

from jixiao import migrations
from jixiao.claims import Claims
from jixiao.database import Database
from jixiao.errors import ConfigError
from jixiao.model import Finding, Report
from jixiao.records import (
    Extracted,
    FileStat,
    StoredDocument,
    StoredExtraction,
    StoredFailure,
    StoredResult,
    extractor_key,
    pack,
    unpack,
    worst_rank,
)
from jixiao.redaction import redact

_SAME_DOCUMENT = "UPDATE documents SET size = :size, mtime_ns = :mtime, format = :format, text = :text WHERE id = :id"
_STORED_STATS = text(
    "SELECT d.path, d.size, d.mtime_ns FROM documents d JOIN extractions e ON e.document_id = d.id "
    "WHERE e.extractor = :extractor AND d.path IN :paths"
).bindparams(bindparam("paths", expanding=True))
TABLES = frozenset({"documents", "extractions", "findings", "failures", "runs", "claims"})


class Store:
    """A batch store. Use as a context manager; one writer per run (the batch driver), any number of runs.

    A store that cannot be opened (a missing folder, read-only, not a store, a server that refuses) is a
    ConfigError naming the store and the reason, never a traceback. Every command opens it for writing: even
    the views (review, export, memo) bring its series up to date first.
    """

    def __init__(self, target: str | Path) -> None:
        self.database = Database(target)
        self.name = self.database.name
        try:
            migrations.upgrade(self.database)
        except Exception as error:
            self.database.dispose()
            reason = self.database.problem(error)
            raise ConfigError(f"{self.name}: cannot open the store: {reason}") from None
        self.claims = Claims(self.database)

    def close(self) -> None:
        self.database.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- runs ---------------------------------------------------------------------------------

    def start_run(self, extractor: str, files: int) -> int:
        return self.claims.start_run(extractor, files)

    def finish_run(self, run_id: int, *, done: int, failed: int, skipped: int) -> None:
        self.claims.release(run_id)
        self.database.execute(
            "UPDATE runs SET finished_at = :now, done = :done, failed = :failed, skipped = :skipped WHERE id = :id",
            now=time.time(),
            done=done,
            failed=failed,
            skipped=skipped,
            id=run_id,
        )

    # --- deciding what to do ------------------------------------------------------------------

    def done_stats(self, extractor: str) -> dict[str, tuple[FileStat, str]]:
        """Per path already extracted by `extractor`: the file stat and hash it had then."""
        rows = self.database.rows(
            "SELECT d.path, d.size, d.mtime_ns, d.sha256 FROM documents d "
            "JOIN extractions e ON e.document_id = d.id WHERE e.extractor = :extractor",
            extractor=extractor,
        )
        return {path: (FileStat(size, mtime_ns), sha256) for path, size, mtime_ns, sha256 in rows}

    @staticmethod
    def stored_as_now(db: Connection, paths: list[str], extractor: str) -> set[str]:
        """Those of `paths` stored by `extractor` with the size and mtime the file has now (another run did them)."""
        rows = db.execute(_STORED_STATS, {"paths": paths, "extractor": extractor})
        now: set[str] = set()
        for path, size, mtime_ns in rows:
            try:
                if FileStat.of(Path(path)) == FileStat(size, mtime_ns):
                    now.add(path)
            except OSError:
                continue
        return now

    def touch(self, path: str, stat: FileStat) -> None:
        """Record a new stat for a file whose content (hash) did not change, so the next run skips it cheaply."""
        self.database.execute(
            "UPDATE documents SET size = :size, mtime_ns = :mtime WHERE path = :path",
            size=stat.size,
            mtime=stat.mtime_ns,
            path=path,
        )

    # --- writing results ----------------------------------------------------------------------

    def save_result(self, record: Extracted, run_id: int) -> int:
        """Store one document, its report and findings in one transaction (which also ends the file's claim);
        return the extraction id."""
        with self.database.write() as db:
            document_id = self._upsert_document(db, record)
            db.execute(
                text("DELETE FROM extractions WHERE document_id = :document AND extractor = :extractor"),
                {"document": document_id, "extractor": record.extractor},
            )
            extraction_id = int(
                db.execute(
                    text(
                        "INSERT INTO extractions (document_id, extractor, backend, model, prompt_version, run_id, "
                        "created_at, worst_severity, report) VALUES (:document, :extractor, :backend, :model, "
                        ":prompt, :run, :now, :worst, :report) RETURNING id"
                    ),
                    {
                        "document": document_id,
                        "extractor": record.extractor,
                        "backend": record.backend,
                        "model": record.model,
                        "prompt": record.prompt_version,
                        "run": run_id,
                        "now": time.time(),
                        "worst": record.worst_severity,
                        "report": record.packed_report,
                    },
                ).scalar_one()
            )
            if record.packed_findings:
                db.execute(
                    text(
                        "INSERT INTO findings (extraction_id, rule, severity, finding) "
                        "VALUES (:extraction, :rule, :severity, :finding)"
                    ),
                    [
                        {"extraction": extraction_id, "rule": rule, "severity": severity, "finding": finding}
                        for rule, severity, finding in record.packed_findings
                    ],
                )
            # the latest result replaces every old failure of this file, whichever backend failed on it: a page or
            # export never shows a file as failed once it has been read
            db.execute(text("DELETE FROM failures WHERE path = :path"), {"path": record.path})
            Claims.finish(db, record.path, record.extractor)
        return extraction_id

    def save_failure(
        self, *, path: str, extractor: str, reason: str, run_id: int, held: FileStat | None = None
    ) -> None:
        """Record why a file failed; `held` (its stat) marks a file that took its worker down, so the next runs
        skip it until it changes."""
        reason = redact(reason)  # providers echo keys in error bodies; a store is shared and exported
        size, mtime_ns = (held.size, held.mtime_ns) if held is not None else (None, None)
        with self.database.write() as db:
            db.execute(
                text(
                    "INSERT INTO failures (path, extractor, reason, run_id, created_at, fatal, size, mtime_ns) "
                    "VALUES (:path, :extractor, :reason, :run, :now, :fatal, :size, :mtime) "
                    "ON CONFLICT (path, extractor) DO UPDATE SET reason = excluded.reason, "
                    "run_id = excluded.run_id, created_at = excluded.created_at, fatal = excluded.fatal, "
                    "size = excluded.size, mtime_ns = excluded.mtime_ns"
                ),
                {"path": path, "extractor": extractor, "reason": reason, "run": run_id, "now": time.time()}
                | {"fatal": int(held is not None), "size": size, "mtime": mtime_ns},
            )
            Claims.finish(db, path, extractor)

    def held_back(self, extractor: str) -> dict[str, FileStat]:
        """Files that took their worker down under `extractor`, with the stat they had then."""
        rows = self.database.rows(
            "SELECT path, size, mtime_ns FROM failures WHERE extractor = :e AND fatal = 1 AND size IS NOT NULL",
            e=extractor,
        )
        return {path: FileStat(size, mtime_ns) for path, size, mtime_ns in rows}

    @staticmethod
    def _upsert_document(db: Connection, record: Extracted) -> int:
        row = db.execute(text("SELECT id, sha256 FROM documents WHERE path = :path"), {"path": record.path}).first()
        values: dict[str, Any] = {
            "path": record.path,
            "size": record.stat.size,
            "mtime": record.stat.mtime_ns,
            "sha": record.sha256,
            "format": record.format,
            "text": record.packed_text,
        }
        if row is not None and row[1] == record.sha256:
            db.execute(
                text(_SAME_DOCUMENT),
                {**values, "id": row[0]},
            )
            return int(row[0])
        if row is not None:  # new content at this path: its old results describe another file
            db.execute(text("DELETE FROM documents WHERE id = :id"), {"id": row[0]})
            db.execute(text("DELETE FROM failures WHERE path = :path"), {"path": record.path})
        inserted = db.execute(
            text(
                "INSERT INTO documents (path, size, mtime_ns, sha256, format, text) "
                "VALUES (:path, :size, :mtime, :sha, :format, :text) RETURNING id"
            ),
            values,
        )
        return int(inserted.scalar_one())

    # --- reading ------------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in TABLES:
            raise ValueError(f"no table {table!r}")
        return int(self.database.rows(f"SELECT COUNT(*) FROM {table}")[0][0])

    def extractors(self) -> list[str]:
        return [row[0] for row in self.database.rows("SELECT DISTINCT extractor FROM extractions ORDER BY extractor")]

    def results(self, extractor: str | None = None, *, with_text: bool = True) -> Iterator[StoredResult]:
        """Every stored extraction (of one extractor, or all), ordered by path; streamed, not loaded at once."""
        text_column = "d.text" if with_text else "''"
        query = (
            f"SELECT e.id, d.id, d.path, d.sha256, d.format, {text_column}, e.report, e.run_id, e.extractor "
            "FROM extractions e JOIN documents d ON d.id = e.document_id"
        )
        if extractor is not None:
            query += " WHERE e.extractor = :extractor"
        query += " ORDER BY d.path, e.extractor"
        # A second connection reads findings while the first streams rows (one cursor cannot do both); on
        # PostgreSQL the rows come through a server-side cursor, a hundred at a time.
        with self.database.read() as rows, self.database.read() as reader:
            streamed = rows.execution_options(stream_results=True, max_row_buffer=100)
            for row in streamed.execute(text(query), {"extractor": extractor}):
                yield _stored_result(reader, row)

    def extraction_ids(self, extractor: str | None = None) -> list[int]:
        """Ids of the stored extractions (of one extractor, or all), for layers that track them (series)."""
        if extractor is None:
            rows = self.database.rows("SELECT id FROM extractions ORDER BY id")
        else:
            rows = self.database.rows("SELECT id FROM extractions WHERE extractor = :e ORDER BY id", e=extractor)
        return [row[0] for row in rows]

    def extraction_index(self) -> list[StoredExtraction]:
        """What is stored, without reading any report: lets a reader (the review workbench) keep what it parsed."""
        rows = self.database.rows(
            "SELECT e.id, d.sha256, e.extractor, e.run_id FROM extractions e JOIN documents d ON d.id = e.document_id "
            "ORDER BY d.path, e.extractor"
        )
        return [StoredExtraction(*row) for row in rows]

    def result(self, extraction_id: int, *, with_text: bool = True) -> StoredResult | None:
        """One stored extraction by id, or None when it is gone (re-extracted or its file changed)."""
        text_column = "d.text" if with_text else "''"
        with self.database.read() as db:
            row = db.execute(
                text(
                    f"SELECT e.id, d.id, d.path, d.sha256, d.format, {text_column}, e.report, e.run_id, e.extractor "
                    "FROM extractions e JOIN documents d ON d.id = e.document_id WHERE e.id = :id"
                ),
                {"id": extraction_id},
            ).first()
            return None if row is None else _stored_result(db, row)

    def failures(self, extractor: str | None = None) -> list[StoredFailure]:
        query = "SELECT path, extractor, reason, run_id FROM failures"
        if extractor is not None:
            query += " WHERE extractor = :extractor"
        rows = self.database.rows(query + " ORDER BY path", extractor=extractor)
        return [StoredFailure(path=p, extractor=e, reason=redact(r), run_id=run) for p, e, r, run in rows]


def _stored_result(db: Connection, row: Any) -> StoredResult:
    """A stored extraction from its row (e.id, d.id, path, sha256, format, text, report, run, extractor)."""
    extraction_id, document_id, path, sha256, format, body, report, run_id, key = row
    return StoredResult(
        extraction_id=extraction_id,
        document=StoredDocument(id=document_id, path=path, sha256=sha256, format=format, text=unpack(body)),
        report=Report.model_validate_json(unpack(report)),
        findings=_findings(db, extraction_id),
        run_id=run_id,
        extractor=key,
    )


def _findings(db: Connection, extraction_id: int) -> list[Finding]:
    rows = db.execute(text("SELECT finding FROM findings WHERE extraction_id = :id ORDER BY id"), {"id": extraction_id})
    return [Finding.model_validate_json(unpack(row[0])) for row in rows]


__all__ = [
    "Extracted",
    "FileStat",
    "Store",
    "StoredDocument",
    "StoredExtraction",
    "StoredFailure",
    "StoredResult",
    "extractor_key",
    "pack",
    "unpack",
    "worst_rank",
]
