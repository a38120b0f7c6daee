"""Level words as tables print them: glued to a name, and the footer rows (总分, 自评等级)."""

from __future__ import annotations

import re

from jixiao.vocabulary import LEVEL1_OF, POINTS, is_level1, is_level2

TOTAL_WORDS = re.compile(r"^(?:总分|合计|总计|总得分|自评总分|综合得分|自评得分)(?:[（(]分[)）])?[:：]?$")
GRADE_WORDS = re.compile(r"^(?:自评等级|评价等级|绩效等级|等级|自评结论|评价结论|自评结果)[:：]?$")
OTHER_MATTERS = re.compile(r"^其他需要说明(?:的)?(?:事项|情况|问题)[:：]?$")
"""`其他需要说明事项 | 无 | 总分 | …`: the footer line of the 财预〔2020〕10号 annex, after the last indicator."""
GRADE_INLINE = re.compile(
    r"^(?:自评等级|评价等级|绩效等级|等级|自评结论|评价结论|自评结果)[:：]?(?P<grade>优秀|良好|合格|不合格|优|良|中|差)$"
)
LEVEL_PREFIX = re.compile(
    rf"(?:产出|效益|满意度|成本)指标(?:{POINTS})?|" + "|".join(sorted(LEVEL1_OF, key=len, reverse=True))
)
"""A level word at the start of a glued cell (T4: `产出指标数量指标城镇新增就业人数`)."""


def _compact(text: str) -> str:
    return "".join(text.split())  # a PDF cell broken over lines: "服务对象满意度 指标"


def is_total(text: str) -> bool:
    """A footer row: 总分 (total score) or 自评等级 (grade)."""
    return bool(TOTAL_WORDS.match(_compact(text)) or GRADE_WORDS.match(_compact(text)))


def is_grade(text: str) -> bool:
    return bool(GRADE_WORDS.match(_compact(text)))


__all__ = [
    "GRADE_INLINE",
    "LEVEL1_OF",
    "LEVEL_PREFIX",
    "OTHER_MATTERS",
    "is_grade",
    "is_level1",
    "is_level2",
    "is_total",
]
