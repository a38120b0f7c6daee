"""The batch store: one SQLite file holding documents, extractions, findings, failures and runs.

Why SQLite: users run years of reports at once and must be able to stop (or be killed) and resume.
Every report is written in its own transaction, so a `kill -9` loses at most the report in flight.
WAL mode lets a reader (export, review, a test) look at the store while a run is writing it.

A document row is the current content at a path. When the file changes, its old extractions, findings
and failures are dropped with it, so nothing stale is ever exported.

What is large (the document text, the report JSON, each finding's JSON) is stored zlib-compressed, packed by
the worker that made it: a report then takes about 10 KB instead of 50. Stores written before that hold the
same columns as plain text, and are read as they are.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from jixiao.errors import ConfigError
from jixiao.model import Finding, ReadingStatus, Report, reading_status
from jixiao.redaction import redact

SCHEMA = """
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
    -- 1 when the file took its worker down or overran its time: held back until its size or mtime change
    fatal INTEGER NOT NULL DEFAULT 0,
    size INTEGER,
    mtime_ns INTEGER,
    UNIQUE (path, extractor)
);
"""
# Columns added since a store's first version, added to an older store when it is opened.
_ADDED_COLUMNS = {"failures": ("fatal INTEGER NOT NULL DEFAULT 0", "size INTEGER", "mtime_ns INTEGER")}


def pack(text: str) -> bytes:
    """UTF-8, zlib-compressed: what the store keeps of a large text (JSON compresses about six to one). Level 1:
    level 6 saves another 0.5 KB per report for twice the CPU, in the workers' hot path."""
    return zlib.compress(text.encode("utf-8"), 1)


def unpack(stored: bytes | str) -> str:
    """The text of a packed column; a plain string is a value written before packing, returned as it is."""
    return stored if isinstance(stored, str) else zlib.decompress(stored).decode("utf-8")


@dataclass(frozen=True)
class FileStat:
    """What decides cheaply whether a file changed since it was stored."""

    size: int
    mtime_ns: int

    @classmethod
    def of(cls, path: Path) -> FileStat:
        info = path.stat()
        return cls(size=info.st_size, mtime_ns=info.st_mtime_ns)


@dataclass(frozen=True)
class Extracted:
    """Everything one finished report adds to the store; built (and packed) by a worker, written by the parent.

    The packed fields cross the process boundary cheaply; `report`, `findings` and `text` unpack them for
    the sinks that show or write them (the store writes them as they are).
    """

    path: str
    stat: FileStat
    sha256: str
    format: str
    packed_text: bytes  # the normalized text every span points into
    extractor: str  # the extractor key: backend, model and prompt version (see `extractor_key`)
    backend: str
    model: str | None
    prompt_version: str | None
    packed_report: bytes
    packed_findings: list[tuple[str, str, bytes]]  # (rule, severity, finding JSON)
    worst_severity: int
    status: ReadingStatus = ReadingStatus.READ  # what the views say before any figure (never "clean" when empty)

    @property
    def report(self) -> Report:
        return Report.model_validate_json(unpack(self.packed_report))

    @property
    def findings(self) -> list[Finding]:
        return [Finding.model_validate_json(unpack(packed)) for _, _, packed in self.packed_findings]

    @property
    def text(self) -> str:
        return unpack(self.packed_text)

    @classmethod
    def build(
        cls, *, path: str, stat: FileStat, text: str, extractor: str, report: Report, findings: list[Finding]
    ) -> Extracted:
        info = report.extractor
        return cls(
            path=path,
            stat=stat,
            sha256=report.source.sha256,
            format=report.source.format,
            packed_text=pack(text),
            extractor=extractor,
            backend=info.backend,
            model=info.model,
            prompt_version=info.prompt_version,
            packed_report=pack(report.model_dump_json()),
            packed_findings=[(f.rule, f.severity.value, pack(f.model_dump_json())) for f in findings],
            worst_severity=worst_rank(findings),
            status=reading_status(report),
        )


def extractor_key(backend: str, model: str | None = None, prompt_version: str | None = None) -> str:
    """One string naming what produced a report: `rules`, or `llm:<model>:<prompt version>`."""
    if model is None and prompt_version is None:
        return backend
    return f"{backend}:{model or ''}:{prompt_version or ''}"


@dataclass(frozen=True)
class StoredDocument:
    id: int
    path: str
    sha256: str
    format: str
    text: str


@dataclass(frozen=True)
class StoredResult:
    """One extraction as read back: the document it came from, the report and its findings."""

    extraction_id: int
    document: StoredDocument
    report: Report
    findings: list[Finding]
    run_id: int
    extractor: str = ""  # the key the extraction is stored under (see `extractor_key`)


@dataclass(frozen=True)
class StoredExtraction:
    """An extraction named, not read: a re-extraction is a new (id, run) even when the id is reused."""

    extraction_id: int
    sha256: str
    extractor: str
    run_id: int


@dataclass(frozen=True)
class StoredFailure:
    path: str
    extractor: str
    reason: str
    run_id: int


def worst_rank(findings: list[Finding]) -> int:
    """Severity rank of the worst finding, -1 when there is none (used to sort the review)."""
    return max((finding.severity.rank for finding in findings), default=-1)


class Store:
    """A SQLite batch store. Use as a context manager; one writer (the batch parent) at a time.

    A store that cannot be opened (a missing folder, read-only, not a store) is a ConfigError naming the file
    and the reason, never a traceback. Every command opens it for writing: even the views (review, export,
    memo) bring its series up to date first.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        try:
            self.connection = self._open()
        except sqlite3.Error as error:
            raise ConfigError(f"{self.path}: cannot open the store: {store_problem(self.path, error)}") from None

    def _open(self) -> sqlite3.Connection:
        connection = sqlite3.connect(self.path, isolation_level=None, timeout=30)
        try:
            connection.execute("PRAGMA journal_mode=WAL")
            # In WAL mode NORMAL keeps every committed transaction across a process crash (kill -9);
            # only a power loss can lose the last ones. FULL would fsync each report for nothing here.
            connection.execute("PRAGMA synchronous=NORMAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.executescript(SCHEMA)
            _add_missing_columns(connection)
        except sqlite3.Error:
            connection.close()
            raise
        return connection

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- runs ---------------------------------------------------------------------------------

    def start_run(self, extractor: str, files: int) -> int:
        cursor = self.connection.execute(
            "INSERT INTO runs (started_at, extractor, files) VALUES (?, ?, ?)", (time.time(), extractor, files)
        )
        return int(cursor.lastrowid or 0)

    def finish_run(self, run_id: int, *, done: int, failed: int, skipped: int) -> None:
        self.connection.execute(
            "UPDATE runs SET finished_at = ?, done = ?, failed = ?, skipped = ? WHERE id = ?",
            (time.time(), done, failed, skipped, run_id),
        )

    # --- deciding what to do ------------------------------------------------------------------

    def done_stats(self, extractor: str) -> dict[str, tuple[FileStat, str]]:
        """Per path already extracted by `extractor`: the file stat and hash it had then."""
        rows = self.connection.execute(
            "SELECT d.path, d.size, d.mtime_ns, d.sha256 FROM documents d "
            "JOIN extractions e ON e.document_id = d.id WHERE e.extractor = ?",
            (extractor,),
        )
        return {path: (FileStat(size, mtime_ns), sha256) for path, size, mtime_ns, sha256 in rows}

    def touch(self, path: str, stat: FileStat) -> None:
        """Record a new stat for a file whose content (hash) did not change, so the next run skips it cheaply."""
        self.connection.execute(
            "UPDATE documents SET size = ?, mtime_ns = ? WHERE path = ?", (stat.size, stat.mtime_ns, path)
        )

    # --- writing results ----------------------------------------------------------------------

    def save_result(self, record: Extracted, run_id: int) -> int:
        """Store one document, its report and findings in one transaction; return the extraction id."""
        with self._transaction() as db:
            document_id = self._upsert_document(db, record)
            db.execute(
                "DELETE FROM extractions WHERE document_id = ? AND extractor = ?", (document_id, record.extractor)
            )
            cursor = db.execute(
                "INSERT INTO extractions (document_id, extractor, backend, model, prompt_version, run_id, "
                "created_at, worst_severity, report) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    document_id,
                    record.extractor,
                    record.backend,
                    record.model,
                    record.prompt_version,
                    run_id,
                    time.time(),
                    record.worst_severity,
                    record.packed_report,
                ),
            )
            extraction_id = int(cursor.lastrowid or 0)
            db.executemany(
                "INSERT INTO findings (extraction_id, rule, severity, finding) VALUES (?, ?, ?, ?)",
                [(extraction_id, *finding) for finding in record.packed_findings],
            )
            # the latest result replaces every old failure of this file, whichever backend failed on it: a page or
            # export never shows a file as failed once it has been read
            db.execute("DELETE FROM failures WHERE path = ?", (record.path,))
        return extraction_id

    def save_failure(
        self, *, path: str, extractor: str, reason: str, run_id: int, held: FileStat | None = None
    ) -> None:
        """Record why a file failed; `held` (its stat) marks a file that took its worker down, so the next runs
        skip it until it changes."""
        reason = redact(reason)  # providers echo keys in error bodies; a store is shared and exported
        size, mtime_ns = (held.size, held.mtime_ns) if held is not None else (None, None)
        with self._transaction() as db:
            db.execute(
                "INSERT INTO failures (path, extractor, reason, run_id, created_at, fatal, size, mtime_ns) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (path, extractor) DO UPDATE SET reason = excluded.reason, run_id = excluded.run_id, "
                "created_at = excluded.created_at, fatal = excluded.fatal, size = excluded.size, "
                "mtime_ns = excluded.mtime_ns",
                (path, extractor, reason, run_id, time.time(), held is not None, size, mtime_ns),
            )

    def held_back(self, extractor: str) -> dict[str, FileStat]:
        """Files that took their worker down under `extractor`, with the stat they had then."""
        rows = self.connection.execute(
            "SELECT path, size, mtime_ns FROM failures WHERE extractor = ? AND fatal = 1 AND size IS NOT NULL",
            (extractor,),
        )
        return {path: FileStat(size, mtime_ns) for path, size, mtime_ns in rows}

    def _upsert_document(self, db: sqlite3.Connection, record: Extracted) -> int:
        row = db.execute("SELECT id, sha256 FROM documents WHERE path = ?", (record.path,)).fetchone()
        if row is not None and row[1] == record.sha256:
            db.execute(
                "UPDATE documents SET size = ?, mtime_ns = ?, format = ?, text = ? WHERE id = ?",
                (record.stat.size, record.stat.mtime_ns, record.format, record.packed_text, row[0]),
            )
            return int(row[0])
        if row is not None:  # new content at this path: its old results describe another file
            db.execute("DELETE FROM documents WHERE id = ?", (row[0],))
            db.execute("DELETE FROM failures WHERE path = ?", (record.path,))
        cursor = db.execute(
            "INSERT INTO documents (path, size, mtime_ns, sha256, format, text) VALUES (?, ?, ?, ?, ?, ?)",
            (record.path, record.stat.size, record.stat.mtime_ns, record.sha256, record.format, record.packed_text),
        )
        return int(cursor.lastrowid or 0)

    def _transaction(self) -> _Transaction:
        return _Transaction(self.connection)

    # --- reading ------------------------------------------------------------------------------

    def count(self, table: str) -> int:
        if table not in {"documents", "extractions", "findings", "failures", "runs"}:
            raise ValueError(f"no table {table!r}")
        return int(self.connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0])

    def extractors(self) -> list[str]:
        rows = self.connection.execute("SELECT DISTINCT extractor FROM extractions ORDER BY extractor")
        return [row[0] for row in rows]

    def results(self, extractor: str | None = None, *, with_text: bool = True) -> Iterator[StoredResult]:
        """Every stored extraction (of one extractor, or all), ordered by path; streamed, not loaded at once."""
        text_column = "d.text" if with_text else "''"
        query = (
            f"SELECT e.id, d.id, d.path, d.sha256, d.format, {text_column}, e.report, e.run_id, e.extractor "
            "FROM extractions e JOIN documents d ON d.id = e.document_id"
        )
        parameters: tuple[str, ...] = ()
        if extractor is not None:
            query += " WHERE e.extractor = ?"
            parameters = (extractor,)
        query += " ORDER BY d.path, e.extractor"
        # A second connection reads findings while the first streams rows (one cursor cannot do both).
        reader = sqlite3.connect(self.path)
        try:
            for extraction_id, document_id, path, sha256, format, text, report, run_id, key in self.connection.execute(
                query, parameters
            ):
                findings = [
                    Finding.model_validate_json(unpack(row[0]))
                    for row in reader.execute(
                        "SELECT finding FROM findings WHERE extraction_id = ? ORDER BY id", (extraction_id,)
                    )
                ]
                yield StoredResult(
                    extraction_id=extraction_id,
                    document=StoredDocument(id=document_id, path=path, sha256=sha256, format=format, text=unpack(text)),
                    report=Report.model_validate_json(unpack(report)),
                    findings=findings,
                    run_id=run_id,
                    extractor=key,
                )
        finally:
            reader.close()

    def extraction_ids(self, extractor: str | None = None) -> list[int]:
        """Ids of the stored extractions (of one extractor, or all), for layers that track them (series)."""
        if extractor is None:
            rows = self.connection.execute("SELECT id FROM extractions ORDER BY id")
        else:
            rows = self.connection.execute("SELECT id FROM extractions WHERE extractor = ? ORDER BY id", (extractor,))
        return [row[0] for row in rows]

    def extraction_index(self) -> list[StoredExtraction]:
        """What is stored, without reading any report: lets a reader (the review workbench) keep what it parsed."""
        rows = self.connection.execute(
            "SELECT e.id, d.sha256, e.extractor, e.run_id FROM extractions e JOIN documents d ON d.id = e.document_id "
            "ORDER BY d.path, e.extractor"
        )
        return [StoredExtraction(*row) for row in rows]

    def result(self, extraction_id: int, *, with_text: bool = True) -> StoredResult | None:
        """One stored extraction by id, or None when it is gone (re-extracted or its file changed)."""
        text_column = "d.text" if with_text else "''"
        row = self.connection.execute(
            f"SELECT d.id, d.path, d.sha256, d.format, {text_column}, e.report, e.run_id, e.extractor "
            "FROM extractions e JOIN documents d ON d.id = e.document_id WHERE e.id = ?",
            (extraction_id,),
        ).fetchone()
        if row is None:
            return None
        document_id, path, sha256, format, text, report, run_id, key = row
        findings = [
            Finding.model_validate_json(unpack(finding))
            for (finding,) in self.connection.execute(
                "SELECT finding FROM findings WHERE extraction_id = ? ORDER BY id", (extraction_id,)
            )
        ]
        return StoredResult(
            extraction_id=extraction_id,
            document=StoredDocument(id=document_id, path=path, sha256=sha256, format=format, text=unpack(text)),
            report=Report.model_validate_json(unpack(report)),
            findings=findings,
            run_id=run_id,
            extractor=key,
        )

    def failures(self, extractor: str | None = None) -> list[StoredFailure]:
        query = "SELECT path, extractor, reason, run_id FROM failures"
        parameters: tuple[str, ...] = ()
        if extractor is not None:
            query += " WHERE extractor = ?"
            parameters = (extractor,)
        rows = self.connection.execute(query + " ORDER BY path", parameters)
        return [StoredFailure(path=p, extractor=e, reason=redact(r), run_id=run) for p, e, r, run in rows]


def _add_missing_columns(connection: sqlite3.Connection) -> None:
    for table, columns in _ADDED_COLUMNS.items():
        present = {row[1] for row in connection.execute(f"PRAGMA table_info({table})")}
        for column in columns:
            if column.split()[0] not in present:
                connection.execute(f"ALTER TABLE {table} ADD COLUMN {column}")


def store_problem(path: Path, error: sqlite3.Error) -> str:
    """SQLite's reason in words a user can act on."""
    if not path.parent.is_dir():
        return f"no such folder {path.parent}"
    message = str(error)
    if "readonly" in message or "read-only" in message:
        return "the store (or its folder) is read-only"
    if "not a database" in message:
        return "the file is not a jixiao store (not an SQLite database)"
    return message


class _Transaction:
    """BEGIN … COMMIT around one report; ROLLBACK on any error so a half-written report never stays."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def __enter__(self) -> sqlite3.Connection:
        self.connection.execute("BEGIN IMMEDIATE")
        return self.connection

    def __exit__(self, exc_type: object, *rest: object) -> None:
        self.connection.execute("ROLLBACK" if exc_type is not None else "COMMIT")
