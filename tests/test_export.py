"""Exports: XLSX with Chinese headers, frozen header and numbers as numbers; CSV with BOM; JSONL; Parquet."""

from __future__ import annotations

import csv
import json
import shutil
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from conftest import SAMPLES
from jixiao.batch import Job, run_batch
from jixiao.checks import run_checks
from jixiao.cli import app
from jixiao.errors import ConfigError
from jixiao.review import export
from jixiao.review.tables import TABLES
from jixiao.sinks import StoreSink
from jixiao.store import Store

runner = CliRunner()


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    folder = tmp_path / "reports"
    folder.mkdir()
    for path in SAMPLES.glob("seed_*.txt"):
        shutil.copy(path, folder / path.name)
    db = tmp_path / "j.db"
    with Store(db) as store:
        tally = run_batch(StoreSink(store), sorted(folder.glob("*.txt")), Job("rules", "rules", checker=run_checks))
    assert tally.done == 2
    return db


def test_xlsx_has_one_sheet_per_table_with_chinese_headers_frozen_and_numbers(store_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "results.xlsx"
    result = runner.invoke(app, ["export", "--db", str(store_path), "--to", str(target)])
    assert result.exit_code == 0, result.output
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["报告", "资金来源", "支出结构", "绩效指标", "核查发现"]
    reports = workbook["报告"]
    assert reports.freeze_panes == "A2"
    header = [cell.value for cell in reports[1]]
    assert header[:4] == ["报告序号", "文件", "地区", "年度"]
    rows = {row[header.index("地区")]: row for row in reports.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"额尔古纳市", "扎兰屯市"}
    zalantun = rows["扎兰屯市"]
    assert zalantun[header.index("年度")] == 2025
    assert zalantun[header.index("预算数（万元）")] == pytest.approx(3877.67)
    assert zalantun[header.index("执行率（%）")] == pytest.approx(99.57)
    indicators = workbook["绩效指标"]
    indicator_header = [cell.value for cell in indicators[1]]
    actuals = [row[indicator_header.index("实际完成值")] for row in indicators.iter_rows(min_row=2, values_only=True)]
    assert 2781 in actuals
    assert all(value is None or isinstance(value, (int, float)) for value in actuals)
    findings = workbook["核查发现"]
    assert findings.max_row - 1 == sum(1 for _ in Store(store_path).connection.execute("SELECT id FROM findings"))


def test_csv_files_per_table_are_utf8_with_bom(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path) as store:
        written = export(store, tmp_path / "out" / "results.csv")
    assert [path.name for path in written] == [f"results_{table.name}.csv" for table in TABLES]
    raw = written[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    with written[0].open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["报告序号", "文件", "地区"]
    assert len(rows) == 3


def test_jsonl_has_one_report_per_line_with_its_findings(store_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "results.jsonl"
    with Store(store_path) as store:
        export(store, target)
        finding_count = store.count("findings")
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert len(lines) == 2
    assert {line["report"]["region"] for line in lines} == {"额尔古纳市", "扎兰屯市"}
    assert sum(len(line["findings"]) for line in lines) == finding_count


def test_parquet_without_pyarrow_is_a_clear_error(
    store_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import fails as if it were not installed
    result = runner.invoke(app, ["export", "--db", str(store_path), "--to", str(tmp_path / "r.parquet")])
    assert result.exit_code == 2
    assert "parquet export needs pyarrow" in result.output
    assert "pip install pyarrow" in result.output


def test_parquet_tables_keep_numbers_typed(store_path: Path, tmp_path: Path) -> None:
    parquet = pytest.importorskip("pyarrow.parquet")
    with Store(store_path) as store:
        written = export(store, tmp_path / "r.parquet")
    reports = parquet.read_table(written[0])
    assert str(reports.schema.field("year").type) == "int64"
    assert str(reports.schema.field("budget").type) == "double"
    assert sorted(reports.column("region").to_pylist()) == ["扎兰屯市", "额尔古纳市"]


def test_unknown_export_format_names_the_choices(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path) as store, pytest.raises(ConfigError, match=r"\.xlsx, \.csv, \.jsonl, \.parquet"):
        export(store, tmp_path / "r.pdf")


def test_export_of_a_missing_store_says_so(tmp_path: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db"), "--to", str(tmp_path / "r.xlsx")])
    assert result.exit_code == 2
    assert "no such store" in result.output
