"""Table layouts from held-out set 8 (invented figures and names, in the layouts real reports print)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
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
