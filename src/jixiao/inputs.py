"""What a batch reads: the report files named or found under folders, and reports saved as JSON.

A folder of real reports also holds scans, archives and the lock files Word and Excel leave beside an open
document (`~$报告.docx`); those are not reports. They are counted by kind, so a person sees what was left
out, and never fail a batch.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from jixiao.documents import LOADERS, load_document
from jixiao.errors import InputError, JixiaoError
from jixiao.model import Report

REPORT_SUFFIX = ".json"  # a report saved by `jixiao extract`, read back by `jixiao check`
LOCK_PREFIX = "~$"  # Office lock files: a few bytes naming who has the document open
LOCK_KIND = "Office lock files (~$…)"


@dataclass
class Inputs:
    """Files to process (sorted within each folder), problems with the named paths, and files left out."""

    files: list[Path] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    skipped: Counter[str] = field(default_factory=Counter)  # kind (".jpg", LOCK_KIND, …) -> count

    def skipped_line(self) -> str | None:
        """`skipped 3 files: 2 .jpg, 1 Office lock files (~$…)`, or None when nothing was skipped."""
        if not self.skipped:
            return None
        kinds = ", ".join(f"{count} {kind}" for kind, count in self.skipped.most_common())
        total = sum(self.skipped.values())
        return f"skipped {total} file{'s' if total != 1 else ''} that are not reports: {kinds}"


def _kind(path: Path, suffixes: Collection[str]) -> str | None:
    """None for a report file; else the kind it is counted under."""
    if path.name.startswith(LOCK_PREFIX):
        return LOCK_KIND
    suffix = path.suffix.lower()
    return None if suffix in suffixes else (suffix or "(no suffix)")


def report_files(paths: Iterable[Path], suffixes: Collection[str] = LOADERS) -> Inputs:
    """Files named directly, plus report files found under named folders; every other file is counted."""
    found = Inputs()
    for path in paths:
        if path.is_dir():
            files = sorted(p for p in path.rglob("*") if p.is_file())
            reports = []
            for file in files:
                kind = _kind(file, suffixes)
                if kind is None:
                    reports.append(file)
                elif not file.name.startswith("."):  # hidden files (.DS_Store) are nobody's reports
                    found.skipped[kind] += 1
            if not reports:
                found.problems.append(f"{path}: no report files (supported: {', '.join(sorted(suffixes))})")
            found.files.extend(reports)
        elif path.is_file():
            if path.name.startswith(LOCK_PREFIX):
                found.skipped[LOCK_KIND] += 1
            else:
                found.files.append(path)
        else:
            found.problems.append(f"{path}: no such file or folder")
    return found


def load_saved_report(path: Path) -> tuple[Report, str | None]:
    """A report saved as JSON, and the matching text of its source document when that is there and unchanged."""
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read: {error}") from error
    try:
        report = Report.model_validate_json(raw)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(map(str, first["loc"])) or "(top level)"
        raise InputError(path, f"not a report JSON: {where}: {first['msg']}") from error
    return report, source_text(report, path)


def source_text(report: Report, json_path: Path) -> str | None:
    """The matching text (simplified, same offsets as Document.text) of the report's source document, if it
    is still there and unchanged. Names are matched in simplified form, so the narrative rules read it too.

    A relative source path is tried from the working directory, then from the JSON file's folder and its
    parents (eval/gold/x.json names samples/x.txt relative to the repository).
    """
    source = Path(report.source.path)
    bases = [] if source.is_absolute() else list(json_path.resolve().parents)[:4]
    for candidate in (source, *(base / source for base in bases)):
        if candidate.is_file():
            try:
                document = load_document(candidate)
            except JixiaoError:
                return None
            return document.match_text if document.sha256 == report.source.sha256 else None
    return None


__all__ = ["LOCK_KIND", "REPORT_SUFFIX", "Inputs", "load_saved_report", "report_files", "source_text"]
