"""Prose shapes of held-out set 3, one class each, on invented paragraphs."""

from __future__ import annotations

from jixiao.extract.rules.header import read_header
from jixiao.extract.rules.paired_lists import read_paired_lists
from jixiao.extract.rules.review_sheet import read_review_sheet
from jixiao.extract.rules.scored_headings import read_scored_headings
from reading import funding_of, read

_SHEET = (
    "一、决策(20分)\n"
    "(一)项目立项(9分)\n"
    "(1)立项依据充分性(4分)\n"
    "项目符合本县发展规划，经集体研究决定，程序完整。自评得4分。\n"
    "(2)绩效目标合理性(5分):\n"
    "目标与年度任务匹配，部分指标未量化。自评得3.5分。\n"
    "(二)资金落实(11分):\n"
    "今年落实项目资金860万元，资金到位率100%。自评得11分。\n"
    "二、过程(30分)\n"
    "(一)项目管理(12分)\n"
    "(1)制度健全性(6分)\n"
    "我单位制定了项目管理办法。自评得6分。\n"
    "(2)制度执行有效性(6分)\n"
    "对项目开展定期巡查，对发现的问题"
)


def _sheet(raw: str) -> list[tuple[str | None, str | None, str, str | None, str | None]]:
    text = read(raw)
    return [
        (i.level1, i.level2, i.name, i.weight.text if i.weight else None, i.score.text if i.score else None)
        for i in read_scored_headings(text)
    ]


def test_a_scoring_sheet_in_prose_gives_items_with_points_and_scores() -> None:
    assert _sheet(_SHEET) == [
        ("决策", "项目立项", "立项依据充分性", "4", "4"),
        ("决策", "项目立项", "绩效目标合理性", "5", "3.5"),
        ("决策", None, "资金落实", "11", "11"),  # a second level with no items, scored in its own text
        ("过程", "项目管理", "制度健全性", "6", "6"),
        ("过程", "项目管理", "制度执行有效性", "6", None),  # cut before its score
    ]


def test_a_sheet_whose_printed_parts_do_not_add_up_is_not_read() -> None:
    # 决策 (20) over 项目立项 (9) + 资金落实 (11); with a heading missed, 9 + 0 would give false sums
    assert _sheet(_SHEET.replace("(二)资金落实(11分):", "二是资金落实情况:")) == []


def test_headings_with_points_but_no_score_given_are_no_sheet() -> None:
    assert _sheet(_SHEET.replace("自评得", "得到")) == []
    # a report's own outline with points, one heading only
    assert _sheet("(二)资金管理(10分)\n资金使用规范。自评得10分。\n") == []


def test_a_sentence_that_names_a_form_is_no_title() -> None:
    text = read("一、投入(14分)\n设立某县教师培训专项资金区域绩效目标表。\n")
    assert read_header(text).title is None


def test_named_amounts_before_their_stated_sum_are_its_parts() -> None:
    funding, spending = funding_of(
        "2023年度，市级下达转移支付敬老项目12万元；困难群众救助项目30.5万元；公墓建设补助7.5万元。"
        "共计下达市级转移支付资金50万元。\n"
    )
    assert funding.allocated.total is not None and funding.allocated.total.text == "50万元"
    assert funding.executed.total is None and funding.budget.total is None
    assert [(item.category, item.amount.text) for item in spending] == [
        ("敬老项目", "12万元"),
        ("困难群众救助项目", "30.5万元"),
        ("公墓建设补助", "7.5万元"),
    ]


def test_amounts_that_do_not_add_up_to_the_sum_after_them_are_no_parts() -> None:
    _, spending = funding_of("下达敬老项目12万元；救助项目30万元；公墓建设补助7万元。共计下达资金60万元。\n")
    assert spending == []


def test_where_a_stated_total_went_is_spending_whatever_level_it_names() -> None:
    funding, spending = funding_of(
        "合计下达我区某文化补助资金800万元。\n"
        "经研究，下达各县某文化补助资金650万元(不含预留资金)，安排自治区本级部门预算资金150万元。\n"
        "其中：\n1.一般项目资金共计500万元。其中"
    )
    assert funding.allocated.total is not None and funding.allocated.total.text == "800万元"
    assert funding.budget.total is None  # neither 安排…150 nor the summed part 500 is a budget
    assert [(item.category, item.amount.text) for item in spending] == [
        ("各县某文化补助资金", "650万元"),
        ("自治区本级部门预算资金", "150万元"),
    ]


def test_a_generic_name_among_parts_that_add_up_is_a_part() -> None:
    head = "省级下达我市文化专项资金500万元，其中：一般项目资金300万元，专项资金80万元，"
    _, spending = funding_of(head + "奖励资金120万元。\n")
    assert [item.category for item in spending] == ["一般项目资金", "专项资金", "奖励资金"]
    _, spending = funding_of(head + "奖励资金100万元。\n")
    assert spending == []  # 480 of 500: the generic name is not trusted


def test_a_list_cut_by_the_end_of_the_excerpt_that_does_not_add_up_is_no_split() -> None:
    _, spending = funding_of("项目累计支付资金合计100万元，其中村道资金60万元、村集体资金30万元、扣除群众")
    assert spending == []
    _, spending = funding_of("项目累计支付资金合计100万元，其中村道资金60万元、村集体资金40万元、")
    assert [item.category for item in spending] == ["村道资金", "村集体资金"]


def test_a_list_of_targets_then_a_list_of_what_was_done_pairs_by_name() -> None:
    text = read(
        "(二)项目绩效目标。2022年项目目标:资助困难老人体检300人,慢病随访服务1200人次,助听器适配40"
        "实际完成:资助困难老人体检312人,慢病随访服务1150人次,助听器适配40人,另开展义诊3次。\n"
    )
    assert [(i.name, i.target.text, i.actual.text) for i in read_paired_lists(text)] == [
        ("资助困难老人体检", "300人", "312人"),
        ("慢病随访服务", "1200人次", "1150人次"),
        ("助听器适配", "40", "40人"),  # the target ran into the marker: printed without its unit
    ]


def test_lists_that_share_fewer_than_two_names_or_hold_money_are_no_pairs() -> None:
    text = read("项目目标:体检300人,随访1200人次。实际完成:义诊3次,培训40人。\n")
    assert read_paired_lists(text) == []
    text = read("目标:补助资金30万元,体检300人实际完成:补助资金30万元,体检310人。\n")
    assert read_paired_lists(text) == []


# 湖北's 财政预算支出项目绩效目标自评表: 项目权重 | 评价内容 | 分值 | 自评分 | 复核分 | 评价标准及依据 (invented rows)
_REVIEW_GLUED = (
    "项目权重评价内容分值自评分复核分评价标准及依据项目决策3分立项依据33有上级批复文件计3分,没有不得分。"
    "项目管理12分资金管理541、资金专款专用3分;2、有支出凭证2分。人员分工22有专人负责2分。"
    "档案管理531、项目档案齐全3分;2、按时归档2分。项目年度目标:完成堤防巡查。一级指标二级指标\n"
)
_REVIEW_SPACED = (
    "项目权重 评价内容 分值 自评分 项目决策 3 分 立项依据 3 3 复核分 评价标准及依据 有上级批复文件计 3 分。"
    " 1、资金专款专用 3 分; 资金管理 5 4 2、有支出凭证 2 分。 人员分工 项目管理 12 分 2 2 有专人负责 2 分。"
    " 1、项目档案齐全 3 分; 档案管理 5 3 2、按时归档 2 分。 项目年度目标 1:完成堤防巡查\n"
)


def _review(raw: str) -> list[tuple[str | None, str, str | None, str | None]]:
    text = read(raw)
    return [
        (i.level1, i.name, i.weight.text if i.weight else None, i.score.text if i.score else None)
        for i in read_review_sheet(text)
    ]


def test_a_review_column_sheet_gives_each_row_its_weight_score_and_block() -> None:
    """Glued (`资金管理541、…` is 5 | 4 and the criterion's `1、`) or a PDF's text layer (a block's `项目管理 12 分`
    between a name and its figures), each row is read, its first level the block whose points its weights
    fill in order; the criteria's own points (`计3分`, `2、有支出凭证2分`) are no rows."""
    rows = [
        ("项目决策", "立项依据", "3", "3"),
        ("项目管理", "资金管理", "5", "4"),
        ("项目管理", "人员分工", "2", "2"),
        ("项目管理", "档案管理", "5", "3"),
    ]
    assert _review(_REVIEW_GLUED) == rows
    assert _review(_REVIEW_SPACED) == rows
    unfilled = _REVIEW_GLUED.replace("项目管理12分", "项目管理15分")  # the blocks' points and weights disagree
    assert [level for level, *_ in _review(unfilled)] == [None] * 4
    assert _review(_REVIEW_GLUED.replace("自评分", "得分")) == []  # no such header: none


_GIVEN_IN_HEADINGS = (
    "一、投入(分值20分,自评得19分)\n"
    "(一)项目立项(分值8分,自评得8分)\n"
    "我局印发了实施细则，目标明确。\n"
    "(二)资金落实(满分14分，得分11分)\n"
    "资金到位率100%，部分资金到位较晚。\n"
    "二、过程(分值30分,自评得29分)\n"
    "(一)项目管理(分值18分,自评得17分)\n"
    "我局建立了动态管理台账，每季度比对"
)


def test_headings_that_print_their_own_points_given_are_a_sheet() -> None:
    # 投入 prints 20 over 8 + 14: parts over their heading are the sheet's misprint, no heading missed
    assert _sheet(_GIVEN_IN_HEADINGS) == [
        ("投入", None, "项目立项", "8", "8"),
        ("投入", None, "资金落实", "14", "11"),
        ("过程", None, "项目管理", "18", "17"),
    ]
    # a group whose printed parts fall short of it still refuses the sheet (a heading may be missed)
    assert _sheet(_GIVEN_IN_HEADINGS.replace("满分14分，得分11分", "满分10分，得分9分")) == []


def test_level_headings_of_an_indicator_report_with_their_points_are_no_sheet() -> None:
    report = (
        "(一)产出指标(分值50分,得分49分)\n(1)培训人数:年度指标值≥200人,实际完成210人,分值25分,得分25分。\n"
        "(二)效益指标(分值30分,得分30分)\n(1)就业人数:年度指标值≥150人,实际完成156人。\n"
        "(三)满意度指标(分值10分,得分10分)\n服务对象满意度≥90%,实际92%。\n"
    )
    assert _sheet(report) == []


# the score a PDF's text layer printed between the lines of a wrapped criterion (`人员分工 2 有专人负责 2 分。没 2 有…`)
_REVIEW_SPLIT = (
    "项目权重 评价内容 分值 自评分 项目决策 3 分 立项依据 3 3 复核分 评价标准及依据 有上级批复文件计 3 分。"
    " 1、资金专款专用 3 分; 资金管理 5 4 2、有支出凭证 2 分。 人员分工 项目管理 12 分 2 有专人负责 2 分。没 2"
    " 有不得分 1、项目档案齐全 3 分; 档案管理 5 0.5 分,扣完为止; 3 2、按时归档 2 分。 项目年度目标 1:完成堤防巡查\n"
)


def test_a_score_printed_inside_its_wrapped_criterion_is_read_when_the_blocks_points_fill() -> None:
    assert _review(_REVIEW_SPLIT) == [
        ("项目决策", "立项依据", "3", "3"),
        ("项目管理", "资金管理", "5", "4"),
        ("项目管理", "人员分工", "2", "2"),  # the criterion's `2 分` is no score; the `2` after `没` is
        ("项目管理", "档案管理", "5", "3"),  # `0.5 分` is the criterion's; `3` before `2、` the score
    ]
    unfilled = _REVIEW_SPLIT.replace("项目管理 12 分", "项目管理 14 分")
    assert _review(unfilled) == []  # not vouched for: two rows alone make no sheet
