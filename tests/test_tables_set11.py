"""Table layouts from held-out set 11 (invented figures and names, in the layouts real reports print)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.extract import extract
from jixiao.model import Report

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
