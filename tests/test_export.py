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
    assert workbook.sheetnames == ["报告", "资金来源", "支出结构", "绩效指标", "核查发现", "未读取文档"]
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
    assert findings.max_row - 1 == Store(store_path).count("findings")


def test_csv_files_per_table_are_utf8_with_bom(store_path: Path, tmp_path: Path) -> None:
    with Store(store_path) as store:
        written = export(store, tmp_path / "out" / "results.csv")
    assert [path.name for path in written] == [*(f"results_{table.name}.csv" for table in TABLES), "results_unread.csv"]
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


@pytest.fixture
def mixed_store(tmp_path: Path) -> Path:
    """Two seeds, a notice with no figure in it, and a file that cannot be read."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in SAMPLES.glob("seed_*.txt"):
        shutil.copy(path, folder / path.name)
    (folder / "notice.txt").write_text(
        "关于做好财政资金管理工作的通知\n\n请各单位认真做好有关工作。\n" * 3, encoding="utf-8"
    )
    (folder / "broken.txt").write_bytes(b"")
    db = tmp_path / "mixed.db"
    with Store(db) as store:
        run_batch(StoreSink(store), sorted(folder.glob("*.txt")), Job("rules", "rules", checker=run_checks))
    return db


def test_every_sheet_pivots_by_region_year_fund_and_status(mixed_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "pivot.xlsx"
    with Store(mixed_store) as store:
        export(store, target)
    workbook = load_workbook(target)
    assert workbook.sheetnames == ["报告", "资金来源", "支出结构", "绩效指标", "核查发现", "未读取文档"]
    for title in workbook.sheetnames[:5]:
        sheet = workbook[title]
        header = [cell.value for cell in sheet[1]]
        assert header[:6] == ["报告序号", "文件", "地区", "年度", "资金名称", "读取状态"], title
        assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, len(header)).column_letter}{sheet.max_row}", title
        assert sheet.column_dimensions["B"].width >= 30  # 文件 is wide enough to read
    reports = {row[1].rsplit("/", 1)[-1]: row for row in workbook["报告"].iter_rows(min_row=2, values_only=True)}
    assert reports["notice.txt"][5] == "未找到数据" and reports["seed_zalantun_2025.txt"][5] == "已读取"
    funding = workbook["资金来源"]
    levels = {row[7] for row in funding.iter_rows(min_row=2, values_only=True)}
    assert {"合计", "中央", "省级"} <= levels and not levels & {"central", "provincial", "county"}
    rows = list(funding.iter_rows(min_row=2, values_only=True))
    assert all(row[2] and row[3] and row[4] for row in rows)  # 地区, 年度, 资金名称 on every funding row


def test_documents_not_read_have_a_sheet_with_their_reason(mixed_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "unread.xlsx"
    with Store(mixed_store) as store:
        export(store, target)
    sheet = load_workbook(target)["未读取文档"]
    assert [cell.value for cell in sheet[1]] == ["文件", "读取状态", "原因", "抽取方式"]
    rows = {row[0].rsplit("/", 1)[-1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert set(rows) == {"broken.txt", "notice.txt"}
    assert rows["broken.txt"][1:3] == ("读取失败", "empty file")
    assert rows["notice.txt"][1] == "未找到数据" and "未找到资金、指标或得分" in rows["notice.txt"][2]
    assert sheet.auto_filter.ref == "A1:D3"


def test_findings_name_their_figures_in_words_with_the_path_beside(store_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "words.xlsx"
    with Store(store_path) as store:
        export(store, target)
    sheet = load_workbook(target)["核查发现"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=True)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    negative = next(row for row in rows if row["规则"] == "indicators.count_value")
    assert negative["涉及数字"].startswith("指标「城镇新增就业人数」实际完成值 -61")
    assert negative["数字路径"].startswith("indicators[") and negative["数字路径"].endswith("].actual")
    assert not any(row["涉及数字"] and "indicators[" in row["涉及数字"] for row in rows)


def test_csv_and_jsonl_list_the_documents_not_read(mixed_store: Path, tmp_path: Path) -> None:
    with Store(mixed_store) as store:
        written = export(store, tmp_path / "out" / "r.csv")
        export(store, tmp_path / "r.jsonl")
    assert written[-1].name == "r_unread.csv"
    with written[-1].open(encoding="utf-8-sig", newline="") as handle:
        unread = list(csv.reader(handle))
    assert len(unread) == 3 and unread[0][:3] == ["文件", "读取状态", "原因"]
    lines = [json.loads(line) for line in (tmp_path / "r.jsonl").read_text(encoding="utf-8").splitlines()]
    assert {line["status"] for line in lines} == {"read", "nothing", "failed"}
    assert next(line for line in lines if line["status"] == "failed")["reason"] == "empty file"
