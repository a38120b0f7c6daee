"""The 预算执行情况 block of a 湖北-style 自评表 squashed by a docx preview: cells glued, OCR debris in the header
(written by us, invented names and figures)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.documents.tables.headers import role_of
from jixiao.extract import extract
from jixiao.model import Funding

_HEAD = "项目名称村道养护补助主管部门某镇人民政府预算执行情况(万元)(20分)预算数(A)执行数(B)"
_TAIL = "年度绩效目标(80分)一级指标二级指标三级指标年初目标值(A)实际完成值(B)得分"


def _funding(raw: str, tmp_path: Path) -> Funding:
    path = tmp_path / "preview.txt"
    path.write_text(raw, encoding="utf-8")
    return extract(load_document(path), "rules").funding


def _shown(funding: Funding) -> dict[str, str | None]:
    figures = {
        "budget": funding.budget.total,
        "executed": funding.executed.total,
        "rate": funding.execution_rate,
        "weight": funding.execution_weight,
        "score": funding.execution_score,
    }
    return {name: figure.text if figure else None for name, figure in figures.items()}


def test_a_rate_printed_as_a_fraction_and_the_score_glued_after_the_executed_amount_are_cut_off(
    tmp_path: Path,
) -> None:
    raw = f"{_HEAD}执行率(B/A)得分(20分*执行率)年度财政资金总额12.5012.50120{_TAIL}"
    # 12.50 | 12.50 | 1 | 20: the rate 1 is executed over budget as a fraction, read as 100 % (as the
    # funding table reads every fraction its row's amounts confirm)
    funding = _funding(raw, tmp_path)
    assert _shown(funding) == {
        "budget": "12.50",
        "executed": "12.50",
        "rate": "1",
        "weight": "20",
        "score": "20",
    }
    assert funding.execution_rate is not None and funding.execution_rate.value == 100


def test_a_glued_tail_whose_rate_disagrees_with_the_amounts_is_not_cut(tmp_path: Path) -> None:
    raw = f"{_HEAD}执行率(B/A)得分(20分*执行率)年度财政资金总额12.5011.00120{_TAIL}"
    # 11.00 over 12.50 is 0.88: neither 1 nor 12 is that rate, so no score is taken from the digits
    assert _shown(_funding(raw, tmp_path))["score"] is None


def test_a_rate_headers_closing_bracket_read_as_1_still_heads_the_rate_and_the_score_after_it(
    tmp_path: Path,
) -> None:
    raw = f"{_HEAD}执行率(B/A1得分(20分*执行率)年度财政 资金总额40.0040.00100%20{_TAIL}"
    assert _shown(_funding(raw, tmp_path)) == {
        "budget": "40.00",
        "executed": "40.00",
        "rate": "100%",
        "weight": "20",
        "score": "20",
    }


def test_a_bracket_read_as_1_is_a_column_tag_only_where_it_closes_the_tag() -> None:
    assert role_of("执行率(B/A1") is not None
    assert role_of("执行率(B/A12") is None
