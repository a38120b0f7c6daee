"""Normalization keeps an exact map back to the decoded text."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.documents.tables.removed_spaces import removed_spaces


def _check_map(raw: str, text: str, origin: list[int]) -> None:
    assert len(origin) == len(text)
    for index, char in enumerate(text):
        if char.isdigit() and raw[origin[index]].isdigit():
            assert raw[origin[index]] in (char, chr(ord(char) + 0xFEE0))


def test_full_width_digits_and_percent_become_half_width() -> None:
    text, origin = normalize("执行率为９９．５７％。")
    assert text == "执行率为99.57%。"
    _check_map("执行率为９９．５７％。", text, origin)


def test_latex_comparators_from_pdf_conversion() -> None:
    text, _ = normalize("目标指标值为 $\\geq 95\\%$ ，实际完成值为 100%。")
    assert text == "目标指标值为≥95%，实际完成值为100%。"


def test_bookmark_artefacts_are_removed() -> None:
    text, origin = normalize("[bookmark: _GoBack]2024年度执行率90%。")
    assert text == "2024年度执行率90%。"
    assert origin[0] == len("[bookmark: _GoBack]")


def test_spaces_between_number_and_chinese_are_dropped_but_not_between_numbers() -> None:
    text, _ = normalize("筹集 3877.67 万元，扎兰屯市 2025 年；全年预算数(A) 820.00 790.52")
    assert text == "筹集3877.67万元，扎兰屯市2025年；全年预算数(A) 820.00 790.52"


def test_long_line_broken_mid_sentence_is_joined() -> None:
    raw = (
        "2025年全市就业补助资金支出3861.14万元，其中社会保险补贴支出2189.86万元，占总\n\n"
        "支出的56.72%；公益性岗位补贴支出623.82万元。\n"
    )
    text, origin = normalize(raw)
    assert "占总支出的56.72%" in text
    position = text.index("支出的56.72%")
    assert raw[origin[position]] == "支"


def test_short_lines_and_headings_are_not_joined() -> None:
    raw = "全年预算数(A)\n全年执行数(B)\n这一行很长很长很长很长很长很长很长很长很长很长很长很长但没有句号\n(2) 下一项"
    text, _ = normalize(raw)
    assert text.splitlines() == ["全年预算数(A)", "全年执行数(B)", raw.splitlines()[2], "(2) 下一项"]


def test_crlf_line_endings() -> None:
    text, origin = normalize("第一行。\r\n第二行。")
    assert text == "第一行。\n第二行。"
    assert len(origin) == len(text)


def test_a_tab_separated_row_becomes_a_pipe_row_but_a_single_tab_stays() -> None:
    text, origin = normalize("甲\t\t12\t丙\n一句话\t结尾")
    assert text.splitlines() == ["甲 |  | 12 | 丙", "一句话\t结尾"]
    assert len(origin) == len(text)


def test_a_line_of_spaces_stays_as_an_empty_cell() -> None:
    text, _ = normalize("分值\n    \n得分\n")
    assert text.splitlines() == ["分值", "    ", "得分"]


def test_a_line_of_label_value_pairs_is_not_joined_to_the_table_header_under_it() -> None:
    raw = (
        "地方主管部门 青川县卫生健康局 资金使用单位 青川县妇幼保健院\n"
        "项目资金(万元) 全年预算数(A) 全年执行数(B) 执行率(B/A)\n"
    )
    text, _ = normalize(raw)
    assert text.splitlines() == raw.splitlines()


def test_ideographic_spaces_read_as_spaces() -> None:
    raw = "项目资金\u3000全年预算数(A)\u3000全年执行数(B)\n年度资金总额\u3000\u300064.50\u300061.20\n"
    text, origin = normalize(raw)
    assert text == normalize(raw.replace("\u3000", " "))[0]
    assert "项目资金 全年预算数(A) 全年执行数(B)" in text and len(origin) == len(text)


TIGHT = (
    "一、项目资金情况\n本项目全年预算数为85.60万元，实际执行82.10万元，预算执行率为95.91%。\n"
    "二、绩效指标完成情况\n项目资金 全年预算数(A) 全年执行数(B) 执行率\n年度资金总额 85.60 82.10 95.91%\n"
)


def test_a_blank_line_after_every_line_is_spacing_and_goes() -> None:
    doubled = TIGHT.replace("\n", "\n\n")
    text, origin = normalize(doubled)
    assert text == normalize(TIGHT)[0]
    assert doubled[origin[text.index("年度资金总额")]] == "年"


def test_the_blank_lines_between_the_bare_cells_of_a_dump_stay() -> None:
    cells = "\n\n".join(["项目名称", "校舍维修", "全年预算数(A)", "全年执行数(B)", "年度资金总额", "85.60", "82.10"])
    assert normalize(cells)[0] == cells


def test_a_blank_line_between_some_lines_stays() -> None:
    raw = TIGHT.replace("情况\n", "情况\n\n")
    assert normalize(raw)[0].count("\n\n") == 2


def test_a_sharing_sites_page_number_after_a_doubled_break_cuts_no_cell() -> None:
    raw = "本页面内容由会员分享。\n\n" + "改造校舍面积" * 40 + "共计\n\n2、" + "一千二百平方米，已全部完工验收。" * 3
    text, origin = normalize(raw)
    joined = text.index("共计一千")
    assert removed_spaces(text, origin, raw)(joined + 2) is False


def test_a_level_cell_printed_a_character_per_line_is_one_word_again() -> None:
    raw = "一级指标 二级指标 三级指标\n满\n意\n度\n指\n标 服务对象满意度\n指标 受访农户满意率 ≥90% 93% 10 10\n"
    text, origin = normalize(raw)
    assert "\n满意度指标 服务对象满意度指标 受访农户满意率" in text
    assert raw[origin[text.index("\n满意度指标") + 1]] == "满"


def test_a_run_of_one_character_cells_that_spells_no_level_stays() -> None:
    raw = "是否达标\n是\n是\n否\n合计\n"
    assert normalize(raw)[0] == raw


def test_a_squashed_row_of_labelled_fields_is_not_joined_to_the_title_after_it() -> None:
    raw = "名称: 某县2022年度公路养护补助资金绩效自评报告 文号: 无\n某县2022年度农村公路养护\n补助资金绩效自评报告\n"
    text, _ = normalize(raw)
    assert text.startswith("名称: 某县2022年度公路养护补助资金绩效自评报告 文号: 无\n某县")
