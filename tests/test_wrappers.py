"""Wrappers leave the text, traditional characters match as simplified, and offsets still lead home."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.documents import load_document
from jixiao.documents.normalize import normalize
from jixiao.extract import extract

GOV_PAGE = """首页 > 政务公开 > 财政资金
索引号：11150000MB1234567X/2025-00012
发布机构：澄溪县财政局  发文日期：2025-03-05
【字体：大 中 小】 浏览次数：1376
澄溪县2024年就业补助资金绩效自评报告
全年支出2301.75万元，执行率93.25%。
【打印本页】【关闭窗口】
"""


def _load(tmp_path: Path, text: str, name: str = "report.txt") -> object:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return load_document(path)


def test_government_site_chrome_is_stripped(tmp_path: Path) -> None:
    document = _load(tmp_path, GOV_PAGE)
    assert document.text.split() == ["澄溪县2024年就业补助资金绩效自评报告", "全年支出2301.75万元，执行率93.25%。"]


def test_publication_date_is_not_taken_for_the_fiscal_year(tmp_path: Path) -> None:
    page = GOV_PAGE.replace("澄溪县2024年就业补助资金绩效自评报告", "澄溪县就业补助资金绩效自评报告")
    report = extract(_load(tmp_path, page + "2024年度资金已全部拨付。\n"))
    assert report.year == 2024


def test_offsets_after_stripped_chrome_point_at_the_same_chars(tmp_path: Path) -> None:
    document = _load(tmp_path, GOV_PAGE)
    start = document.text.index("2301.75")
    raw = document.raw_offset(start)
    assert document.raw_text[raw : raw + 7] == "2301.75"


def test_document_sharing_chrome_is_stripped() -> None:
    raw = (
        "下载 收藏 举报 分享到：\n文档格式：.doc 文档大小：86KB 文档页数：6页\n青禾县2023年就业补助资金绩效自评报告\n"
        "全年支出812万元。\n还剩 3 页未读，继续阅读\n阅读了该文档的用户还阅读了这些文档\n"
    )
    text, _ = normalize(raw)
    assert text.split() == ["青禾县2023年就业补助资金绩效自评报告", "全年支出812万元。"]


def test_a_sharing_sites_page_numbers_leave_the_cells_they_broke_whole(tmp_path: Path) -> None:
    """`1、` opens each dumped page; `\n2、` fell inside a glued row, between 道路 and 硬化."""
    row = "产出指标数量指标新建村级道路硬化长度12公里12公里2020质量指标竣工验收合格率100%100%2020"
    raw = (
        "《青禾县项目支出绩效自评表.docx》由会员分享,可在线阅读,更多相关《(3页珍藏版)》请在文库上搜索。\n"
        "1、项目支出绩效自评表(2023年度)项目名称乡村道路项目主管部门青禾县交通局" + "实施单位青禾县交通局" * 20
        + "一级指标二级指标三级指标年度指标值实际完成值分值得分偏差原因分析及改进措施"
        + row.replace("道路硬化", "道路\n2、硬化")
        + "\n"
    )  # fmt: skip
    report = extract(_load(tmp_path, raw))
    assert [(i.name, i.actual.text) for i in report.indicators] == [
        ("新建村级道路硬化长度", "12公里"),
        ("竣工验收合格率", "100%"),
    ]
    assert "2、" not in load_document(tmp_path / "report.txt").text
    assert normalize("1、收入情况。" + "本年收入" * 60 + "\n2、支出情况。\n")[0].count("2、") == 1  # no sharing site


@pytest.mark.parametrize(
    "junk",
    [
        "Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE MicrosoftInternetExplorer4 ",
        "Administrator Administrator 2 5 2024-03-05T02:11:00Z 2024-03-05T02:16:00Z 3 1205 6872\n",
        "/* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格; font-size:10.5pt;}\n",
        "False False False\n",
        "陈立华 hbx20817 1 2022-04-11T02:03:00Z 2022-04-11T02:03:00Z 15.00 2052-11.1.0.12970 0 0 False False False ",
        "陈立华 2022-04-11T02:03:00Z 2022-04-12T08:30:00Z 6 1820\n",
    ],
)
def test_word_metadata_junk_before_the_title_is_stripped(junk: str) -> None:
    text, _ = normalize(junk + "2024年就业补助资金绩效自评报告\n")
    assert text.strip() == "2024年就业补助资金绩效自评报告"


@pytest.mark.parametrize(
    "line",
    [
        "资金来源：中央财政资金500万元，自治区资金120万元。",
        "群众可在网站下载申请表并在线提交。",
        "全年预算数(A) 全年执行数(B) 820.00 790.52 96.40%",
        "一级指标 | 二级指标 | 三级指标 | 年度指标值",
        "中",
        "分享经验、收藏案例是下一步工作重点。",
        "2024年3月5日完成资金拨付，共计25户。",
        "Normal operation 0 faults",
    ],
)
def test_report_lines_that_look_like_chrome_are_kept(line: str) -> None:
    text, _ = normalize(line + "\n")
    assert text == line + "\n"


def test_a_name_before_a_date_that_is_no_word_metadata_stays() -> None:
    text, _ = normalize("王晓明 A组 2024-03-05 提交自评材料\n")
    assert text.startswith("王晓明 A组")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("就業jiùyè補助資金", "就業補助資金"),
        ("就业补助资金(jiù yè)管理办法", "就业补助资金管理办法"),
        ("资金zijin补助标准", "资金补助标准"),
        ("推广app应用", "推广app应用"),
        ("使用excel表格填报", "使用excel表格填报"),
        ("发放2.5kg大米", "发放2.5kg大米"),
    ],
)
def test_injected_romanisation_is_removed_only_when_it_is_pinyin(raw: str, expected: str) -> None:
    assert normalize(raw)[0] == expected


def test_traditional_report_matches_as_simplified_and_quotes_the_original(tmp_path: Path) -> None:
    raw = "雲岫縣2022年度就業補助資金績效自評報告\n2022年共籌集資金1835.60萬元，全年支出1702.48萬元，執行率92.75%。\n"
    document = _load(tmp_path, raw)
    assert len(document.match_text) == len(document.text)
    assert document.match_text.startswith("云岫县2022年度就业补助资金绩效自评报告")
    report = extract(document)
    assert (report.region, report.fund, report.year) == ("云岫县", "就业补助资金", 2022)
    budget = report.funding.budget.total
    assert budget is not None and budget.span is not None
    assert budget.text == "1835.60萬元" == document.text[budget.span.start : budget.span.end]
    assert budget.value == 1835.6
    assert report.funding.execution_rate is not None and report.funding.execution_rate.value == 92.75


def test_simplified_report_keeps_one_text_object(tmp_path: Path) -> None:
    document = _load(tmp_path, GOV_PAGE)
    assert document.match_text is document.text


def test_slanted_and_small_form_signs_become_plain_comparators() -> None:
    assert normalize("满意度⩾90%，失业率⩽5﹪")[0] == "满意度≥90%，失业率≤5%"


def test_long_line_is_not_joined_to_the_table_row_after_it() -> None:
    raw = "二、绩效目标完成情况及自评表如下所列的各项内容和相关说明文字\n资金投入情况 | 全年预算数(A) | 全年执行数(B)\n"
    assert normalize(raw)[0].splitlines() == raw.splitlines()


def test_text_cut_inside_a_multibyte_char_still_loads(tmp_path: Path) -> None:
    data = "澄溪县2024年就业补助资金绩效自评报告\n全年支出2301.75万元".encode()
    path = tmp_path / "cut.txt"
    path.write_bytes(data[:-1])
    assert load_document(path).text.endswith("全年支出2301.75万")


def test_page_numbers_alone_on_a_line_are_stripped_but_bare_numbers_stay() -> None:
    raw = "年度资金总额 | 820.00\n- 3 -\n第 3 页 共 12 页\n其中：中央财政资金 | 500.00\n12\n"
    assert normalize(raw)[0] == "年度资金总额 | 820.00\n其中：中央财政资金 | 500.00\n12\n"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("減災(zāi)(動物防疫項目)", "減災(動物防疫項目)"),
        ("農業(yè)、林業(yè)、水利", "農業、林業、水利"),
        ("受益人口數(shù)≥120人", "受益人口數≥120人"),
        ("預算數(shù)(A)", "預算數(A)"),
        ("資料上報(bào)100%100%20", "資料上報100%100%20"),  # a glued cell's figure follows: no `)` left
    ],
)
def test_romanisation_before_a_bracket_a_comma_or_a_comparator_is_removed(raw: str, expected: str) -> None:
    assert normalize(raw)[0] == expected


def test_a_traditional_sharing_sites_page_numbers_leave_the_cells_they_broke_whole() -> None:
    """The `下載本文檔` site numbers its dumped pages too: `\n2、` inside a name is dropped with its break."""
    raw = "下載本文檔\n文檔簡介\n1、" + "項目名稱河道巡查" * 30 + "取得巡查\n2、記錄100%100%10\n"
    text, _ = normalize(raw)
    assert "取得巡查記錄100%" in text and "2、" not in text
