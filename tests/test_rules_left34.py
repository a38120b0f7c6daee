"""Misses left on held-out sets 16–17 (invented text in the phrasings real pages print): a county whose name
starts with 全, the plan of the report's own government it cites."""

from __future__ import annotations

from jixiao.documents.tables.table import Role
from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.places import branch_of, leading_places, most_specific
from reading import funding_of, indicator_rows, read, tables_of


def test_a_county_named_with_a_head_of_whole_but_no_whole_county() -> None:
    assert leading_places("全溪县财政局关于") == ["全溪县"]
    for words in ("全县各乡镇", "全县城区", "全市区域", "全区", "全民健身区", "全面提升示范区", "安全区建设"):
        assert leading_places(words) == [], words


def test_the_place_of_its_governments_plan_for_a_year_when_the_report_says_its_level() -> None:
    raw = (
        "关于2030年度某某防治项目资金绩效评价报告 一、项目基本情况 2030年,我县共排查隐患点40处。"
        "(二)绩效目标 依据《全溪县人民政府 2029 年某某防治方案》的要求,对全县有关人员进行培训。\n"
    )
    assert read_header(read(raw)).region == "全溪县"
    assert read_header(read(raw.replace("我县", "本地"))).region is None
    assert read_header(read(raw.replace("2029 年某某", "某某"))).region is None  # no year, no 关于: no notice


def test_a_branch_office_is_of_the_district_it_serves() -> None:
    assert branch_of("青禾市市场监督管理局经开区分局") == ("青禾市", "经开区")
    assert branch_of("青禾市自然资源局柳岸区分局") == ("青禾市", "柳岸区")
    assert branch_of("青禾市公安局柳岸分局") == ("青禾市", None)  # no district's name before 分局: not sure
    assert most_specific("青禾市自然资源局柳岸区分局") == "青禾市"  # an office's name holds no place
    assert leading_places("经审定区划") == []  # 经 opens a verb's clause, 经开区 a zone's name


def test_a_rate_after_its_labels_formula_is_the_execution_rate() -> None:
    block = "预算执行情况(万元)\n 转移支付预算数(A) 7.4万 预算执行率(B/A) 95%\n 转移支付执行数(B) 7.03万\n"
    funding, _ = funding_of(block)
    assert funding.execution_rate is not None and funding.execution_rate.value == 95
    funding, _ = funding_of(block.replace("(B/A) 95%", "(B/A) 分值 10"))
    assert funding.execution_rate is None


_SPACED = """二级指标 三级指标 指标值 完成值
数量指标 指标1.苗木抽检品种 ≥3 4
指标2.种子抽检批次 ≥5 6
指标3.农药监管企业数
指标4.化肥监管企业数 ≥20 25
质量指标 指标1.抽检完成率 100% 100%
指标2.不合格处置率
指标3.培训覆盖率 100% 100%
"""


def test_a_numbered_name_alone_on_its_line_in_a_spaced_table_is_a_row_of_levels_only() -> None:
    [table] = tables_of(_SPACED)
    rows = [(row.text(Role.LEVEL2), row.text(Role.NAME), row.text(Role.TARGET)) for row in table.rows]
    assert ("数量指标", "指标3.农药监管企业数", "") in rows
    assert ("质量指标", "指标2.不合格处置率", "") in rows
    assert len(rows) == 7
    # a line of words that is no numbered name (a note, a heading) stays aside
    [table] = tables_of(_SPACED.replace("指标3.农药监管企业数", "备注说明文字"))
    assert len(table.rows) == 6


_TASK_DONE = (
    "(二)项目绩效指标完成情况\n1.产出指标完成情况。\n一是接运提速。全县实现接运612人,接运率达99.5%。\n"
    "2.效益指标完成情况。\n某中心项目的实施,保障了改革推进。(3)超额完成《某中心2030年工作计划》中的接运任务500具,"
    "2030年共接运遗体612具。\n3.满意度指标完成情况。\n"
)


def test_a_task_then_the_count_done_in_one_unit_is_an_indicator_and_its_bare_restatement_goes() -> None:
    rows = indicator_rows(_TASK_DONE, "level1", "name", "target", "actual")
    assert ("效益指标", "接运遗体", "500具", "612具") in rows
    assert not any(row[3] == "612人" for row in rows)  # the same count said bare in the summary
    assert ("产出指标", "接运率", None, "99.5%") in rows
    other_unit = indicator_rows(_TASK_DONE.replace("612具", "612人"), "name", "target")
    assert ("接运遗体", "500具") not in other_unit  # a task and a count of two units: no pair
    small = indicator_rows(_TASK_DONE.replace("612", "61").replace("500具", "50具"), "name", "actual")
    assert ("实现接运", "61人") in small  # a small count two indicators may share by chance: both kept


_PERIODS = (
    "安排某助学补助项目计划资金500万元,分春季和秋季学期实施,春季学期第一批补助1000人次200万元;第二批共拨付60人次12万元;"
    "春季学期共拨付1060人次212万元。秋季学期第一批补助900人次180万元,秋季学期合计拨付900人次180万元。"
    "目前项目已实施完成,全年共拨付392万元。\n"
)


def test_period_subtotals_that_sum_to_the_years_payments_are_the_spending_and_the_executed_total() -> None:
    funding, spending = funding_of(_PERIODS)
    assert funding.executed.total is not None and funding.executed.total.value == 392
    assert [(item.category, item.amount.value if item.amount else None) for item in spending] == [
        ("春季学期", 212.0),
        ("秋季学期", 180.0),
    ]
    funding, spending = funding_of(_PERIODS.replace("392万元", "400万元"))  # no sum: nothing read so
    assert not spending and (funding.executed.total is None or funding.executed.total.value != 400)
    funding, spending = funding_of(_PERIODS.replace("拨付1060人次", "拨付").replace("拨付900人次", "拨付"))
    assert not spending  # 拨付 to no persons counted: money handed on, not surely paid out


_BROKEN_PIPE_ROW = """公众知晓率 | = | 100 | % | 98 | 5 | 5 |
| |||
可持续影响指标 | 管护机制健全性 | 定性 | 好坏 |
| 好坏 | 6 | 6 |
| ||
满意度指标 | 服务对象满意度指标 | 参与群众满意度 | ≥ | 90 | % | 93 | 5 | 5 |
| |
受益农户满意度 | ≥ | 90 | % | 95 | 5 | 4 |
"""


def test_a_pipe_rows_values_broken_onto_the_next_line_are_read_with_it() -> None:
    [table] = tables_of(_BROKEN_PIPE_ROW)
    rows = {
        row.text(Role.NAME): [row.text(role) for role in (Role.ACTUAL, Role.WEIGHT, Role.SCORE)] for row in table.rows
    }
    assert rows["管护机制健全性"] == ["好坏", "6", "6"]
    # a next line that names a row of its own is no continuation
    [table] = tables_of(_BROKEN_PIPE_ROW.replace("| 好坏 | 6 | 6 |", "| 好坏 | 养护指标 | 6 |"))
    rows = {row.text(Role.NAME): [row.text(role) for role in (Role.ACTUAL, Role.WEIGHT)] for row in table.rows}
    assert rows["管护机制健全性"] == ["", ""]
