"""Level words as tables print them: glued to a name (and cut from it), and the footer rows (总分, 自评等级)."""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import pairwise

from jixiao.documents.tables.table import Cell, cell_part, trimmed_cell
from jixiao.scan import skipping
from jixiao.vocabulary import LEVEL1_OF, LEVEL2_WORD, LEVEL_WORD, POINTS, is_level1, is_level2

TOTAL_WORDS = re.compile(
    r"^(?:总分|合计|总计|总得分|自评总分|综合得分|自评得分"
    r"|(?:得分|总分)(?:合计|总计)|(?:合计|总计)得分)"  # `得分合计 | 100`: the scores' total row
    r"(?:[（(]分[)）])?[:：]?$"
)
GRADE_WORDS = re.compile(r"^(?:自评等级|评价等级|绩效等级|等级|自评结论|评价结论|自评结果)[:：]?$")
OTHER_MATTERS = re.compile(r"^其他需要说明(?:的)?(?:事项|情况|问题)[:：]?$")
"""`其他需要说明事项 | 无 | 总分 | …`: the footer line of the 财预〔2020〕10号 annex, after the last indicator."""
GRADE_INLINE = re.compile(
    r"^(?:自评等级|评价等级|绩效等级|等级|自评结论|评价结论|自评结果)[:：]?(?P<grade>优秀|良好|合格|不合格|优|良|中|差)$"
)
_GOAL_LEVEL1 = re.compile(r"^(?:产出|效益|满意度)目标$")
_GOAL_LEVEL2 = re.compile(
    r"^(?:数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)目标$|^产出(?:数量|质量|时效|成本)$"
)
"""The levels as a template of 定量目标 tables names them (产出目标 / 数量目标), and the second levels that
repeat their first's word (产出数量, 产出时效): in a table's cells only, where nothing else is printed so
(prose's 年度目标, 总体目标 are other words)."""
LEVEL_PREFIX = re.compile(
    rf"(?:产出|效益|满意度|成本)指标(?:{POINTS})?|"
    + "|".join(sorted(LEVEL1_OF, key=len, reverse=True))
    + r"|(?:产出|效益|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)目标"
)
"""A level word at the start of a glued cell (T4: `产出指标数量指标城镇新增就业人数`, `产出目标数量目标…`)."""


_SHEET_LEVEL1 = frozenset({"投入", "过程", "产出", "效果"})
_SHEET_LEVEL2 = frozenset({"目标设定", "预算配置", "预算执行", "预算管理", "资产管理", "职责履行", "履职效益"})
"""The levels of the 部门整体支出 evaluation sheet (一级 投入/过程/产出/效果, 二级 预算配置 …), alone in a cell."""


def goal_level(key: str) -> int | None:
    """1 or 2 for a level named as a goal (`产出目标`, `数量目标`) or as the 部门整体 sheet names its levels
    (`投入`, `预算配置`), else None."""
    if key in _SHEET_LEVEL1 or _GOAL_LEVEL1.match(key):
        return 1
    return 2 if key in _SHEET_LEVEL2 or _GOAL_LEVEL2.match(key) else None


def _compact(text: str) -> str:
    return "".join(text.split())  # a PDF cell broken over lines: "服务对象满意度 指标"


def is_total(text: str) -> bool:
    """A footer row: 总分 (total score) or 自评等级 (grade)."""
    return bool(TOTAL_WORDS.match(_compact(text)) or GRADE_WORDS.match(_compact(text)))


def is_grade(text: str) -> bool:
    return bool(GRADE_WORDS.match(_compact(text)))


# not the tail of a longer level (`社会|成本指标`); a first level, or a page's repeated 绩效指标, when a level
# follows (`…动用库存绩效指标效益指标生态效益指标…`: a page break repeated the row-spanning cells)
_INNER_LEVEL = skipping(
    r"(?<=[\u4e00-\u9fff，,。；;])(?<!经济)(?<!社会)(?<!生态)(?<!环境)(?<!对象)"
    rf"(?:{LEVEL2_WORD}|(?:产出|效益|满意度|绩效)指标(?={LEVEL_WORD}))"
)


def inner_levels(cell: Cell) -> list[Cell]:
    """A glued cell cut before each second-level word inside it: the words before end the row above."""
    cuts = [match.start() for match in _INNER_LEVEL.finditer(cell.text)]
    if not cuts:
        return [cell]
    bounds = [0, *cuts, len(cell.text)]
    parts = [cell_part(cell, a, b) for a, b in pairwise(bounds)]
    return [piece for part in parts if part.text for piece in level_parts(part)]


def level_parts(cell: Cell) -> list[Cell]:
    """`产出指标数量指标城镇新增就业人数` → the level words and the name."""
    spans = level_spans(cell.text)
    if len(spans) == 1 and spans[0] == (0, len(cell.text)) and cell.end - cell.start == spans[0][1]:
        return [cell]  # most cells: no level word in them, the cell as it is
    return [Cell(cell.text[a:b], cell.start + a, cell.start + b) for a, b in spans]


@lru_cache(maxsize=16384)
def level_spans(text: str) -> tuple[tuple[int, int], ...]:
    parts: list[tuple[int, int]] = []
    offset = 0
    while (match := LEVEL_PREFIX.match(text, offset)) and match.end() > offset:
        parts.append(match.span())
        offset = match.end()
        spaced = len(text) - len(text[offset:].lstrip(" "))  # `产出指标 数量指标 …`: a T3 row's level cells
        if spaced > offset and LEVEL_PREFIX.match(text, spaced):
            offset = spaced
    if not parts:
        return ((0, len(text)),)
    if text[offset:].strip() == "等":  # 服务对象满意度指标等: the level as printed
        parts[-1] = (parts[-1][0], len(text.rstrip()))
    elif offset < len(text):
        rest = trimmed_cell(text, offset, len(text))
        parts.append((rest.start, rest.end))
    return tuple(parts)


__all__ = [
    "GRADE_INLINE",
    "LEVEL1_OF",
    "LEVEL_PREFIX",
    "OTHER_MATTERS",
    "inner_levels",
    "is_grade",
    "is_level1",
    "is_level2",
    "is_total",
    "level_parts",
    "level_spans",
]
