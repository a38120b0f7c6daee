"""Precision gates (extract/rules/attribution.py): an unsure reading stays out, a sure one stays in.

Names, levels and figures are invented; each pair is one that must go and its nearest neighbour that must stay.
"""

from __future__ import annotations

import pytest

from jixiao.extract.rules.attribution import debris_level, keep_attributable, unsure_name
from jixiao.model import ExtractorInfo, Figure, Funding, Indicator, Kind, Report, SourceInfo
from reading import funding_of


def _report(*indicators: Indicator, funding: Funding | None = None) -> Report:
    return Report(
        source=SourceInfo(path="x.txt", sha256="0" * 64, format="txt"),
        extractor=ExtractorInfo(backend="rules"),
        indicators=list(indicators),
        funding=funding or Funding(),
    )


def _percent(value: float) -> Figure:
    return Figure(text=f"{value:g}%", value=value, unit="%", kind=Kind.PERCENT)


def _count(text: str, value: float, unit: str) -> Figure:
    return Figure(text=text, value=value, unit=unit)


@pytest.mark.parametrize(
    "name",
    [
        "绩效目标 | 3.实施进度",  # a template row's cells
        "分)资料归档及时性(3分)",  # cut mid-cell: opens with a bracket's close
        "说明未完成原因及改进措施（",  # cut where the cell goes on
        "更换灯具、",
        "(万户)",  # only the bracketed unit of the name above
        "编印手册数量第O期",  # a scan's O for 0 between CJK characters
        "编印简报数量abc期",  # a lowercase run glued between CJK characters
        "设定绩效",  # `设定绩效目标8个`: the goals' count, cut at 目标
        "项目绩效",  # a form's block `项目绩效70分`
        "绩效指标",  # the indicator table's column header read with a row's cells
        "其中部门整体绩效目标",  # a block's title
        "验收方案需经主管部门批复,批复后将启动实施。",  # a deviation reason read as the name
        "指标3:培",  # behind its numbering one character: the rest of 培训… is in the next cell
        "率",
    ],
)
def test_unsure_names_stay_out(name: str) -> None:
    assert unsure_name(name)
    report = _report(Indicator(name=name, actual=_count("12个", 12, "个")))
    keep_attributable(report)
    assert report.indicators == []


@pytest.mark.parametrize(
    "name",
    [
        "更换LED路灯数量",  # an upper-case word is a word
        "PM2.5年均浓度下降比例",
        "指标1:发放宣传手册(份)",  # a numbered name with its unit in brackets
        "指标2:乡镇卫生院实施基本药物制度。",  # a full stop, but no comma: a name
        "绩效目标完成率",  # 绩效 not at the end
        "年度绩效目标合理性",  # a measure of the goals
        "培训人次(人次)",
        "(一)农村公路养护里程",  # a numbered name opens with its bracket but goes on
        "平台接口A|B调用次数",  # a bar inside a word is no cell mark
        "指标3:工期",  # behind its numbering two characters: a short name, still a name
    ],
)
def test_sure_names_stay_in(name: str) -> None:
    assert not unsure_name(name)
    report = _report(Indicator(name=name, actual=_count("12个", 12, "个")))
    keep_attributable(report)
    assert [indicator.name for indicator in report.indicators] == [name]


@pytest.mark.parametrize("level", ["标", "理(30", "指标2:效益指标", "质量|指标"])
def test_debris_levels_drop_the_category(level: str) -> None:
    assert debris_level(level)
    indicator = Indicator(name="道路养护里程", level1=level, level2="数量指标", actual=_count("30公里", 30, "公里"))
    keep_attributable(_report(indicator))
    assert (indicator.level1, indicator.level2) == (None, None)
    assert indicator.actual is not None  # the row's figures are not the level cell's


@pytest.mark.parametrize("level", ["产出指标", "项目管理", "社会效益", "产出指标(50分)", "服务对象满意度指标等"])
def test_level_names_keep_the_category(level: str) -> None:
    assert not debris_level(level)
    indicator = Indicator(name="道路养护里程", level1=level, level2="数量指标")
    keep_attributable(_report(indicator))
    assert indicator.level1 == level


def test_a_share_above_100_percent_stays_out() -> None:
    glued = Indicator(name="群众满意度调查", target=_percent(290), actual=_percent(96))
    keep_attributable(_report(glued))
    assert glued.target is None
    assert glued.actual is not None and glued.actual.value == 96


def test_a_rate_that_may_pass_100_percent_stays_in() -> None:
    growth = Indicator(name="游客人数增长率", target=_percent(5), actual=_percent(130))
    share = Indicator(name="政策知晓率", target=_percent(90), actual=_percent(100))
    keep_attributable(_report(growth, share))
    assert growth.actual is not None and growth.actual.value == 130
    assert share.actual is not None and share.actual.value == 100


def test_points_kept_as_text_stay_out() -> None:
    scanned = Indicator(name="培训人次", weight=_count("10", 10, "分"), score=Figure(text="lO", kind=Kind.TEXT))
    keep_attributable(_report(scanned))
    assert scanned.score is None
    assert scanned.weight is not None and scanned.weight.value == 10


def test_points_read_as_numbers_stay_in() -> None:
    read = Indicator(name="培训人次", weight=_count("10", 10, "分"), score=_count("9.5", 9.5, "分"))
    keep_attributable(_report(read))
    assert read.score is not None and read.score.value == 9.5


def test_an_execution_weight_of_the_whole_form_stays_out() -> None:
    whole = Funding(execution_weight=_count("100", 100, "分"), execution_score=_count("10", 10, "分"))
    keep_attributable(_report(funding=whole))
    assert whole.execution_weight is None
    assert whole.execution_score is not None


def test_an_execution_row_read_one_column_off_stays_out() -> None:
    shifted = Funding(
        execution_rate=Figure(text="10", value=10, unit=None),
        execution_weight=_count("45.9", 45.9, "分"),
        execution_score=Figure(text="98.5%", value=98.5, unit="%", kind=Kind.PERCENT),
    )
    keep_attributable(_report(funding=shifted))
    assert (shifted.execution_rate, shifted.execution_weight, shifted.execution_score) == (None, None, None)


def test_an_execution_row_in_its_columns_stays_in() -> None:
    row = Funding(
        execution_rate=_percent(98.5),
        execution_weight=_count("10", 10, "分"),
        execution_score=_count("9.85", 9.85, "分"),
    )
    keep_attributable(_report(funding=row))
    assert row.execution_rate is not None and row.execution_weight is not None and row.execution_score is not None


def test_an_execution_weight_of_its_row_stays_in() -> None:
    row = Funding(execution_weight=_count("10", 10, "分"))
    keep_attributable(_report(funding=row))
    assert row.execution_weight is not None


# ---- a total of one level among others (source_clauses.drop_one_level_totals) ----------------------------

_LEVELS = (
    "一、资金情况\n"
    "2022年本中心收到中央下达的残疾人康复补助资金612万元，主要用于康复训练补贴。\n"
    "省级下达资金85万元，主要用于辅具适配。\n"
)


def test_a_total_of_one_level_among_others_stays_out() -> None:
    funding, _ = funding_of(_LEVELS)
    assert funding.allocated.total is None


def test_a_total_given_by_one_level_alone_stays_in() -> None:
    funding, _ = funding_of(_LEVELS.split("省级")[0])
    assert funding.allocated.total is not None and funding.allocated.total.value == 612


def test_the_receiving_level_is_no_other_level() -> None:
    text = (
        "一、资金情况\n"
        "2022年,中央下达我县残疾人康复补助资金共612万元。\n"
        "其中3月,省财政厅向我县下达第一批资金400万元。\n"
    )
    funding, _ = funding_of(text)
    assert funding.allocated.total is not None and funding.allocated.total.value == 612


# ---- a total each project paragraph states (project_parts.drop_item_totals) ------------------------------

_PROJECTS = (
    "三、项目资金使用情况\n"
    "2023年区财政共计下达我单位项目资金48万元。\n"
    "1.社区读书活动经费。该项目到位资金20万元,年内已支出20万元,用于购置图书。\n"
    "2.志愿服务培训经费。该项目到位资金28万元,年内已支出26万元,用于培训讲师。\n"
)


def test_a_total_of_one_project_paragraph_among_several_stays_out() -> None:
    funding, _ = funding_of(_PROJECTS)
    assert funding.executed.total is None
    assert funding.allocated.total is not None and funding.allocated.total.value == 48  # stated outside them


def test_a_total_of_the_only_project_paragraph_stays_in() -> None:
    funding, _ = funding_of(_PROJECTS.split("2.志愿")[0])
    assert funding.executed.total is not None and funding.executed.total.value == 20


def _row(name: str, *cells: str | None, reader: str = "table.t3.indicator") -> Indicator:
    """A table row read by one reader: target, actual, weight, score (None for a cell not read)."""
    figures = [
        None if cell is None else Figure(text=cell, value=float(cell.rstrip("人")), found_by=reader) for cell in cells
    ]
    return Indicator(name=name, target=figures[0], actual=figures[1], weight=figures[2], score=figures[3])


def test_a_row_that_lost_its_actual_cell_stays_out() -> None:
    short = _row("举办讲座人次", "3200人", None, "3", "3")
    report = _report(_row("建档人数", "500人", "480人", "2", "2"), short, _row("随访人数", "90人", "88人", "2", "2"))
    keep_attributable(report)
    assert (short.target, short.weight, short.score) == (None, None, None)
    assert all(row.actual is not None for row in report.indicators if row is not short)


def test_a_row_of_a_table_without_actuals_stays_in() -> None:
    rows = [_row("建档人数", "500人", None, "2", "2"), _row("随访人数", "90人", None, "2", "2")]
    keep_attributable(_report(*rows))
    assert all(row.target is not None and row.score is not None for row in rows)


def test_a_blank_actual_between_pipes_is_the_reports_and_stays_in() -> None:
    pipes = "table.t1.indicator"  # a pipe dump prints the empty 完成值 cell: nothing was shifted
    blank = _row("举办讲座人次", "3200人", None, "3", "0", reader=pipes)
    others = [
        _row("建档人数", "500人", "480人", "2", "2", reader=pipes),
        _row("随访人数", "90人", "88人", "2", "2", reader=pipes),
    ]
    keep_attributable(_report(others[0], blank, others[1]))
    assert blank.target is not None and blank.weight is not None and blank.score is not None
