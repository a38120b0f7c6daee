"""Table layouts from held-out set 11 (invented figures and names, in the layouts real reports print)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.extract import extract
from jixiao.model import Figure, Report

# a transfer-payment 自评表 squashed a row per line (T3): the label cell's unit and the rate's column letters
# wrapped onto the next line, the 一级指标 cells printed a character per line, a 二级指标 cell wrapped before 指标
_FORM = """小型水库维修养护补助资金绩效自评表
( 2024 年度)
资金投入情况
(万元) 全年预算数( A ) 全年执行数( B ) 分值 预算执行率
( B/A×100%) 得分
年度资金总额: 36 35.1 10 97.5% 9.75
其中:中央财政资金 36 35.1 ——
地方财政资金 ——
绩 效 指 标 一级指标 二级指标 三级指标 年度指标值 全年完成值 分值 得分 未完成原因和改进措施
产
出
指
标 数量指标 维修养护水库座数 ≥12座 12座 30 30
质量指标 维修工程验收合格率 100% 100% 20 20
效
益
指
标 社会效益
指标 下游受益人口 ≥2.4万人 2.5万人 20 20
"""


def _report(tmp_path: Path) -> Report:
    path = tmp_path / "form.txt"
    path.write_text(_FORM, encoding="utf-8")
    return extract(load_document(path), "rules")


def test_a_funding_header_whose_label_and_rate_wrapped_is_still_read(tmp_path: Path) -> None:
    funding = _report(tmp_path).funding
    assert funding.budget.total is not None and funding.budget.total.text == "36"
    assert funding.executed.total is not None and funding.executed.total.text == "35.1"
    assert funding.execution_rate is not None and funding.execution_rate.text == "97.5%"


def test_levels_printed_a_character_per_line_give_each_row_its_category(tmp_path: Path) -> None:
    categories = {row.name: f"{row.level1}/{row.level2}" for row in _report(tmp_path).indicators}
    assert categories["维修养护水库座数"] == "产出指标/数量指标"
    assert categories["维修工程验收合格率"] == "产出指标/质量指标"
    assert categories["下游受益人口"] == "效益指标/社会效益指标"


# a 部门整体支出 sheet squashed a row per line (T3): the block label before the header, 绩效/实际 wrapped onto
# 目标值/完成值, a 评分标准 sentence between the values and the scores, a row glued to the reason before it, and
# the text cut inside the last row's criterion
_SHEET = """年度总体目标完成情况 预期目标 目标实际完成情况
做好全县气象观测站点的日常维护,提升预报服务能力,保障群众生产生活。 完成年度目标
年度绩效指标完成情况 一级指标 二级指标 三级指标 绩效 实际 评分标准 指标分值 自评得分 未完成原因
目标值 完成值
产出目标 数量目标 巡检观测站点个数 12个 12个 本指标满分8分,巡检站点达12个得8分,少一个扣1分,扣完为止。 8 8 已完成
发布预警信息条数 40条 38条 本指标满分8分,发布达40条得8分,少一条扣0.5分,扣完为止。 8 7 少两条
组织业务培训场次 3场 4场 本指标满分4分,组织培训达3场得4分,少一场扣"""


def _sheet(tmp_path: Path) -> Report:
    path = tmp_path / "sheet.txt"
    path.write_text(_SHEET, encoding="utf-8")
    return extract(load_document(path), "rules")


def _value(figure: Figure | None) -> float | None:
    return None if figure is None else figure.value


def test_a_criterion_sentence_between_a_rows_values_and_its_scores_is_one_cell(tmp_path: Path) -> None:
    rows = {row.name: row for row in _sheet(tmp_path).indicators}
    first, second = rows["巡检观测站点个数"], rows["发布预警信息条数"]
    assert (first.target and first.target.text, first.actual and first.actual.text) == ("12个", "12个")
    assert (_value(first.weight), _value(first.score)) == (8, 8)
    assert (second.target and second.target.text, second.actual and second.actual.text) == ("40条", "38条")
    assert (_value(second.weight), _value(second.score)) == (8, 7)
    assert f"{second.level1}/{second.level2}" == "产出目标/数量目标"


def test_a_criterion_cut_by_the_end_of_the_text_gives_no_score(tmp_path: Path) -> None:
    last = {row.name: row for row in _sheet(tmp_path).indicators}["组织业务培训场次"]
    assert (last.target and last.target.text, last.actual and last.actual.text) == ("3场", "4场")
    assert (last.weight, last.score) == (None, None)
