"""Funding, indicators and the total score from rebuilt tables (the 自评表 in any flattening).

Every figure says which layout and column found it (`table.t1.funding`, `table.t4.glued_split`), so a
reviewer can judge how much to trust it. A row the document ends inside loses its last cell: it may be
cut mid-number, and nothing is invented for what is missing. A funding table's rows are read in
funding_table.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from jixiao.documents.tables import LEVEL1_OF, Cell, Role, Row, Table, is_level1
from jixiao.documents.tables import Kind as TableKind
from jixiao.documents.tables.wrapped_cells import is_rejoined
from jixiao.extract.rules import funding_table
from jixiao.extract.rules.cells import TEMPLATE, cell_figure, completion_figure, drop_cut_cell, is_blank, percent_figure
from jixiao.extract.rules.funding_rows import another_forms
from jixiao.model import Figure, Funding, FundingLine, Indicator, Kind
from jixiao.numbers import UNIT_PATTERN, parse_quantity
from jixiao.vocabulary import LEVEL_WORD, is_text_value, level_name

_WHITESPACE = re.compile(r"\s+")
_EXECUTION_ROW = re.compile(r"^(?:预算|资金|项目)?(?:预算)?执行率(?:[（(][^)）]*[)）])?$")
_PROGRAM_ROW = re.compile(r"(?m)^[ \t]*(?:项目名称|转移支付[（(]项目[)）]名称|转移支付名称)[ \t]*[|:：][ \t]*([^|\n]+)")
_KEY_DROP = re.compile(r"[\s，,。:：;；、（）()“”\"]")
_PLAIN_NUMBER = re.compile(r"(\d+(?:\.\d+)?)%?")
_SCORE_ROUNDING = 0.05  # points: a score printed to one or two decimals


@dataclass
class TableFindings:
    funding: Funding | None = None
    indicators: list[Indicator] = field(default_factory=list)
    total_score: Figure | None = None
    grade: Figure | None = None
    truncated: bool = False
    notes: list[str] = field(default_factory=list)


def _level(cell: Cell | None) -> str | None:
    if cell is None or not cell.text:
        return None
    return level_name(cell.text) or None


_CJK = re.compile(r"[\u4e00-\u9fff]")
_NUMBERING = re.compile(r"^(?:指标)?\d+[、.．:：]|^指标[:：](?=.)")  # `指标:项目总投资`: a template's label, no number
_SENTENCE_MARK = re.compile(r"[。；;]|[（(]\d+(?:\.\d+)?分[)）].")
_MAX_NAME = 60
_COUNTED = re.compile(rf"\d+(?:\.\d+)?(?!分|%)(?:{UNIT_PATTERN})[\u4e00-\u9fff]{{2}}")
"""`5000吨稻谷储备到位率`: a name that opens with the quantity it counts (a stray score, `5明确性`, has no unit)."""
_DATED = re.compile(r"(?:19|20)\d{2}年")  # `2022年6月底前完成`: a 时效 row named by its deadline, no stray score
_TEMPLATE_LABEL = re.compile(r"^指标(?:\d+[:：、.．]?)?$")  # `指标` alone: a cut `指标N:`
_LOOSE_WORDS = re.compile(r"[^\d%]+")
_PART_OF = re.compile(r"^[★☆*]*其中[:：]")
_LEVEL_INSIDE = re.compile(LEVEL_WORD)
_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")
# pieces of cells, not a name: one that starts on a mark (`、提供…佐证资料`) or closes a bracket it never
# opened (`年度绩效目标)`), a status with its figure (`已完成100%`), two template labels run together
_FRAGMENT = re.compile(r"^[、，,.．;；:：)）]|^[^（(]*[)）]$|^(?:已|未)?完成[\d.]+%?$|指标\d.*指标\d")
_SCRAMBLED_NATURE = r"(?=[定性量指标]{4}$)(?=[^定]*定)(?=[^指]*指)(?=[^标]*标)[定性量指标]{4}"
"""`性标定指`: 定性指标 as OCR read it across the cell's two lines."""
_GLUED_NATURE = re.compile(
    rf"(?<=[\u4e00-\u9fff])(?:{UNIT_PATTERN})?(?:(?:定量|定性)(?:指标)?|{_SCRAMBLED_NATURE})$"
)  # 计量单位 and 指标性质 after it
_GLUED_FLAG = re.compile(r"^[是否](?![是否])")  # the row before's 是否核心指标 cell


def is_name(text: str) -> bool:
    """Whether a cell read as a 三级指标 can be one: a few words, not a sentence, a criterion or a stray number.

    Scoring sheets put criteria (`设置年度绩效目标(2分)…`) and explanations beside the names, and a broken
    PDF puts a score before the next name (`5明确性(5分)`); such a cell is not a name, and its row is not read.
    """
    compact = "".join(text.split())  # re's \s, char for char, and faster than a sub
    if not 2 <= len(compact) <= _MAX_NAME or len(_CJK.findall(compact)) < 2:
        return False
    numbering = _NUMBERING.match(compact)
    if compact[0].isdigit() and not numbering and not _COUNTED.match(compact) and not _DATED.match(compact):
        return False
    if _TEMPLATE_LABEL.match(compact) or _FRAGMENT.search(compact):
        return False  # `指标2` with nothing after it: a template row left blank; pieces of cells
    rest = _PART_OF.sub("", compact[numbering.end() :] if numbering else compact)
    rest = rest.removesuffix("。")  # a web table's `指标1:乡村医生岗位补助。`
    if not rest:
        return False  # `指标2:` left blank in a template
    if _LEVEL_INSIDE.search(rest):
        return False  # `…人均资助效益指标(分)社会效益指标资金发放率`: cells of several rows run together
    # `结余率(计算方法为:结余数/预算数)`: a colon inside the name's own brackets explains it, labels nothing
    unbracketed = _BRACKETED.sub("", rest) if ":" in rest or "：" in rest else rest
    return not (_SENTENCE_MARK.search(rest) or ":" in unbracketed or "：" in unbracketed or rest.endswith("的"))


def _name(table: Table, cell: Cell) -> str:
    """The name as printed; in a glued form (T4) without the unit and 指标性质 glued after it, and the row
    before's 是/否 (是否核心指标, the last column) glued before it."""
    name = "".join(cell.text.split())
    if table.layout != "t4":
        return name
    name = _GLUED_NATURE.sub("", name)
    if table.columns and table.columns[-1] is Role.NOTE and Role.SCORE in table.columns:
        name = _GLUED_FLAG.sub("", name)
    return name


# read per row (an enum member read through its class calls the enum metaclass's hook on Python 3.11)
_TARGET_ACTUAL = (Role.TARGET, Role.ACTUAL)
_MIN_REPEAT = 3  # chars of a text printed again that show it is the same text (twice_printed)
_COEFFICIENT = Role.COEFFICIENT
_LABEL, _NAME, _LEVEL1, _LEVEL2, _OP, _UNIT = Role.LABEL, Role.NAME, Role.LEVEL1, Role.LEVEL2, Role.OP, Role.UNIT
_TARGET, _ACTUAL, _COMPLETION, _WEIGHT, _SCORE = Role.TARGET, Role.ACTUAL, Role.COMPLETION, Role.WEIGHT, Role.SCORE
_REASON = Role.REASON
_COEFFICIENT_WEIGHT_SCORE = (Role.COEFFICIENT, Role.WEIGHT, Role.SCORE)


def _checked_by_coefficient(row: Row) -> bool:
    """A row whose 得分 is its 分值 times its 得分系数 (`100% 2 2`): its own arithmetic says its cells were cut
    right, however glued its text was."""
    if not all(role in row.cells for role in _TARGET_ACTUAL):
        return False
    coefficient, weight, score = (_number(row.cells.get(role)) for role in _COEFFICIENT_WEIGHT_SCORE)
    if coefficient is None or weight is None or score is None or not row.cells[_COEFFICIENT].text.endswith("%"):
        return False
    return weight > 0 and abs(weight * coefficient / 100 - score) <= _SCORE_ROUNDING


def _number(cell: Cell | None) -> float | None:
    match = _PLAIN_NUMBER.fullmatch(cell.text.strip()) if cell else None
    return float(match[1]) if match else None


def _fragments(table: Table, row: Row, source: str) -> bool:
    """A squashed table (T3) cut at its spaces where a .doc preview wrapped its text cells: a row whose target
    and actual are words no form prints as a value (`获得目的国` | `(地区)受`, or `度较高` alone) is pieces of
    cells, not a row, and is not read (figures, text values and cells whose wrapped lines were rejoined are
    read)."""
    if table.layout != "t3":
        return False
    cells = [cell for role in _TARGET_ACTUAL if (cell := row.cells.get(role)) is not None]
    if len(cells) == 2 and cells[0].text == cells[1].text and len(cells[0].text) > 2:
        return False  # `市级保护单位 市级保护单位`: a text target met, printed again as the actual (no wrap cuts so)
    if len(cells) == 1 and _again_to_the_end(source, cells[0]):
        return False  # the same, the document ending inside the actual (left out as cut)
    if row.own_line and Role.SCORE in row.cells:
        return False  # `名称 知识更新率 实时更新 6`: a web table's row printed whole on its line, no wrapped cell
    return bool(cells) and all(_loose(cell.text) for cell in cells)


def _loose(printed: str) -> bool:
    """Words no form prints as a value, and no cell rejoined from its wrapped lines (wrapped_cells)."""
    return bool(_LOOSE_WORDS.fullmatch(printed)) and not is_text_value(printed) and not is_rejoined(printed)


def _again_to_the_end(source: str, cell: Cell) -> bool:
    """The text after the cell, to the document's end, is the cell's own text again, cut short."""
    printed = source[cell.start : cell.end]
    rest = source[cell.end : cell.end + len(printed) + 2].strip()
    return len(rest) >= _MIN_REPEAT and printed.startswith(rest) and not source[cell.end + len(printed) + 2 :].strip()


def _indicator(table: Table, row: Row, source: str, program: str | None) -> Indicator | None:
    name_cell = row.cells.get(_NAME)
    if name_cell is None or is_blank(name_cell) or _fragments(table, row, source):
        return None
    if not is_name(name_cell.text) and not _named_by_its_value(row, name_cell):
        return None
    found_by = f"table.{table.layout}.{'checked' if _checked_by_coefficient(row) else 'indicator'}"
    op_cell, unit_cell = row.cells.get(_OP), row.cells.get(_UNIT)
    level2 = _level(row.cells.get(_LEVEL2))
    level1 = _level(row.cells.get(_LEVEL1))
    # a carried first level yields to the second level's own (the flattening may have lost the cell that
    # ended its span, unless every span's first row prints it); a misprinted one the form carries down
    # (`项目产出` over 质量指标 rows) is the form's
    carried = _LEVEL1 in row.carried and (level1 is None or is_level1(level1)) and not _spans_printed(table)
    if level2 and (carried or level1 is None) and level2 in LEVEL1_OF:
        level1 = LEVEL1_OF[level2]
    scored_by = f"table.{table.layout}.glued_split" if row.split and not found_by.endswith("checked") else found_by
    reason = row.cells.get(_REASON)
    return Indicator(
        program=program,
        level1=level1,
        level2=level2,
        name=_name(table, name_cell),
        target=cell_figure(row.cells.get(_TARGET), found_by, op_cell=op_cell, unit_cell=unit_cell, source=source),
        actual=cell_figure(row.cells.get(_ACTUAL), found_by, unit_cell=unit_cell, source=source),
        completion=completion_figure(row.cells.get(_COMPLETION), found_by, source=source),
        weight=cell_figure(row.cells.get(_WEIGHT), scored_by, source=source),
        score=cell_figure(row.cells.get(_SCORE), scored_by, source=source),
        deviation_reason=None if reason is None or TEMPLATE.search(reason.text) else _WHITESPACE.sub("", reason.text),
    )


def _spans_printed(table: Table) -> bool:
    """A pipe dump (t1) with a 一级 column prints a row-spanned 一级 cell once, in the first row of its span:
    a row under it without one of its own is in that block (an 经济效益指标 row filed under 产出指标(50分))."""
    return table.layout == "t1" and _LEVEL1 in table.columns


def _named_by_its_value(row: Row, name_cell: Cell) -> bool:
    """`时效 | 1年 | 1年 | 1年 | 10`: a row the form names by its value (a deadline, a term), printed again as
    target and actual; the three cells the same figure with a unit, the name is that figure."""
    name = "".join(name_cell.text.split())
    cells = [row.cells.get(role) for role in (_TARGET, _ACTUAL)]
    if not _CJK.search(name) or any(cell is None or "".join(cell.text.split()) != name for cell in cells):
        return False
    return parse_quantity(name).kind is not Kind.TEXT


def _execution_line(table: Table, row: Row, funding: Funding, source: str) -> None:
    """`预算执行率 | 100% | 95.06% | 10 | 9.51`: the execution line written inside the indicator block."""
    found_by = f"table.{table.layout}.execution"
    funding.execution_rate = funding.execution_rate or percent_figure(row.cells.get(Role.ACTUAL), found_by, source)
    weight = cell_figure(row.cells.get(Role.WEIGHT), found_by, source=source)
    score = cell_figure(row.cells.get(Role.SCORE), found_by, source=source)
    funding.execution_weight = funding.execution_weight or weight
    funding.execution_score = funding.execution_score or score


def programs_in(text: str) -> list[tuple[int, str]]:
    """Where each 自评表 names its 项目名称, and the name: the indicator rows after it belong to it."""
    if "名称" not in text:  # every label ends in 名称
        return []
    return [(match.start(), match.group(1).strip()) for match in _PROGRAM_ROW.finditer(text)]


def _program_at(programs: list[tuple[int, str]], offset: int) -> str | None:
    """The program of a row at `offset`: the last 项目名称 before it. A row printed before any (an excerpt that
    opens in the tail of the form before) belongs to a form whose name the excerpt lost."""
    found = None
    for start, name in programs:
        if start > offset:
            break
        found = name
    return found


def _grade(row: Row, found_by: str, source: str) -> Figure | None:
    grade = cell_figure(row.cells.get(Role.GRADE), found_by, source=source)
    if grade is not None:
        grade.kind, grade.value, grade.unit = Kind.TEXT, None, None
    return grade


def extract_tables(tables: list[Table], source: str, programs: list[tuple[int, str]] | None = None) -> TableFindings:
    """Figures from the rebuilt tables; `source` is the text their spans index (Document.text)."""
    findings = TableFindings(truncated=any(table.truncated for table in tables))
    funding = Funding()
    for table in tables:
        if table.kind is TableKind.FUNDING:
            if not another_forms(table, funding):
                funding_table.funding(table, funding, source)
            continue
        for row in table.rows:
            drop_cut_cell(row)
            if _LABEL in row.cells:
                total_by = f"table.{table.layout}.{'glued_split' if row.split else 'total'}"
                total = cell_figure(row.cells.get(_SCORE), total_by, source=source)
                findings.total_score = findings.total_score or total
                findings.grade = findings.grade or _grade(row, f"table.{table.layout}.grade", source)
            elif _EXECUTION_ROW.match(row.text(_NAME)):
                _execution_line(table, row, funding, source)
            elif (indicator := _indicator(table, row, source, _program_at(programs or [], row.start))) is not None:
                findings.indicators.append(indicator)
    lines = (funding.initial, funding.budget, funding.allocated, funding.executed)
    extras = (funding.execution_rate, funding.execution_weight, funding.execution_score)
    if any(line.total or line.by_source for line in lines) or any(extras):
        findings.funding = funding
    findings.notes = _notes(tables)
    return findings


def _notes(tables: list[Table]) -> list[str]:
    """What a reviewer should know about figures read from rebuilt tables."""
    notes = []
    if any(table.ocr for table in tables):
        notes.append("表格取自机器识别（OCR）文本：误识字符（O→0、l→1 等）已按数字校正，原文照录，请核对原件")
    if any(row.split for table in tables for row in table.rows):
        notes.append("粘连的分值与得分按“得分不超过分值”拆分（table.t4.glued_split），请核对")
    if any(table.truncated for table in tables):
        notes.append("文档在表格中途截断：最后一行被截断的单元格未读取")
    return notes


def merge_funding(narrative: Funding, table: Funding | None) -> Funding:
    """The table's cells win for the lines it prints; the narrative keeps what the table lacks (下达).

    The merge shares the narrative's lines and the table's (a shallow copy, as it always shared the table's):
    nothing changes the narrative once it is merged but the merge that replaces it, and a deep copy cost ~1 %
    of a report."""
    if table is None:
        return narrative
    merged = narrative.model_copy()
    for name in ("initial", "budget", "allocated", "executed"):
        line: FundingLine = getattr(table, name)
        if line.total is not None or line.by_source:
            setattr(merged, name, line)
    for name in ("execution_rate", "execution_weight", "execution_score"):
        if getattr(table, name) is not None:
            setattr(merged, name, getattr(table, name))
    return merged


_KEY_NUMBER = re.compile(r"^指标\d{1,2}(?=[:：])")  # `指标2:某管理率` in the table is `某管理率` in the prose


def _key(name: str) -> str:
    return _KEY_DROP.sub("", _KEY_NUMBER.sub("", name))


def merge_indicators(narrative: list[Indicator], table: list[Indicator]) -> list[Indicator]:
    """One indicator per name: the table's cells for its numbers, the narrative for what the table lacks."""
    if not table:
        return narrative
    by_key = {_key(indicator.name): indicator for indicator in table}
    merged = list(table)
    for indicator in narrative:
        twin = by_key.get(_key(indicator.name))
        if twin is None:
            merged.append(indicator)
            continue
        for field_name in ("program", "level1", "level2", "target", "actual", "completion", "deviation_reason"):
            if getattr(twin, field_name) is None and getattr(indicator, field_name) is not None:
                setattr(twin, field_name, getattr(indicator, field_name))
        if not twin.breakdown:
            twin.breakdown = indicator.breakdown
    return merged
