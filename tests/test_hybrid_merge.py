"""The merge policy, rule by rule: a model figure fills a gap only where its kind and its place say it is that
field, and is otherwise a candidate. Reports, passages and cells are built by hand; no model, no table reader.

The texts are shaped on what the 0.5B model got wrong on the real set (extract/hybrid/evidence.py).
"""

from __future__ import annotations

from jixiao.documents.tables import Role
from jixiao.extract.hybrid.evidence import (
    IN_ITS_NAME,
    NO_FIELD_WORD,
    UNNAMED_SENTENCE,
    WRONG_COLUMN,
    WRONG_LINE,
    WRONG_ROW,
    Evidence,
    prose_line,
)
from jixiao.extract.hybrid.merge import LONE_FIGURE, TAKEN, merge_reading
from jixiao.extract.hybrid.passages import CellAt, Passage
from jixiao.model import (
    ExtractorInfo,
    Figure,
    FundingLine,
    Grounding,
    Indicator,
    NamedFigure,
    Report,
    SourceInfo,
    Span,
    SpendingItem,
)
from jixiao.numbers import parse_quantity


def report(backend: str = "rules", **fields: object) -> Report:
    return Report(
        source=SourceInfo(path="m.txt", sha256="m", format="txt"), extractor=ExtractorInfo(backend=backend), **fields
    )


def printed(text: str, figure: str, after: str = "") -> Figure:
    """The model's figure as grounding hands it over: the printed text, where it is, and its reading."""
    start = text.index(figure, text.index(after) if after else 0)
    quantity = parse_quantity(figure)
    return Figure(
        text=figure,
        value=quantity.value,
        unit=quantity.unit,
        op=quantity.op,
        kind=quantity.kind,
        span=Span(start=start, end=start + len(figure)),
        grounding=Grounding.EXACT,
        found_by="llm",
    )


def prose(text: str) -> Evidence:
    """The whole text as one prose passage."""
    return Evidence(text, [Passage(0, len(text), text)])


def merged(rules: Report, model: Report, evidence: Evidence) -> Report:
    merge_reading(rules, model, evidence)
    return rules


def refused(result: Report) -> list[tuple[str, str, str]]:
    return [(c.path, c.figure.text, c.reason) for c in result.candidates]


# ---- funding lines in prose: the clause's verb says which line -------------------------------------------

ALLOCATION = "2023年中央财政耕地地力保护补贴资金下达资金8887万元，全年支出8000万元，结余资金887万元。"


def test_a_prose_amount_fills_only_the_line_its_clause_names() -> None:
    model = report("llm")
    model.funding.budget = FundingLine(total=printed(ALLOCATION, "8887万元"))  # 下达: allocated, not budget
    model.funding.executed = FundingLine(total=printed(ALLOCATION, "8000万元"))
    result = merged(report(), model, prose(ALLOCATION))
    assert result.funding.budget.total is None
    assert result.funding.executed.total is not None and result.funding.executed.total.text == "8000万元"
    assert refused(result) == [("funding.budget.total", "8887万元", WRONG_LINE)]


def test_a_balance_is_no_funding_line() -> None:
    model = report("llm")
    model.funding.executed = FundingLine(total=printed(ALLOCATION, "887万元", after="结余"))
    result = merged(report(), model, prose(ALLOCATION))
    assert result.funding.executed.total is None
    assert refused(result) == [("funding.executed.total", "887万元", WRONG_LINE)]


def test_the_line_a_clause_states_follows_the_rules_grammar() -> None:
    assert prose_line("下达资金7360万元") == "allocated"
    assert prose_line("全年支出8000万元") == "executed"
    assert prose_line("年初预算安排120万元") == "initial"
    assert prose_line("每年安排3000万元用于补助") == "budget"
    assert prose_line("结余资金887万元") is None


COMPLETED = "1.敬老院改造资金完成38.5万元。入住老人满意度达95%以上。"


def test_funds_said_to_be_completed_are_the_executed_line() -> None:
    assert prose_line("敬老院改造资金完成38.5万元") == "executed"
    assert prose_line("预算资金完成120万元") == "executed"
    assert prose_line("下达资金后完成120万元") == "allocated"  # a verb of the grammar still decides first
    assert prose_line("资金完成率达98%") == "executed"  # the line; `unfit` refuses a percentage as its amount


def test_a_completed_amount_fills_the_executed_line_once() -> None:
    model = report("llm", indicators=[Indicator(name="入住老人满意度", actual=printed(COMPLETED, "38.5万元"))])
    model.funding.executed = FundingLine(total=printed(COMPLETED, "38.5万元"))
    model.funding.budget = FundingLine(total=printed(COMPLETED, "38.5万元"))
    result = merged(report(), model, prose(COMPLETED))
    assert result.funding.executed.total is not None and result.funding.executed.total.text == "38.5万元"
    assert result.funding.budget.total is None
    assert result.indicators == []
    assert ("funding.budget.total", "38.5万元", WRONG_LINE) in refused(result)


# ---- indicators in prose ------------------------------------------------------------------------------

TRAINING = "城镇新增就业人数实际为201人。技能培训方面，全年组织培训共计402人次，比计划的380人次多出不少。"


def test_a_figure_fills_an_indicator_only_from_a_sentence_that_names_it() -> None:
    rules = report(indicators=[Indicator(name="城镇新增就业人数"), Indicator(name="技能培训")])
    model = report(
        "llm",
        indicators=[
            Indicator(name="城镇新增就业人数", target=printed(TRAINING, "380人次")),  # the training's target
            Indicator(name="技能培训", actual=printed(TRAINING, "402人次")),
        ],
    )
    result = merged(rules, model, prose(TRAINING))
    assert result.indicators[0].target is None
    assert result.indicators[1].actual is not None and result.indicators[1].actual.text == "402人次"
    assert refused(result) == [("indicators[0].target", "380人次", UNNAMED_SENTENCE)]


def test_a_target_from_prose_needs_a_clause_that_says_it_is_one() -> None:
    rules = report(indicators=[Indicator(name="技能培训")])
    model = report("llm", indicators=[Indicator(name="技能培训", target=printed(TRAINING, "402人次"))])
    result = merged(rules, model, prose(TRAINING))
    assert result.indicators[0].target is None
    assert refused(result) == [("indicators[0].target", "402人次", NO_FIELD_WORD)]


def test_a_new_indicator_from_prose_needs_its_target_and_its_actual() -> None:
    paired = Indicator(name="技能培训", target=printed(TRAINING, "380人次"), actual=printed(TRAINING, "402人次"))
    result = merged(report(), report("llm", indicators=[paired]), prose(TRAINING))
    [training] = result.indicators
    assert (training.target.text, training.actual.text) == ("380人次", "402人次")

    lone = Indicator(name="城镇新增就业人数", actual=printed(TRAINING, "201人"))
    result = merged(report(), report("llm", indicators=[lone]), prose(TRAINING))
    assert result.indicators == []
    assert refused(result) == [("indicators[0].actual", "201人", LONE_FIGURE)]


def test_a_sentence_of_amounts_is_no_indicator() -> None:
    """A pair like one the 0.5B model made on a provincial notice: both amounts are allocations."""
    text = "省财政从2021年起三年内，每年安排1.2亿元资金，用于扶持小微企业，每年安排2500万元用于公共服务平台建设"
    made_up = Indicator(
        name="省财政从2021年起三年内", target=printed(text, "1.2亿元"), actual=printed(text, "2500万元")
    )
    result = merged(report(), report("llm", indicators=[made_up]), prose(text))
    assert result.indicators == []
    assert [(path, reason) for path, _, reason in refused(result)] == [
        ("indicators[0].target", NO_FIELD_WORD),
        ("indicators[0].actual", LONE_FIGURE),
    ]


def test_a_figure_printed_inside_its_own_name_is_not_its_value() -> None:
    text = "合理性(5分)指标设置合理，得4分。"
    rules = report(indicators=[Indicator(name="合理性(5分)")])
    model = report("llm", indicators=[Indicator(name="合理性(5分)", target=printed(text, "5分"))])
    result = merged(rules, model, prose(text))
    assert result.indicators[0].target is None
    assert refused(result) == [("indicators[0].target", "5分", IN_ITS_NAME)]


def test_the_names_rules_gave_an_indicator_stay() -> None:
    rules = report(indicators=[Indicator(name="技能培训", program="就业补助资金", level2=None)])
    model = report("llm", indicators=[Indicator(name="技能培训", level1="效益指标", level2="社会效益指标")])
    result = merged(rules, model, prose(TRAINING))
    assert (result.indicators[0].program, result.indicators[0].level1, result.indicators[0].level2) == (
        "就业补助资金",
        None,
        None,
    )


def test_a_disagreement_is_raised_only_by_a_figure_its_place_supports() -> None:
    rules_actual = printed(TRAINING, "402人次")
    rules = report(indicators=[Indicator(name="城镇新增就业人数", actual=printed(TRAINING, "201人"))])
    model = report("llm", indicators=[Indicator(name="城镇新增就业人数", actual=rules_actual)])
    result = merged(rules, model, prose(TRAINING))
    assert result.disagreements == []  # 402人次 is in the training's sentence: no reading of this indicator
    assert refused(result) == [("indicators[0].actual", "402人次", UNNAMED_SENTENCE)]


def test_breakdown_parts_fill_only_from_the_indicators_own_sentence() -> None:
    text = "城镇新增就业人数实际为201人，其中高校毕业生120人。技能培训其中农民工80人次。"
    rules = report(indicators=[Indicator(name="城镇新增就业人数")])
    parts = [
        NamedFigure(name="高校毕业生", figure=printed(text, "120人")),
        NamedFigure(name="农民工", figure=printed(text, "80人次")),
    ]
    model = report("llm", indicators=[Indicator(name="城镇新增就业人数", breakdown=parts)])
    result = merged(rules, model, prose(text))
    assert [part.name for part in result.indicators[0].breakdown] == ["高校毕业生"]
    assert refused(result) == [("indicators[0].breakdown", "80人次", UNNAMED_SENTENCE)]


# ---- scores, spending ----------------------------------------------------------------------------------

SCORES = "本项目自评得分95分，评价等级为优。项目共涉及12个乡镇。"


def test_a_score_or_a_grade_comes_from_a_clause_that_says_so() -> None:
    model = report("llm", total_score=printed(SCORES, "95分"), grade=printed(SCORES, "优"))
    result = merged(report(), model, prose(SCORES))
    assert result.total_score is not None and result.grade is not None

    model = report("llm", total_score=printed(SCORES, "12"))
    result = merged(report(), model, prose(SCORES))
    assert result.total_score is None
    assert refused(result) == [("total_score", "12", NO_FIELD_WORD)]


def test_a_spending_row_whose_figures_are_all_refused_is_not_added() -> None:
    text = "社会保险补贴支出2189.86万元，占56.72%。"
    model = report(
        "llm",
        spending=[
            SpendingItem(category="社会保险补贴", amount=printed(text, "2189.86万元"), share=printed(text, "56.72%")),
            SpendingItem(category="职业培训补贴", amount=printed(text, "2189.86万元")),
        ],
    )
    result = merged(report(), model, prose(text))
    assert [item.category for item in result.spending] == ["社会保险补贴"]
    assert refused(result) == [("spending[1].amount", "2189.86万元", UNNAMED_SENTENCE)]


# ---- table rows: the column and the row ------------------------------------------------------------------

ROWS = "验收合格率 | ≥95% | 98% | 20 | 19\n补助种植面积 | 31.5亩 | 31亩 | 20 | 18\n"


def row_cells(text: str) -> Evidence:
    """Both rows as a table passage: name, target, actual, weight, score."""
    roles = (Role.NAME, Role.TARGET, Role.ACTUAL, Role.WEIGHT, Role.SCORE)
    cells = []
    for number, line in enumerate(text.splitlines()):
        offset = text.index(line)
        at = 0
        for role, cell in zip(roles, line.split(" | "), strict=True):
            start = offset + line.index(cell, at)
            cells.append(CellAt(start, start + len(cell), role, number))
            at = start - offset + len(cell)
    return Evidence(text, [Passage(0, len(text), text, table=True, cells=tuple(cells))])


def test_a_table_figure_fills_only_its_own_column() -> None:
    model = report(
        "llm",
        indicators=[Indicator(name="验收合格率", target=printed(ROWS, "98%"), actual=printed(ROWS, "≥95%"))],
    )
    result = merged(report(), model, row_cells(ROWS))
    assert result.indicators == []
    assert refused(result) == [
        ("indicators[0].target", "98%", WRONG_COLUMN),
        ("indicators[0].actual", "≥95%", WRONG_COLUMN),
    ]


def test_a_table_figure_fills_only_the_indicator_its_row_names() -> None:
    rules = report(indicators=[Indicator(name="验收合格率"), Indicator(name="补助种植面积")])
    model = report(
        "llm",
        indicators=[
            Indicator(name="验收合格率", actual=printed(ROWS, "31亩")),  # the next row's actual
            Indicator(name="补助种植面积", actual=printed(ROWS, "31亩"), score=printed(ROWS, "18")),
        ],
    )
    result = merged(rules, model, row_cells(ROWS))
    assert result.indicators[0].actual is None
    assert result.indicators[1].actual is not None and result.indicators[1].score is not None
    assert refused(result) == [("indicators[0].actual", "31亩", WRONG_ROW)]


def test_a_row_rules_could_not_read_becomes_an_indicator_from_its_own_cells() -> None:
    model = report("llm", indicators=[Indicator(name="补助种植面积", target=printed(ROWS, "31.5亩"))])
    result = merged(report(), model, row_cells(ROWS))
    [row] = result.indicators
    assert row.target is not None and row.target.text == "31.5亩"  # a table row needs no target-and-actual pair


FUNDING_ROWS = "年度资金总额 | 150 | 140\n其中：中央财政 | 100 | 95\n"


def test_a_funding_total_comes_from_the_total_row_and_its_lines_column() -> None:
    cells = []
    for number, line in enumerate(FUNDING_ROWS.splitlines()):
        offset = FUNDING_ROWS.index(line)
        label, budget, executed = line.split(" | ")
        for role, cell in ((Role.LABEL, label), (Role.BUDGET, budget), (Role.EXECUTED, executed)):
            start = FUNDING_ROWS.index(cell, offset)
            cells.append(CellAt(start, start + len(cell), role, number))
    evidence = Evidence(FUNDING_ROWS, [Passage(0, len(FUNDING_ROWS), FUNDING_ROWS, table=True, cells=tuple(cells))])
    model = report("llm")
    model.funding.budget = FundingLine(total=printed(FUNDING_ROWS, "150"))
    model.funding.executed = FundingLine(total=printed(FUNDING_ROWS, "95"))  # the central row's
    model.funding.allocated = FundingLine(total=printed(FUNDING_ROWS, "140"))  # the executed column
    result = merged(report(), model, evidence)
    assert result.funding.budget.total is not None and result.funding.budget.total.text == "150"
    assert refused(result) == [
        ("funding.allocated.total", "140", WRONG_COLUMN),
        ("funding.executed.total", "95", WRONG_ROW),
    ]


def test_one_printed_figure_fills_one_field_of_a_new_indicator() -> None:
    text = "培训人数计划1.34万人，实际完成1.34万人次。"
    made = Indicator(name="培训人数", target=printed(text, "1.34万人"), actual=printed(text, "1.34"))
    result = merged(report(), report("llm", indicators=[made]), prose(text))
    assert refused(result)[0] == ("indicators[0].actual", "1.34", TAKEN)
