"""Layouts of held-out set 16 (written by us, invented names and figures): 指标性质 cells printing a form's code
before the comparator (`004 >=`), a value scaled by 亿 over a 度量单位 of its own, and whole rows that end a cut
text with points missing."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.documents.tables.shapes import Shape, shaped
from jixiao.documents.tables.wrapped_cells import is_rejoined
from jixiao.extract import extract
from jixiao.model import Figure, Op, Report
from jixiao.vocabulary import op_of


def _report(raw: str, tmp_path: Path) -> Report:
    path = tmp_path / "form.txt"
    path.write_text(raw, encoding="utf-8")
    return extract(load_document(path), "rules")


def _read(figure: Figure | None) -> tuple[str, float | None, str | None, str | None] | None:
    if figure is None:
        return None
    return figure.text, figure.value, figure.unit, figure.op.value if figure.op else None


def test_a_coded_comparator_is_the_comparator_and_never_a_value() -> None:
    assert (op_of("004 >="), op_of("005 <="), op_of("012 ≥")) == (Op.GE, Op.LE, Op.GE)
    assert shaped("004 >=", False)[0] is Shape.OP
    assert op_of("004") is None and op_of("4 >=") is None  # a code alone, or a number that is no code
    assert shaped("20 >=", False)[0] is not Shape.OP


_HEADER = (
    "项目支出绩效指标表 | |||||\n"
    "绩效指标 | 年度指标值 | 实际完成值 | 分值 | 得分 | 偏差原因分析及改进措施 | ||||||\n"
    "一级 指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位 | ||||||\n"
)


def test_rows_with_coded_comparators_keep_their_targets_actuals_and_points(tmp_path: Path) -> None:
    report = _report(
        _HEADER + "产出指标 | 数量指标 | 走访企业户数 | 004 >= | 40 | 户 | 52 | 30.00 | 30.00 | |||\n"
        "产出指标 | 成本指标 | 走访经费支出 | 005 <= | 6 | 万元 | 5.8 | 20.00 | 20.00 | |||\n"
        "效益指标 | 经济效益 | 带动企业新增投资 | 004 >= | 2亿 | 元 | 2.5亿 | 40.00 | 38.00 | |||\n"
        "总分 | 100 | 98 |\n",
        tmp_path,
    )
    first, second, third = report.indicators
    assert (_read(first.target), _read(first.actual)) == (("40", 40, "户", "≥"), ("52", 52, "户", None))
    assert (_read(second.target), second.weight and second.weight.text) == (("6", 6, "万元", "≤"), "20.00")
    assert (_read(third.target), _read(third.actual)) == (("2亿", 2, "亿元", "≥"), ("2.5亿", 2.5, "亿元", None))
    assert not report.truncated  # a 总分 row closes the table


def test_whole_rows_ending_the_text_with_points_missing_are_a_cut_table(tmp_path: Path) -> None:
    rows = (
        "产出指标 | 数量指标 | 走访企业户数 | 004 >= | 40 | 户 | 52 | 30.00 | 30.00 | |||\n"
        "产出指标 | 成本指标 | 走访经费支出 | 005 <= | 6 | 万元 | 5.8 | 20.00 | 20.00 | |||\n"
    )
    cut = _report(_HEADER + rows, tmp_path)
    assert cut.truncated and len(cut.indicators) == 2
    last = "效益指标 | 经济效益 | 带动企业新增投资 | 004 >= | 2亿 | 元 | 2.5亿 | 40.00 | 38.00 |"
    whole = _report(_HEADER + rows + last, tmp_path)
    assert not whole.truncated  # 90 points printed: as many as a form gives its indicators


_SQUASHED = (
    "2022 年区级农产品流通补助资金项目自评表 单位名称:区农业农村局 项目名称 2022 年区级农产品流通补助资金 "
    "主管部门 区农业农村局 预算执行 情况(万元) (20 分) 一级指标 年度财政 资金总额 预算数 (A) 执行数(B) "
    "执行率(B/A) 得分 (20 分*执行率) 120.50 118.09 98% 19.6 三级指标 年初目标值 (A) 实际完成值 (B) 得分 "
    "新建冷链仓储库容(吨) 800 860 20 扶持农产品流通、电商经 营主体数量 12 12 20 补助资金拨付及时性 95%以上 "
    "100% 20 二级指标 数量指标 产出指标 (60 分) 时效指标 总分\n"
)


def test_a_squashed_name_wrapped_in_its_cell_is_one_name_not_a_level(tmp_path: Path) -> None:
    report = _report(_SQUASHED, tmp_path)
    names = {"".join(indicator.name.split()): indicator for indicator in report.indicators}
    assert "扶持农产品流通、电商经营主体数量" in names
    wrapped = names["扶持农产品流通、电商经营主体数量"]
    assert (wrapped.level2, _read(wrapped.actual)) == (None, ("12", 12, None, None))
    assert names["补助资金拨付及时性"].level2 is None  # no wrapped piece carried down as a level


def test_a_funding_line_printing_the_whole_forms_points_leaves_its_score_to_the_execution_row(tmp_path: Path) -> None:
    report = _report(
        "项目资金 (万元) | 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分 |\n"
        "年度资金总额 | 80万 | 80万 | 72万 | 100 | 90% | 96 |\n"
        "一级指标 | 二级指标 | 三级指标 | 年度 指标值 | 实际 完成值 | 分值 | 得分 | 偏差原因分析及改进措施 |\n"
        "产出指标 | 数量指标 | 预算执行率 | 100% | 90% | 20 | 18 | |\n"
        "产出指标 | 数量指标 | 巡查次数 | 12次 | 12次 | 10 | 10 | |\n",
        tmp_path,
    )
    funding = report.funding
    assert (_read(funding.execution_weight), _read(funding.execution_score)) == (
        ("20", 20, None, None),
        ("18", 18, None, None),
    )  # 100 and 96 are the whole form's points and score, not the line's


def test_worded_cells_a_preview_wrapped_at_their_columns_width_are_rejoined(tmp_path: Path) -> None:
    wrapped = "农产品品牌影响力 推广地标农 产品公用品 牌 公用品牌认 知度逐年上 升 20 "
    report = _report(_SQUASHED.replace("补助资金拨付及时性", wrapped + "补助资金拨付及时性"), tmp_path)
    names = {"".join(indicator.name.split()): indicator for indicator in report.indicators}
    brand = names["农产品品牌影响力"]
    assert brand.target is not None and brand.actual is not None and brand.score is not None
    assert ("".join(brand.target.text.split()), "".join(brand.actual.text.split()), brand.score.text) == (
        "推广地标农产品公用品牌",
        "公用品牌认知度逐年上升",
        "20",
    )


def test_four_char_words_a_space_apart_are_cells_of_their_own() -> None:
    assert is_rejoined("推广地标农 产品公用品 牌") and not is_rejoined("定性评价 走访记录")
