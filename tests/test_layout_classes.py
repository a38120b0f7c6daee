"""Layouts the metamorphic eval (eval/layouts.py) showed the reader losing when the same form came another way:
a squashed table's header led by the form's block label or with cells printed with a space inside, and a
PDF's text wrapped at the page width (squashed rows cut mid-cell, figures pushed to the next line)."""

from __future__ import annotations

from jixiao.documents import Document
from jixiao.documents.normalize import normalize
from jixiao.documents.page_width import display_width, page_width
from jixiao.documents.tables import Kind
from jixiao.documents.tables.removed_spaces import removed_spaces
from jixiao.evaluation import score_report
from jixiao.extract.rules import extract_rules
from reading import tables_of

ROWS = """绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分 偏差原因分析及改进措施
产出指标 数量指标 修缮校舍面积 ≥800平方米 815平方米 20 20 无
质量指标 工程验收合格率 100% 100% 20 20 无
效益指标 社会效益指标 受益学生人数 ≥1200人 1236人 30 30 无
"""


def _indicator_rows(raw: str) -> list[dict[str, str]]:
    tables = [table for table in tables_of(raw) if table.kind is Kind.INDICATORS]
    assert len(tables) == 1
    return [{role.value: cell.text for role, cell in row.cells.items()} for row in tables[0].rows]


def test_a_squashed_header_led_by_the_forms_block_label_heads_the_rows() -> None:
    rows = _indicator_rows(ROWS)
    assert [row["name"] for row in rows] == ["修缮校舍面积", "工程验收合格率", "受益学生人数"]
    assert rows[0]["target"] == "≥800平方米" and rows[2]["actual"] == "1236人" and rows[1]["level1"] == "产出指标"


def test_header_cells_printed_with_a_space_inside_name_their_columns() -> None:
    spaced = (
        ROWS.replace("一级指标", "一级 指标").replace("年度指标值", "年度 指标值").replace("实际完成值", "实际 完成值")
    )
    assert _indicator_rows(spaced) == _indicator_rows(ROWS)


def test_words_that_name_no_column_leave_the_line_unread_as_a_header() -> None:
    assert not [table for table in tables_of(ROWS.replace("一级指标", "主要 内容")) if table.kind is Kind.INDICATORS]


PROSE = (
    "本年度项目支出共5项，年初预算数为2461.50万元，全年支出2398.20万元，分别为：校舍维修改造资金\n"
    "1320.00万元、学生资助补助资金486.30万元、教师培训专项经费75.40万元、信息化\n"
    "设备购置资金312.50万元、食堂改造经费204.00万元。\n"
)


def test_a_figure_a_wrap_put_first_on_its_line_is_no_heading() -> None:
    text, _ = normalize(PROSE)
    assert "校舍维修改造资金1320.00万元、学生资助" in text and "信息化设备购置资金" in text


def test_two_figures_a_line_apart_stay_apart() -> None:
    text, _ = normalize("其中:省级补助资金(万元) 本年度安排到位合计 37.600000\n37.600000 37.600000 100.00%\n")
    assert "37.60000037.600000" not in text


SQUASHED = (
    "项目支出绩效自评表 项目名称 乡村道路养护补助 主管部门 临河县交通运输局 项目资金(万元) 年初预算数 全年预算数 "
    "全年执行数 分值 执行率 得分 年度资金总额 120.00 120.00 116.40 10 97.00% 9.7 一级指标 二级指标 三级指标 "
    "年度指标值 实际完成值 分值 得分 产出指标 数量指标 养护农村公路里程 ≥86公里 88.5公里 20 20 质量指标 路面完好率 "
    "≥90% 93.6% 20 20 效益指标 社会效益指标 沿线群众出行时间缩短 明显缩短 明显缩短 20 18 满意度指标 服务对象满意度 "
    "沿线群众满意度 ≥90% 95% 20 20"
)


def _wrap(line: str, width: int) -> list[str]:
    """Break a line where a page of `width` columns ends (never inside a number)."""
    lines, start = [], 0
    while display_width(line[start:]) > width:
        end, used = start, 0
        while used + display_width(line[end]) <= width:
            used += display_width(line[end])
            end += 1
        while (line[end - 1].isdigit() and line[end].isdigit()) or line[end - 1] == "." or line[end] in ".%":
            end -= 1
        lines.append(line[start:end])
        start = end
    return [*lines, line[start:]]


def test_lines_wrapped_at_one_width_are_found_and_rows_of_every_width_are_not() -> None:
    assert page_width(_wrap(SQUASHED, 60)) in range(56, 61)
    assert page_width(ROWS.splitlines()) is None


def test_a_squashed_table_wrapped_at_the_page_width_reads_as_it_did_on_one_line() -> None:
    whole = extract_rules(Document.from_text(SQUASHED, path="a.txt", format="txt", sha256="0"))
    wrapped = "\n".join(_wrap(SQUASHED, 60))
    assert wrapped.count("\n") >= 6
    report = extract_rules(Document.from_text(wrapped, path="a.txt", format="txt", sha256="0"))
    assert len(whole.indicators) == 4 and whole.funding.executed.total is not None
    score = score_report(whole, report)[0].facts
    assert score.correct == score.gold == score.output


def test_a_line_break_the_page_put_inside_a_word_is_no_gap_between_cells() -> None:
    joined = 0
    for width in range(50, 71, 4):
        raw = "\n".join(_wrap(SQUASHED, width))
        text, origin = normalize(raw)
        gap = removed_spaces(text, origin, raw)
        for index in range(1, len(text)):
            if raw[origin[index - 1] + 1 : origin[index]] == "\n":
                joined += 1
                assert not gap(index), (width, text[index - 5 : index + 5])
    assert joined >= 3


def test_a_block_label_spaced_out_letter_by_letter_still_leads_the_header() -> None:
    assert _indicator_rows(ROWS.replace("绩效指标 ", "绩 效 指 标 ")) == _indicator_rows(ROWS)


NUMBERED = """一级指标 二级指标 三级指标 年度指标值 实际完成值 得分
产出指标 数量指标 一、集中供水工程维修 ≥40处 42处 20.0
1、水源井维修 ≥25处 26处 10.0
二、管网延伸工程 ≥12公里 12.6公里 20.0
1、主管网延伸 ≥8公里 8.4公里 10.0
二、绩效自评结论
本项目总体完成年度目标。
"""


def test_a_numbered_row_squashed_under_another_is_no_section_heading() -> None:
    rows = _indicator_rows(NUMBERED)
    names = ["一、集中供水工程维修", "1、水源井维修", "二、管网延伸工程", "1、主管网延伸"]
    assert [row["name"] for row in rows] == names
    assert rows[3]["actual"] == "8.4公里"


OCR_ROWS = """（本文由扫描件经OCR识别生成，如有差异以原件为准）
资金投入情况（万元） 全年预算数(A) 全年执行数(B) 预算执行率
年度资金总额 7O6.2O 688.4l 97.48%
其中：中央财政资金 5OO.OO 5OO.OO 1OO%
"""


def test_a_number_an_ocr_misread_stays_whole_in_a_squashed_row() -> None:
    report = extract_rules(Document.from_text(OCR_ROWS, path="a.txt", format="txt", sha256="0"))
    executed = report.funding.executed
    assert executed.total is not None and (executed.total.text, executed.total.value) == ("688.4l", 688.41)
    assert [(s.amount.text, s.amount.value) for s in report.funding.budget.by_source] == [("5OO.OO", 500.0)]


WRAPPED_CLAUSES = (
    "本年度县级财政分三批下达农村饮水安全工程维修养护资金，首批以县财\n"
    "农〔2022〕15号文件下达维修养护资金126万元，次批下达资金58万元；\n"
    "第三批下达应急抢修资金31万元，全年合计下达资金215万元，资金已全\n"
    "部拨付至各乡镇水利站，用于供水管网检修、水源地防护和水质检测。\n"
    "主要做法：\n"
    "一是建立台账；\n"
    "二是按月调度。\n"
)


def test_a_clause_the_page_edge_ended_runs_on_and_a_short_one_does_not() -> None:
    text, _ = normalize(WRAPPED_CLAUSES)
    assert "次批下达资金58万元；第三批下达应急抢修资金" in text
    assert "一是建立台账；\n二是按月调度。" in text
