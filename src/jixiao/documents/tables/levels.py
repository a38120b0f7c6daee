"""The pre-printed first- and second-level indicator names (DOMAIN.md §1.4, §4), used to place cells."""

from __future__ import annotations

import re

LEVEL1_OF: dict[str, str] = {
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标",
}  # fmt: skip
TOTAL_WORDS = re.compile(r"^(?:总分|合计|总计|总得分|自评总分|综合得分|自评得分)[:：]?$")
GRADE_WORDS = re.compile(r"^(?:自评等级|评价等级|绩效等级|等级|自评结论|评价结论|自评结果)[:：]?$")
GRADE_INLINE = re.compile(
    r"^(?:自评等级|评价等级|绩效等级|等级|自评结论|评价结论|自评结果)[:：]?(?P<grade>优秀|良好|合格|不合格|优|良|中|差)$"
)
_LEVEL1 = re.compile(r"^(?:产出|效益|满意度|成本)指标(?:[（(]\d+(?:\.\d+)?分?[)）])?$")
_LEVEL2 = re.compile(
    r"^(?:" + "|".join(sorted(LEVEL1_OF, key=len, reverse=True)) + r")(?:[（(]\d+(?:\.\d+)?分?[)）])?$"
)
LEVEL_PREFIX = re.compile(
    r"(?:产出|效益|满意度|成本)指标(?:[（(]\d+(?:\.\d+)?分?[)）])?|"
    + "|".join(sorted(LEVEL1_OF, key=len, reverse=True))
)


def _compact(text: str) -> str:
    return "".join(text.split())  # a PDF cell broken over lines: "服务对象满意度 指标"


def is_level1(text: str) -> bool:
    return bool(_LEVEL1.match(_compact(text)))


def is_level2(text: str) -> bool:
    return bool(_LEVEL2.match(_compact(text))) and not is_level1(text)


def is_total(text: str) -> bool:
    """A footer row: 总分 (total score) or 自评等级 (grade)."""
    return bool(TOTAL_WORDS.match(_compact(text)) or GRADE_WORDS.match(_compact(text)))


def is_grade(text: str) -> bool:
    return bool(GRADE_WORDS.match(_compact(text)))
