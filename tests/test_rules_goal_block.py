"""A form's 年度总体目标 block states the goal and its summary, not indicators (extract.rules.goal_block)."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.rules.goal_block import without_goal_blocks
from reading import rules_report

FORM = """项目支出绩效自评表
(2023年度)
项目名称 某某农技推广经费
年度总体目标 预期目标 实际完成情况
全年培训农民300人,推广新品种5个。 全年培训农民326人,推广新品种5个,参训农民满意度达98%。
一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
"""


def test_the_blocks_text_is_blanked_in_place() -> None:
    blanked = without_goal_blocks(FORM)
    assert len(blanked) == len(FORM) and blanked.count("\n") == FORM.count("\n")
    assert "满意度" not in blanked and "300人" not in blanked
    assert blanked.startswith(FORM[: FORM.index("全年培训")])  # the column words stay, and all before them
    assert blanked.endswith(FORM[FORM.index("一级指标") :])


def test_a_satisfaction_in_the_completion_text_is_no_indicator(tmp_path: Path) -> None:
    assert [indicator.name for indicator in rules_report(tmp_path, FORM).indicators] == []
    prose = FORM.replace("年度总体目标 预期目标 实际完成情况", "(一)年度总体目标完成情况")  # a report's heading
    names = [indicator.name for indicator in rules_report(tmp_path, prose).indicators]
    assert any("满意度" in name for name in names)
