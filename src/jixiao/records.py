"""What one finished report is as the store keeps it (packed by a worker, written by the driver) and what the
store hands back when read: the records both store dialects and the batch engines share.

What is large (the document text, the report JSON, each finding's JSON) is stored zlib-compressed, packed by
the worker that made it: a report then takes about 10 KB instead of 50, and crosses a process (or a Ray
node) boundary as such. Stores written before that hold the same columns as plain text, and are read as they are.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from pathlib import Path

from jixiao.model import Finding, ReadingStatus, Report, reading_status


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


__all__ = [
    "Extracted",
    "FileStat",
    "StoredDocument",
    "StoredExtraction",
    "StoredFailure",
    "StoredResult",
    "extractor_key",
    "pack",
    "unpack",
    "worst_rank",
]
