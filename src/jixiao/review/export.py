"""Exports of a store: XLSX, CSV (one file per table), JSONL (one report per line), Parquet (if pyarrow is there).

The format follows the target's suffix. CSV is written UTF-8 with a BOM, because Excel on Chinese Windows
reads a BOM-less CSV as GBK and garbles every header.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from jixiao.checks import run_checks
from jixiao.errors import ConfigError
from jixiao.review.spreadsheet import safe_cell
from jixiao.review.states import ReviewedResult, review_record, reviewed_results
from jixiao.review.tables import TABLES, Column, Row
from jixiao.review.xlsx import write_xlsx
from jixiao.series import with_findings_across_years
from jixiao.store import Store, StoredResult

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
    if suffix == ".xlsx":
        write_xlsx(results, target)
        return [target]
    if suffix == ".csv":
        return write_csv(results, target)
    if suffix == ".jsonl":
        write_jsonl(results, target)
        return [target]
    return write_parquet(results, target)


def write_csv(results: Iterable[StoredResult], target: Path) -> list[Path]:
    paths = [table_path(target, table.name) for table in TABLES]
    handles = [path.open("w", encoding="utf-8-sig", newline="") for path in paths]
    try:
        writers = [csv.writer(handle) for handle in handles]
        for table, writer in zip(TABLES, writers, strict=True):
            writer.writerow([column.header for column in table.columns])
        for result in results:
            for table, writer in zip(TABLES, writers, strict=True):
                writer.writerows([safe_cell(value) for value in row] for row in table.rows(result))
    finally:
        for handle in handles:
            handle.close()
    return paths


def write_jsonl(results: Iterable[StoredResult], target: Path) -> None:
    """One line per report: where it came from, the report, and its findings."""
    with target.open("w", encoding="utf-8") as handle:
        for result in results:
            line = {
                "path": result.document.path,
                "report": result.report.model_dump(mode="json"),
                "findings": [finding.model_dump(mode="json") for finding in result.findings],
            }
            if isinstance(result, ReviewedResult) and result.review is not None:
                line["review"] = review_record(result.review)
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


def write_parquet(results: Iterable[StoredResult], target: Path) -> list[Path]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    rows: dict[str, list[Row]] = {table.name: [] for table in TABLES}
    for result in results:
        for table in TABLES:
            rows[table.name].extend(table.rows(result))
    paths = []
    for table in TABLES:
        columns = {
            column.key: pa.array(
                [row[index] for row in rows[table.name]],
                type=_arrow_type(pa, column),
            )
            for index, column in enumerate(table.columns)
        }
        path = table_path(target, table.name)
        pq.write_table(pa.table(columns), path)
        paths.append(path)
    return paths
