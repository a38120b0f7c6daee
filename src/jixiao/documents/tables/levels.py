"""The pre-printed first- and second-level indicator names (DOMAIN.md §1.4, §4), used to place cells."""

from __future__ import annotations

import re

LEVEL1_OF: dict[str, str] = {
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标",
}  # fmt: skip
LEVEL1_WORDS = ("产出指标", "效益指标", "满意度指标", "成本指标")
TOTAL_WORDS = re.compile(r"^(?:总分|合计|总计|总得分|自评总分|综合得分)[:：]?$")
_LEVEL1 = re.compile(r"^(?:产出|效益|满意度|成本)指标(?:[（(]\d+(?:\.\d+)?分?[)）])?$")
_LEVEL2 = re.compile(
    r"^(?:" + "|".join(sorted(LEVEL1_OF, key=len, reverse=True)) + r")(?:[（(]\d+(?:\.\d+)?分?[)）])?$"
)
LEVEL_PREFIX = re.compile(
    r"(?:产出|效益|满意度|成本)指标(?:[（(]\d+(?:\.\d+)?分?[)）])?|"
    + "|".join(sorted(LEVEL1_OF, key=len, reverse=True))
)


def is_level1(text: str) -> bool:
    return bool(_LEVEL1.match(text.strip()))


def is_level2(text: str) -> bool:
    return bool(_LEVEL2.match(text.strip())) and not is_level1(text)


def is_total(text: str) -> bool:
    return bool(TOTAL_WORDS.match(text.strip()))
