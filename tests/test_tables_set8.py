"""Table layouts from held-out set 8 (invented figures and names, in the layouts real reports print)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.documents.normalize import normalize
from jixiao.documents.tables import find_tables
from jixiao.documents.tables.table import Kind, Role
from jixiao.extract import extract
from jixiao.model import Indicator

_HEADER = (
    "| 一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | 完成值 | 权重 | 得分 | 未完成原因分析 |\n"
    "| 产出指标 | 数量指标 | 巡护检查次数(次) | ≥ | 4 | 次 | 5 | 20 | 20 | |\n"
)


def _last(raw: str, tmp_path: Path) -> Indicator:
    path = tmp_path / "cut.txt"
    path.write_text(_HEADER + raw, encoding="utf-8")
    report = extract(load_document(path), "rules")
    assert report.truncated
    return report.indicators[-1]


def _text(indicator: Indicator, name: str) -> str | None:
    figure = getattr(indicator, name)
    return None if figure is None else figure.text


def test_a_pipe_row_cut_on_the_space_after_a_cell_keeps_that_cell_in_the_next_column(tmp_path: Path) -> None:
    row = _last("| 质量指标 | 验收合格率 | ≥ | 95 | % | 97 ", tmp_path)
    assert (_text(row, "target"), _text(row, "actual"), row.weight) == ("95", "97", None)
    assert row.actual is not None and row.actual.unit == "%"  # the bare 完成值 takes the row's 度量单位


def test_a_pipe_row_cut_inside_a_cell_leaves_that_cell_unread(tmp_path: Path) -> None:
    row = _last("| 质量指标 | 验收合格率 | ≥ | 95 | % | 97", tmp_path)
    assert _text(row, "target") == "95" and row.actual is None and row.weight is None


def test_a_printed_blank_cell_before_the_cut_keeps_the_value_where_the_aligner_put_it(tmp_path: Path) -> None:
    row = _last("| 质量指标 | 验收合格率 | ≥ | 95 | % | | 20 ", tmp_path)
    assert row.actual is None and _text(row, "weight") == "20"


# numbered rows whose names and values a squashed sheet printed apart (invented figures)

_SHEET = "一级指标 二级指标 三级指标 指标值 完成值 分值 得分 偏差原因分析及改进措施 产出指标 数量指标 "


def _rows(raw: str) -> list[dict[str, str]]:
    text, origin = normalize(raw)
    tables = [table for table in find_tables(text, origin) if table.kind is Kind.INDICATORS]
    return [{role.value: cell.text for role, cell in row.cells.items()} for row in tables[0].rows]


def _figures(row: dict[str, str]) -> tuple[str, ...]:
    return tuple(row.get(role, "") for role in ("name", "target", "actual", "weight", "score"))


def test_names_printed_before_their_value_groups_get_them_in_order() -> None:
    rows = _rows(_SHEET + "指标1:新建步道长 度 指标2:配套座椅数量 12公里 12公里 20 20 40组 36组 10 9\n")
    assert [_figures(row) for row in rows[:2]] == [
        ("指标1:新建步道长 度", "12公里", "12公里", "20", "20"),
        ("指标2:配套座椅数量", "40组", "36组", "10", "9"),
    ]


def test_value_groups_printed_before_their_names_and_the_total_go_back_in_order() -> None:
    raw = (
        _SHEET + "指标1:新建步道长度 12公里 12公里 20 20 40组 36组 10 9 98% 99% 10 10 100 96 "
        "指标2:配套座椅数量 满意度指标 服务对象满意度指标 指标1:游客满意度 总分\n"
    )
    rows = _rows(raw)
    assert [_figures(row) for row in rows[:3]] == [
        ("指标1:新建步道长度", "12公里", "12公里", "20", "20"),
        ("指标2:配套座椅数量", "40组", "36组", "10", "9"),
        ("指标1:游客满意度", "98%", "99%", "10", "10"),
    ]
    assert (rows[-1]["label"], rows[-1]["weight"], rows[-1]["score"]) == ("总分", "100", "96")


def test_a_run_whose_length_or_points_do_not_fit_the_waiting_names_is_not_paired_with_them() -> None:
    short = _SHEET + "指标1:新建步道长度 指标2:配套座椅数量 12公里 12公里 20 20 40组 36组 10\n"
    scored_over = _SHEET + "指标1:新建步道长度 指标2:配套座椅数量 12公里 12公里 20 20 40组 36组 10 12\n"
    for raw in (short, scored_over):
        first = next(row for row in _rows(raw) if row.get("name", "").startswith("指标1"))
        assert "target" not in first and "weight" not in first


def test_a_pipe_funding_row_that_prints_no_blank_cell_is_read_only_where_its_rate_bears_the_columns_out() -> None:
    header = "| 项目资金(万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
    text, origin = normalize(header + "| 年度资金总额 | 36.40 | 35.10 | 10 | 96.43% | 9.6 |\n")
    (table,) = find_tables(text, origin)
    # not 执行 10 over 全年 35.10: placed from the right, 35.10 / 36.40 = 96.43%; 36.40's column stays open
    assert {role: cell.text for role, cell in table.rows[0].cells.items() if role is not Role.LABEL} == {
        Role.EXECUTED: "35.10",
        Role.WEIGHT: "10",
        Role.RATE: "96.43%",
        Role.SCORE: "9.6",
    }
    text, origin = normalize(header + "| 年度资金总额 | 36.40 | 35.10 | 10 | 91.00% | 9.6 |\n")
    (table,) = find_tables(text, origin)
    assert [set(row.cells) for row in table.rows] == [{Role.LABEL}]  # no placement its rate bears out
    text, origin = normalize(header + "| 年度资金总额 | | 36.40 | 35.10 | 10 | 96.43% | 9.6 |\n")
    (table,) = find_tables(text, origin)
    assert table.rows[0].cells[Role.EXECUTED].text == "35.10"  # the printed blank settles the columns
