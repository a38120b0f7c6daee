"""Before accusing a report: is each figure one a reader would accept, and how surely was it read?

On real documents most arithmetic "errors" were the tool's misreadings (an execution rate of 684,499 % from a
budget read out of a sentence, 56,005,600,100 万元 from three glued cells, a source row read twice). A figure
that no reader would accept is a suspect: a rule that would use it says so at info level, never accuses the
report. And a figure's provenance (`found_by`) says how surely it was read: an error needs figures read from
an exact table layout.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Callable, Iterator

from jixiao.checks.attainment import comparable
from jixiao.checks.misread_cells import attribute_cells, inside_words
from jixiao.checks.unit_cut_rows import rows_cut_at_units
from jixiao.model import Confidence, Figure, Finding, Kind, Op, Report, Severity, Span, figures_of
from jixiao.numbers import decimals
from jixiao.vocabulary import MONEY_UNITS

MAX_RATE = 150.0  # % an execution rate can honestly reach (spending more than budgeted happens, not 10×)
MAX_PERCENT = 1000.0  # % any printed rate can reach (completion of 180 % happens; 684,499 % does not)
MAX_POINTS = 100.0  # a weight or a score on the 100-point scale
SPREAD = 100.0  # a money figure this many times the report's other amounts was glued from several cells
MAX_RATIO = 3.0  # budget over executed ×10: a misread total, not a finding
MAX_OVERRUN = 2.0  # executed over budget: overruns reports print are a few percent, rarely 1.7×; twice is a misread
MAX_OVER_WEIGHT = 2.0  # a score over its weight: 12 of 10 is the report's slip; 99 of 10 is the total's column
MAX_PARTS = 3.0  # parts over their whole: a list sharing out another, larger line reaches 1.7×; 3× is a misread

_LOW = ("glued_split", "+ocr", "table.t5", "table.t4", "table.headerless", "ungrounded", "normalised", "llm")
_MEDIUM = ("table.t3", "table.scored", "narrative", "hybrid")  # scored: glued rows checked by their shapes
# findings about a passage of the text: the figures they cite are the planted ones, never the accusation's basis
_ABOUT_THE_TEXT = ("narrative.instruction_to_model",)


def confidence(figure: Figure) -> Confidence:
    """How surely a figure was read, from the layout or phrase that found it."""
    found_by = figure.found_by or ""
    if figure.grounding.value == "exact" and found_by.endswith(".checked"):
        return Confidence.MEDIUM  # a row its own 得分系数 arithmetic confirms, in whatever layout
    if figure.grounding.value != "exact" or any(mark in found_by for mark in _LOW):
        return Confidence.LOW
    if any(found_by.startswith(mark) for mark in _MEDIUM):
        return Confidence.MEDIUM
    return Confidence.HIGH  # an exact table layout, or a figure a person gave (gold, a hand-made report)


_BY_SHAPE = ("table.t4", "table.t5", "table.headerless", "glued_split")  # cells placed by their shapes alone
_NOT_BY_SHAPE = ("+ocr", "ungrounded", "normalised", "llm")  # doubts a row's arithmetic cannot lift


def _split_by_shape(figure: Figure) -> bool:
    found_by = figure.found_by or ""
    return (
        figure.grounding.value == "exact"
        and any(mark in found_by for mark in _BY_SHAPE)
        and not any(mark in found_by for mark in _NOT_BY_SHAPE)
    )


def confirmed_rows(report: Report) -> set[str]:
    """Paths of indicator cells placed by their shapes (`≥40人52人130%`, run together) whose row's printed
    完成率 is actual ÷ target at its precision: the row's own arithmetic checks the split, as a glued
    funding row's rate does, so they are read at medium confidence."""
    confirmed: set[str] = set()
    for i, indicator in enumerate(report.indicators):
        target, actual, completion = indicator.target, indicator.actual, indicator.completion
        if target is None or actual is None or completion is None or completion.value is None:
            continue
        values = comparable(target, actual)
        if values is None or values[0] <= 0 or not any(map(_split_by_shape, (target, actual, completion))):
            continue
        half_unit = 0.5 * 10.0 ** -decimals(completion.text) + 1e-9
        if abs(100 * values[1] / values[0] - completion.value) <= half_unit:
            confirmed.update(f"indicators[{i}].{field}" for field in ("target", "actual", "completion"))
    return confirmed


def _money(report: Report) -> list[tuple[str, Figure]]:
    return [
        (path, f) for path, f in figures_of(report) if path.startswith(("funding.", "spending")) and f.unit == "万元"
    ]


def _glued_money(report: Report) -> Iterator[tuple[str, str]]:
    amounts = [(path, f) for path, f in _money(report) if f.value]
    for path, figure in amounts:
        others = [abs(f.value) for p, f in amounts if p != path and f.value]
        if len(others) >= 2 and figure.value and abs(figure.value) > SPREAD * statistics.median(others):
            yield path, f"{figure.text} 是报告中其他金额的百倍以上，可能由相邻单元格粘连而成"


def _rates(report: Report) -> Iterator[tuple[str, str]]:
    rate = report.funding.execution_rate
    if rate is not None and rate.value is not None and not 0 <= rate.value <= MAX_RATE:
        yield "funding.execution_rate", f"执行率 {rate.text} 超出合理范围"
    for path, figure in figures_of(report):
        if figure.unit == "%" and figure.value is not None and abs(figure.value) > MAX_PERCENT:
            yield path, f"{figure.text} 不是合理的百分比"


def _points(report: Report) -> Iterator[tuple[str, str]]:
    for path, figure in figures_of(report):
        if re.search(r"(weight|score)$", path) and path != "total_score" and figure.value is not None:
            if not 0 <= figure.value <= MAX_POINTS:
                yield path, f"分值/得分 {figure.text} 不在 0–100 之间"


def _scores_over_weights(report: Report) -> Iterator[tuple[str, str]]:
    lines = [("funding.execution_score", report.funding.execution_score, report.funding.execution_weight)]
    lines += [(f"indicators[{i}].score", ind.score, ind.weight) for i, ind in enumerate(report.indicators)]
    for path, score, weight in lines:
        if score is not None and weight is not None and score.value is not None and weight.value:
            if score.value > MAX_OVER_WEIGHT * weight.value:
                yield path, f"得分 {score.text} 远超分值 {weight.text}，可能读了另一列（如总分）"


def _budget_vs_executed(report: Report) -> Iterator[tuple[str, str]]:
    budget, executed = report.funding.budget.total, report.funding.executed.total
    if budget is None or executed is None or budget.value is None or not executed.value:
        return
    if budget.value == 0:  # forms print 0 in the cells a project does not use: the wrong column was read
        reason = f"预算数为 0 而执行数为 {executed.text}，可能读错了列（表中未用的单元格常印 0）"
        yield "funding.budget.total", reason
        yield "funding.executed.total", reason
        return
    if executed.value > MAX_OVERRUN * budget.value or budget.value > 10 * MAX_RATIO * executed.value:
        reason = f"执行数 {executed.text} 与预算数 {budget.text} 相差过大，可能读错了其中一个"
        yield "funding.budget.total", reason
        yield "funding.executed.total", reason


def _zero_sources(report: Report) -> Iterator[tuple[str, str]]:
    """Every source 0 under a total that is not: forms print 0 in the rows a project does not use, so the
    row holding the money was read under another label (as a budget of 0 beside money spent is)."""
    for line in ("initial", "budget", "allocated", "executed"):
        block = getattr(report.funding, line)
        values = [row.amount.value for row in block.by_source]
        if block.total is not None and block.total.value and values and all(value == 0 for value in values):
            yield (
                f"funding.{line}.total",
                f"各来源均为 0 而合计为 {block.total.text}，可能读错了行（表中未用的行常印 0）",
            )


def _twice(report: Report) -> Iterator[tuple[str, str]]:
    """A source row read twice (the same level and amount in one line): a misreading, not a second source."""
    for line in ("initial", "budget", "allocated", "executed"):
        seen: dict[tuple[str, float | None], int] = {}
        for i, row in enumerate(getattr(report.funding, line).by_source):
            key = (row.source.value, row.amount.value)
            if key in seen:
                reason = f"来源“{row.name}”{row.amount.text} 读到两次"
                yield f"funding.{line}.by_source[{seen[key]}].amount", reason
                yield f"funding.{line}.by_source[{i}].amount", reason
            seen[key] = i


def _parts_over_whole(report: Report) -> Iterator[tuple[str, str]]:
    """Parts adding to several times their whole (categories of 62.4 + 1,804 under an executed 62.4): the
    whole was read from one part's sentence, or the parts from another column."""
    executed = report.funding.executed.total
    parts = [item.amount.value for item in report.spending if item.amount and item.amount.value]
    if executed is not None and executed.value and sum(parts) > MAX_PARTS * executed.value:
        yield "funding.executed.total", f"支出类别之和 {sum(parts):g}万元 远超支出合计 {executed.text}，合计可能读错"
    for line in ("initial", "budget", "allocated", "executed"):
        total = getattr(report.funding, line).total
        sources = [row.amount.value for row in getattr(report.funding, line).by_source if row.amount.value]
        if total is not None and total.value and sum(sources) > MAX_PARTS * total.value:
            yield f"funding.{line}.total", f"各来源之和 {sum(sources):g} 远超合计 {total.text}，合计或来源可能读错"


def _dimension(figure: Figure) -> str | None:
    """What a figure measures, coarsely: a share, money, points, a date or a count (人, 个, 次, 户 alike)."""
    if figure.kind in (Kind.PERCENT, Kind.DATE):
        return figure.kind.value
    if figure.unit in MONEY_UNITS:
        return "money"
    if figure.unit == "分":
        return "points"
    return None if figure.unit is None else "count"


def _prose_pairs(report: Report) -> Iterator[tuple[str, str]]:
    """An indicator read from prose whose target and actual measure different things (10万元 against 100%,
    2个 against 3分): the reader paired figures of different sentences. A table row keeps its cells, and
    a report that sets a count and answers with a share is worth a reviewer's look."""
    for i, indicator in enumerate(report.indicators):
        target, actual = indicator.target, indicator.actual
        if target is None or actual is None or not (target.found_by or "").startswith("narrative"):
            continue
        kinds = _dimension(target), _dimension(actual)
        if None not in kinds and kinds[0] != kinds[1]:
            reason = f"从叙述中读到的指标值 {target.text} 与实际值 {actual.text} 量纲不同，可能配错了句子"
            yield f"indicators[{i}].target", reason
            yield f"indicators[{i}].actual", reason


_HEADER_WORD = re.compile("实际完成值|年度指标值|年度目标|完成情况|指标值|[一二三]级指标|偏差原因|分值|得分")


def _header_runs(report: Report) -> Iterator[tuple[str, str]]:
    """An indicator value holding three or more of the sheet's column headers (`完成情况 项目年度目标
    年度目标完成情况2022年…`, a squashed header run): the header row read as a value, not the report's."""
    for i, indicator in enumerate(report.indicators):
        for field in ("target", "actual"):
            figure = getattr(indicator, field)
            if figure is not None and len(_HEADER_WORD.findall(figure.text)) >= 3:
                yield f"indicators[{i}].{field}", f"“{figure.text[:20]}…” 含多个表头词，可能把表头读成了指标值"


_APART = 10.0  # an actual a tenth of its target, neither printing a unit: two measures, not a shortfall


def _bare_far_apart(report: Report) -> Iterator[tuple[str, str]]:
    """A target and an actual printed as bare numbers an order of magnitude apart (550 against 20): with no
    unit to say what either counts, the row's two cells may measure different things (an amount and a count)
    or one was read from another column; a shortfall so large is not held against the report on them."""
    for i, indicator in enumerate(report.indicators):
        target, actual = indicator.target, indicator.actual
        if target is None or actual is None or target.unit is not None or actual.unit is not None:
            continue
        if target.kind != Kind.NUMBER or actual.kind != Kind.NUMBER or target.op in (Op.LE, Op.LT):
            continue
        if target.value and actual.value is not None and 0 <= actual.value * _APART < target.value:
            yield (
                f"indicators[{i}].actual",
                f"指标值 {target.text} 与实际值 {actual.text} 均未印单位且相差十倍以上，可能不是同一度量",
            )


CELL_BORDERS = ("table.t1", "table.grid")  # layouts that print every cell's border (pipes, a loader's grid)


def _one_cell(report: Report, text: str | None) -> Iterator[tuple[str, str]]:
    """A word actual printed right after its target's figure, nothing between (`30TB`, `90%覆盖`): one cell
    cut at its figure, the word being the figure's unit or qualifier, not a result the report gave. Sure
    where the layout prints every cell's border, or where the cut cell is printed again (the actual column
    repeating it); elsewhere the space between two cells (`1 在建`) may have been normalised away."""
    printed: dict[str, int] = {}  # times each glued cell is printed in the text, counted once per document
    for i, indicator in enumerate(report.indicators):
        target, actual = indicator.target, indicator.actual
        if target is None or actual is None or target.span is None or actual.span is None:
            continue
        if target.value is None or actual.value is not None or target.span.end != actual.span.start:
            continue
        glued, bordered = target.text + actual.text, (actual.found_by or "").startswith(CELL_BORDERS)
        if not bordered and text is not None and glued not in printed:
            printed[glued] = text.count(glued)
        if bordered or printed.get(glued, 0) > 1:
            reason = f"指标值 {target.text} 与实际值 {actual.text} 连印在一个单元格中，可能被拆开读成两格"
            yield f"indicators[{i}].target", reason
            yield f"indicators[{i}].actual", reason


_SUSPECT_CHECKS: tuple[Callable[[Report], Iterator[tuple[str, str]]], ...] = (
    _rates,
    _points,
    _scores_over_weights,
    _glued_money,
    _budget_vs_executed,
    _twice,
    _zero_sources,
    _parts_over_whole,
    _prose_pairs,
    _header_runs,
    _bare_far_apart,
)


def suspects(report: Report, text: str | None = None) -> dict[str, str]:
    """Paths of figures a reader would reject, with why (in Chinese, for the finding's message)."""
    found: dict[str, str] = {}
    for check in _SUSPECT_CHECKS:
        for path, reason in check(report):
            found.setdefault(path, reason)
    for path, reason in [*_one_cell(report, text), *inside_words(report, text), *attribute_cells(report)]:
        found.setdefault(path, reason)
    return found


def gate(findings: list[Finding], report: Report, text: str | None = None) -> list[Finding]:
    """Findings as a careful reviewer would let them through (plausibility, then severity from provenance).

    A finding against the report that uses a suspect figure becomes `extraction.suspect` (info: the tool may
    have misread it). Otherwise its confidence is the least of its figures'; an error needs high confidence
    (medium: a warning), and a low-confidence finding is a suspect too; cells placed by their shapes are
    medium when their row's completion rate confirms them (`confirmed_rows`) or no digit touches a digit across
    their cuts (`rows_cut_at_units`). A finding about an indicator's
    name or levels takes the confidence of the cells read in its row.
    """
    suspect = suspects(report, text)
    figures = dict(figures_of(report))
    checked = confirmed_rows(report) | rows_cut_at_units(report, text)

    def read(path: str) -> Confidence:
        level = confidence(figures[path])
        return Confidence.MEDIUM if path in checked and level is Confidence.LOW else level

    passed: list[Finding] = []
    for finding in findings:
        if finding.rule.startswith(("extraction.", "engine.", *_ABOUT_THE_TEXT)) or finding.severity is Severity.INFO:
            passed.append(finding)
            continue
        paths = [ref.path for ref in finding.figures if ref.path in figures and not ref.elsewhere]
        reasons = [suspect[path] for path in paths if path in suspect]
        read_with = paths + _rows_of_names(finding, figures)
        level = min((read(path) for path in read_with), key=lambda c: c.rank, default=Confidence.HIGH)
        if reasons or level is Confidence.LOW:
            passed.append(_misread(finding, reasons or ["读取方式不可靠（粘连拆分、OCR 校正或模型给出）"], level))
            continue
        if finding.severity is Severity.ERROR and level is not Confidence.HIGH:
            finding = finding.model_copy(update={"severity": Severity.WARNING})
        passed.append(finding.model_copy(update={"confidence": level}))
    return passed


_NAME = re.compile(r"(indicators\[\d+\])\.name")
_ROW_CELLS = ("target", "actual", "completion", "weight", "score")


def _rows_of_names(finding: Finding, figures: dict[str, Figure]) -> list[str]:
    """The cells read with each indicator a finding names (taxonomy, year, category cite only the name):
    the name and levels came from the same row, so they are as sure as its cells' layout."""
    rows = [match.group(1) for ref in finding.figures if not ref.elsewhere and (match := _NAME.fullmatch(ref.path))]
    return [path for row in rows for cell in _ROW_CELLS if (path := f"{row}.{cell}") in figures]


def _misread(finding: Finding, reasons: list[str], level: Confidence) -> Finding:
    return Finding(
        rule="extraction.suspect",
        severity=Severity.INFO,
        message_zh=f"可能是本工具误读（{'；'.join(dict.fromkeys(reasons))}），未据此判定报告有误：{finding.message_zh}",
        message_en=f"the tool may have misread these figures; not held against the report: {finding.message_en}",
        figures=finding.figures,
        expected=finding.expected,
        found=finding.found,
        confidence=Confidence.LOW if level is Confidence.LOW else level,
    )


def _closed_by_total(report: Report, located: list[Span]) -> bool:
    """The table's 总分 row stands after every indicator read: the list ended there, whatever the
    document cut off later (a second project's form)."""
    total = report.total_score
    return (
        bool(located)
        and total is not None
        and total.span is not None
        and total.span.start >= max(span.end for span in located)
    )


def row_read_twice(report: Report) -> bool:
    """Two indicator rows alike in name and every cell (`学生受资助人数 735 735 10 10` again after a page
    break): one row read twice, a list no longer the report's."""
    seen: set[tuple[str | None, ...]] = set()
    for ind in report.indicators:
        cells = (ind.target, ind.actual, ind.weight, ind.score)
        if all(cell is None for cell in cells):
            continue
        key = (ind.name, *(None if cell is None else cell.text for cell in cells))
        if key in seen:
            return True
        seen.add(key)
    return False


def indicators_complete(report: Report) -> bool:
    """Whether the indicator list was read whole: the document does not stop early, no table row or
    passage among the indicators was left unread and no row was read twice. Sums of weights and scores are
    taken only then."""
    if row_read_twice(report):
        return False
    spans = [f.span for ind in report.indicators for f in (ind.target, ind.actual, ind.weight, ind.score) if f]
    located = [span for span in spans if span is not None]
    if report.truncated and not _closed_by_total(report, located):
        return False
    if report.coverage is None or not located:
        return True
    start, end = min(s.start for s in located), max(s.end for s in located)
    return not any(span.start < end and start < span.end for span in report.coverage.unread)
