"""Exports of a store: XLSX, CSV (one file per table), JSONL (one report per line), Parquet (if pyarrow is there).

The format follows the target's suffix. CSV is written UTF-8 with a BOM, because Excel on Chinese Windows
reads a BOM-less CSV as GBK and garbles every header. Besides the tables of what was read, every format lists
the documents that were not: files that failed, with their reason, and files in which nothing was found.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from jixiao.checks import run_checks
from jixiao.errors import ConfigError
from jixiao.model import reading_status
from jixiao.review.export_unread import Unread
from jixiao.review.spreadsheet import safe_cell
from jixiao.review.states import ReviewedResult, review_record, reviewed_results
from jixiao.review.tables import TABLES, UNREAD_COLUMNS, Column, Row
from jixiao.review.xlsx import write_xlsx
from jixiao.series import with_findings_across_years
from jixiao.store import Store, StoredFailure, StoredResult

FORMATS = (".xlsx", ".csv", ".jsonl", ".parquet")


def table_path(target: Path, table: str) -> Path:
    """`results.csv` -> `results_reports.csv`, `results_funding.csv`, …"""
    return target.with_name(f"{target.stem}_{table}{target.suffix}")


def export(store: Store, target: Path, *, extractor: str | None = None) -> list[Path]:
    """Write the store's results to `target` in the format its suffix names; return the files written."""
    suffix = target.suffix.lower()
    if suffix not in FORMATS:
        raise ConfigError(f"{target}: cannot export to '{suffix or '(no suffix)'}' (choose from: {', '.join(FORMATS)})")
    if suffix == ".parquet":
        _require_pyarrow()
    target.parent.mkdir(parents=True, exist_ok=True)
    across = with_findings_across_years(store, store.results(extractor, with_text=False))
    results = reviewed_results(store, across, run_checks)
    failures = store.failures(extractor)
    if suffix == ".xlsx":
        write_xlsx(results, target, failures)
        return [target]
    if suffix == ".csv":
        return write_csv(results, target, failures)
    if suffix == ".jsonl":
        write_jsonl(results, target, failures)
        return [target]
    return write_parquet(results, target, failures)


def write_csv(results: Iterable[StoredResult], target: Path, failures: Sequence[StoredFailure] = ()) -> list[Path]:
    paths = [table_path(target, table.name) for table in TABLES]
    unread = Unread(failures)
    handles = [path.open("w", encoding="utf-8-sig", newline="") for path in paths]
    try:
        writers = [csv.writer(handle) for handle in handles]
        for table, writer in zip(TABLES, writers, strict=True):
            writer.writerow([column.header for column in table.columns])
        for result in unread.watch(results):
            for table, writer in zip(TABLES, writers, strict=True):
                writer.writerows([safe_cell(value) for value in row] for row in table.rows(result))
    finally:
        for handle in handles:
            handle.close()
    unread_path = table_path(target, "unread")
    with unread_path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([column.header for column in UNREAD_COLUMNS])
        writer.writerows([safe_cell(value) for value in row] for row in unread.rows)
    return [*paths, unread_path]


def write_jsonl(results: Iterable[StoredResult], target: Path, failures: Sequence[StoredFailure] = ()) -> None:
    """One line per report (where it came from, its reading status, the report, its findings), then one line
    per file that could not be read, with its reason."""
    with target.open("w", encoding="utf-8") as handle:
        for result in results:
            line = {
                "path": result.document.path,
                "status": reading_status(result.report).value,
                "report": result.report.model_dump(mode="json"),
                "findings": [finding.model_dump(mode="json") for finding in result.findings],
            }
            if isinstance(result, ReviewedResult) and result.review is not None:
                line["review"] = review_record(result.review)
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        for failure in failures:
            line = {"path": failure.path, "status": "failed", "reason": failure.reason, "extractor": failure.extractor}
            handle.write(json.dumps(line, ensure_ascii=False) + "\n")


def _require_pyarrow() -> None:
    try:
        import pyarrow  # noqa: F401
    except ImportError:
        raise ConfigError("parquet export needs pyarrow, which is not installed: pip install pyarrow") from None


def _arrow_type(pa: Any, column: Column) -> Any:
    if column.integer:
        return pa.int64()
    return pa.float64() if column.number else pa.string()


def write_parquet(results: Iterable[StoredResult], target: Path, failures: Sequence[StoredFailure] = ()) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    unread = Unread(failures)
    rows: dict[str, list[Row]] = {table.name: [] for table in TABLES}
    for result in unread.watch(results):
        for table in TABLES:
            rows[table.name].extend(table.rows(result))
    tables = [(table.name, table.columns, rows[table.name]) for table in TABLES]
    paths = []
    for name, columns, table_rows in [*tables, ("unread", UNREAD_COLUMNS, unread.rows)]:
        arrays = {
            column.key: pa.array([row[index] for row in table_rows], type=_arrow_type(pa, column))
            for index, column in enumerate(columns)
        }
        path = table_path(target, name)
        pq.write_table(pa.table(arrays), path)
        paths.append(path)
    return paths
