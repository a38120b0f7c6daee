"""Prose shapes of held-out set 6, one class each, on invented paragraphs."""

from __future__ import annotations

from jixiao.extract.rules.funding import extract_funding
from jixiao.extract.rules.goal_statements import read_goal_statements
from jixiao.extract.rules.indicators import extract_indicators
from jixiao.extract.rules.score import extract_score
from jixiao.extract.rules.scored_items import read_scored_items
from reading import read


def _goals(raw: str) -> list[tuple[str | None, str, str | None]]:
    text = read(raw)
    return [(i.level2, i.name, i.target.text if i.target else None) for i in read_goal_statements(text)]


# ---- goals the transfer template breaks down under their second-level names ------------------------------


def test_goals_listed_under_their_second_level_names_are_targets_of_that_level() -> None:
    found = _goals(
        "一、绩效目标分解下达情况\n(一)中央下达某省土壤防治资金预算和区域绩效目标情况\n"
        "下达资金共900万元。具体分解二级指标3个、三级指标5个:\n"
        "1.数量指标2个:新建污水管网12公里、改造提升泵站3座。\n"
        "2.时效指标2个:项目开工率100%,项目完工率≥80%。\n"
        "3.生态效益指标1个:区域水质持续改善。\n"
        "4.服务对象满意度指标1个:受益群众满意度≥85%。\n"
    )
    assert found == [
        ("数量指标", "新建污水管网", "12公里"),
        ("数量指标", "改造提升泵站", "3座"),
        ("时效指标", "项目开工率", "100%"),
        ("时效指标", "项目完工率", "≥80%"),
        ("服务对象满意度指标", "受益群众满意度", "≥85%"),
    ]


def test_a_list_that_does_not_hold_what_its_lead_counts_or_states_what_was_done_is_not_read() -> None:
    miscounted = "一、绩效目标分解下达情况\n1.数量指标3个:新建污水管网12公里、改造泵站、清淤河道4公里。\n"
    assert _goals(miscounted) == []  # 改造泵站 has no figure: the list is not what the lead counts
    done = "二、绩效目标完成情况分析\n1.数量指标2个:新建污水管网12公里、改造泵站3座。\n"
    assert _goals(done) == []  # under a heading about what was done these are no targets


# ---- the score and grade of a narrative ------------------------------------------------------------------


def _score(raw: str) -> tuple[str | None, str | None]:
    text = read(raw)
    score, grade = extract_score(text)
    return (score.text if score else None, grade.text if grade else None)


def test_a_bare_score_closing_its_clause_and_a_grade_after_a_colon() -> None:
    assert _score("二、综合评价结论\n资金用于保护补助。自评得分87.6,综合评价结果为:良。\n") == ("87.6", "良")


def test_the_sheets_maximum_on_the_line_does_not_make_it_an_indicators_line() -> None:
    assert _score("按照工作方案进行自评,总分值为100分,自评分为96分。\n") == ("96", None)


# ---- a budget split into its year-start part and an addition; a balance closing a spending list -----------


def _lines(raw: str) -> tuple[str | None, str | None, list[tuple[str, str]]]:
    text = read(raw)
    funding, spending = extract_funding(text)
    budget, initial = funding.budget.total, funding.initial.total
    return (
        budget.text if budget else None,
        initial.text if initial else None,
        [(item.category, item.amount.text) for item in spending],
    )


def test_a_budget_income_with_its_year_start_part_and_an_addition_is_the_budget() -> None:
    text = "2023年预算收入120.5万元,其中年初预算100.5万元,调整追加20万元。其他资金来源8万元。\n"
    assert _lines(text)[:2] == ("120.5万元", "100.5万元")
    bracketed = "整治行动资金500万元(财政预算450万元,年底追加示范村奖补资金50万元),主要用于以奖促治。\n"
    assert _lines(bracketed)[:2] == ("500万元", "450万元")


def test_parts_that_do_not_make_up_the_whole_are_no_initial_budget() -> None:
    assert _lines("2023年预算收入120.5万元,其中年初预算90万元,调整追加20万元。\n")[:2] == (None, None)


def test_the_balance_closing_a_spending_list_is_no_part_of_the_spending() -> None:
    text = "2023年支出95万元,其中基本支出80万元,项目支出15万元,结余结转0万元。\n"
    assert _lines(text)[2] == [("基本支出", "80万元"), ("项目支出", "15万元")]
    unbalanced = "2023年支出95万元,其中基本支出70万元,项目支出15万元,结余结转10万元。\n"
    assert _lines(unbalanced)[2] == []  # the parts before the balance do not make up what was spent


# ---- what was done, counted roughly, under a 完成情况 heading -------------------------------------------


def _achieved(raw: str) -> list[tuple[str | None, str, str | None, str | None]]:
    text = read(raw)
    return [
        (i.level1, i.name, i.actual.text if i.actual else None, i.actual and i.actual.kind.value)
        for i in extract_indicators(text)
    ]


def test_rough_counts_are_actuals_as_printed_and_counted_items_split_at_the_list_mark() -> None:
    found = _achieved(
        "(二)绩效目标完成情况\n1.产出指标完成情况。某办事处2023年今年以来共走访困难群众共300多户,"
        "上门送医送药、陪同就诊80余人次。走访社区12个、志愿团体20余家,调解纠纷率达100%。\n"
    )
    assert found == [
        ("产出指标", "走访困难群众", "300多户", "text"),
        ("产出指标", "上门送医送药、陪同就诊", "80余人次", "text"),
        ("产出指标", "走访社区", "12个", "number"),
        ("产出指标", "志愿团体", "20余家", "text"),
        ("产出指标", "调解纠纷率", "100%", "percent"),
    ]


def test_a_list_with_an_item_of_a_targets_shape_is_not_split() -> None:
    found = _achieved("1.产出指标完成情况。削减排放量120吨/年、恢复湿地面积30平方公里。\n")
    assert found == []  # `120吨/年` is no plain count: the 、 list is not read item by item


# ---- money that arrived, money paid to a counted part of the recipients, money that did not arrive --------


def _totals(raw: str) -> tuple[str | None, str | None]:
    text = read(raw)
    funding, _ = extract_funding(text)
    allocated, executed = funding.allocated.total, funding.executed.total
    return (allocated.text if allocated else None, executed.text if executed else None)


def test_money_reaching_the_units_account_is_allocated_and_a_counted_part_paid_is_executed() -> None:
    text = (
        "县财政局于2021年12月20日将中央专项资金(某财指〔2021〕88号)96万元资金抵达我局账户。"
        "我局将14户补助资金全部操作完毕,其中13户共计90万元资金全部支付到位,一户补助资金6万元未到位,原因是账户冻结。\n"
    )
    assert _totals(text) == ("96万元", "90万元")


def test_money_that_did_not_arrive_is_no_allocation() -> None:
    assert _totals("三、偏离原因\n一户补助资金6万元未到位,原因是账户冻结。\n") == (None, None)


def test_the_whole_of_the_parts_an_earlier_sentence_gave_out_is_the_total() -> None:
    text = (
        "《某省财政厅关于下达2022年民间艺术保护资金预算的通知》下达我市某县文化馆灯戏保护补助30万元,"
        "下达我市某县传承人补助-剪纸(某县张氏剪纸)5万元。\n"
        "2022年我市民间艺术保护资金下达35万元,资金到位率100%。\n"
    )
    assert _totals(text) == ("35万元", None)


# ---- a scoring sheet in prose that prints no points -------------------------------------------------------


def test_items_of_a_prose_sheet_with_one_score_each_are_scored_indicators_under_their_headings() -> None:
    text = read(
        "按照考核办法进行自评,总分值为100分,自评分为96分。\n一、项目投入\n(一)、项目立项\n"
        "(1)政策依据充分性:县政府印发了扶持办法,明确了补助标准,得5分\n"
        "(2)申报程序规范性:1、项目申报材料齐全,得2分;2、审核程序完整,得2分。\n"
        "(二)资金落实\n(1)补助资金到位率:收到省级补助资金50万元,资金在审核中。得3分。\n"
        "(2)补助资金到位及时率得2分。\n"
    )
    found = [(i.level1, i.level2, i.name, i.score.text if i.score else None) for i in read_scored_items(text)]
    assert found == [  # the item scored in numbered parts is a row of the sheet with no one score
        ("项目投入", "项目立项", "政策依据充分性", "5分"),
        ("项目投入", "项目立项", "申报程序规范性", None),
        ("项目投入", "资金落实", "补助资金到位率", "3分"),
        ("项目投入", "资金落实", "补助资金到位及时率", "2分"),
    ]


def test_two_scored_items_are_no_sheet() -> None:
    text = read("一、项目投入\n(1)政策依据充分性:印发了办法,得5分\n(2)补助资金到位率:资金已到位,得3分。\n")
    assert read_scored_items(text) == []
