"""Table layouts met in the sixth held-out set (written by us, invented names and figures): one layout class
per test, each on a few rows in the shape of the published ones."""

from __future__ import annotations

from pathlib import Path

from reading import rules_report


def _blank_run_cells(*cells: str) -> str:
    """A site's dump of a table one cell per line, a run of blank lines between cells."""
    return "\n\n\n".join(cells) + "\n"


def test_a_number_glued_to_latin_unit_letters_inside_a_cell_per_line_name_stays_in_the_name(
    tmp_path: Path,
) -> None:
    raw = _blank_run_cells(
        "一级指标",
        "二级指标",
        "三级指标",
        "年初目标值(A)",
        "实际完成值(B)",
        "得分",
        "产出指标(40分)",
        "数量指标",
        "烘干机(15kw)(≥台)",
        "3",
        "3",
        "2",
        "储料仓(≥立方米)",
        "40",
        "40",
        "2",
    )
    report = rules_report(tmp_path, raw)
    rows = {
        i.name: (i.target and i.target.text, i.actual and i.actual.text, i.score and i.score.text)
        for i in report.indicators
    }
    assert rows == {"烘干机(15kw)(≥台)": ("3", "3", "2"), "储料仓(≥立方米)": ("40", "40", "2")}


def test_amounts_printed_with_a_bare_wan_in_a_funding_table_are_read_in_wan_yuan(tmp_path: Path) -> None:
    raw = (
        "资金投入情况(万元) | 全年预算数(A) | 全年执行数(B) | 预算执行率(B/A×100%) | ||||\n"
        "年度资金总额: | 812.5万 | 790万 | 97.23% | ||||\n"
        "其中:中央财政资金 | 300万 | 300万 | 100% | ||||\n"
        "地方资金 | 512.5万 | 490万 | 95.61% | ||||\n"
    )
    funding = rules_report(tmp_path, raw).funding
    assert funding.budget.total is not None and funding.executed.total is not None
    assert (funding.budget.total.text, funding.budget.total.value, funding.budget.total.unit) == (
        "812.5万",
        812.5,
        "万元",
    )
    assert funding.executed.total.value == 790.0
    assert [(s.source, s.amount.value) for s in funding.budget.by_source] == [("central", 300.0), ("local", 512.5)]


def _lines(*cells: str) -> str:
    """A document site's preview of a .docx table: one cell per line, empty cells dropped."""
    return "\n".join(cells) + "\n"


_FUNDING_HEADER = ("项目资金", "(万元)", "年初预算数", "调整预算数", "全年执行数", "分值", "执行率", "得分")


def test_indicator_rows_a_page_gap_ran_into_the_funding_rows_are_read_as_indicators(tmp_path: Path) -> None:
    raw = _lines(
        "项目支出绩效自评表",
        "项目名称",
        "农产品抽检经费",
        *_FUNDING_HEADER,
        "年度资金总≥85%",  # the gap: the funding label cut, fused with a nameless indicator row
        "92%",
        "10",
        "10",
        "社会效益指标",
        "抽检覆盖面",
        "全覆盖",
        "全覆盖",
        "20",
        "18",
        "满意度",
        "指标",
        "服务对象满意度指标",
        "商户满意度",
        "≥85%",
        "93%",
        "10",
        "10",
        "总分",
        "100",
        "96",
    )
    report = rules_report(tmp_path, raw)
    rows = {
        i.name: (
            i.level2,
            i.target and i.target.text,
            i.actual and i.actual.text,
            i.weight and i.weight.text,
            i.score and i.score.text,
        )
        for i in report.indicators
    }
    assert rows == {
        "抽检覆盖面": ("社会效益指标", "全覆盖", "全覆盖", "20", "18"),
        "商户满意度": ("服务对象满意度指标", "≥85%", "93%", "10", "10"),
    }
    assert report.total_score is not None and report.total_score.text == "96"
    assert report.funding.budget.total is None and report.funding.execution_rate is None


def test_a_funding_row_whose_values_place_a_score_above_its_weight_leaves_the_table_unread(tmp_path: Path) -> None:
    raw = _lines(
        *_FUNDING_HEADER,
        "年度资金总额",
        "45",
        "45",
        "10",
        "100%",
        "97",  # five values under six headers: the 97 is no score of 10 points
        "其中:当年财政拨款",
        "45",
        "45",
        "",
        "100%",
        "",
        "年度总体目标",
    )
    funding = rules_report(tmp_path, raw).funding
    assert funding.budget.total is None and funding.executed.total is None and funding.budget.by_source == []
    assert funding.execution_score is None and funding.execution_rate is None


def test_a_funding_row_that_places_its_values_possibly_is_read(tmp_path: Path) -> None:
    raw = _lines(*_FUNDING_HEADER, "年度资金总额", "45", "45", "44", "10", "97.78%", "9.8", "年度总体目标")
    funding = rules_report(tmp_path, raw).funding
    assert funding.budget.total is not None and funding.budget.total.value == 45.0
    assert funding.execution_score is not None and funding.execution_score.text == "9.8"


def test_a_squashed_department_sheet_with_points_after_every_level_reads_weight_and_score(tmp_path: Path) -> None:
    raw = (
        "部门整体支出绩效评价指标表一级指标分值二级指标分值三级指标分值评价标准指标说明得分"
        "投入15目标设定15绩效目标合理性6目标明确得6分,每缺一项扣2分,扣完为止。指标以2023年为准。4"
        "绩效指标明确性9指标细化量化计9分;每有一项未量化扣1.5分。9"
        "过程40预算执行20支出进度率8以95%为标准,每低于5%扣1分。7"
        "结转结余率6结转结余率=0,计6分;0-5%(含),计4分;大于5%不得分。6"
        "政府采购执行率"
    )
    report = rules_report(tmp_path, raw)
    rows = {
        i.name: (i.level1, i.level2, i.weight and i.weight.text, i.score and i.score.text) for i in report.indicators
    }
    assert rows == {
        "绩效目标合理性": ("投入", "目标设定", "6", "4"),
        "绩效指标明确性": ("投入", "目标设定", "9", "9"),
        "支出进度率": ("过程", "预算执行", "8", "7"),
        "结转结余率": ("过程", "预算执行", "6", "6"),
        "政府采购执行率": ("过程", "预算执行", None, None),  # the row the text ends in: its name and levels only
    }


def test_a_squashed_goal_table_reads_its_goal_levels_its_completion_column_and_stops_at_the_next_section(
    tmp_path: Path,
) -> None:
    raw = (
        "项目年度绩效目标(定量目标)评价内容绩效内容绩效目标值实际完成值累计完成率"
        "产出目标数量目标举办创业培训班次>=6期8期133%年度走访企业数>=120家150家125%"
        "质量目标培训学员结业率>=90%96%107%"
        "(二)项目资金使用情况本项目全年安排资金25万元,其中:项目立项5分,绩效目标6分,总得分88,"
    )
    report = rules_report(tmp_path, raw)
    rows = {
        i.name: (
            i.level1,
            i.level2,
            i.target and i.target.text,
            i.actual and i.actual.text,
            i.completion and i.completion.text,
        )
        for i in report.indicators
    }
    assert rows == {
        "举办创业培训班次": ("产出目标", "数量目标", "≥6期", "8期", "133%"),
        "年度走访企业数": ("产出目标", "数量目标", "≥120家", "150家", "125%"),
        "培训学员结业率": ("产出目标", "质量目标", "≥90%", "96%", "107%"),
    }


def test_a_piped_department_sheet_reads_its_level_points_past_and_its_level_words_as_levels(
    tmp_path: Path,
) -> None:
    raw = (
        "部门整体支出绩效评价指标表\n"
        "| 一级指标 | 分值 | 二级指标 | 分值 | 三级指标 | 分值 | 评价标准 | 得分 |\n"
        "| 投入 | 12 | 预算配置 | 12 | 在编人员控制率 | 5 | 以100%为标准,每超过一个百分点扣0.5分 | 5 |\n"
        "| | | | | 公务经费变动率 | 7 | 变动率不高于0,计7分 | 6 |\n"
        "| 过程 | 45 | 预算管理 | 18 | 资金使用合规性 | 10 | 合规计10分,每发现一例扣2分 | 8 |\n"
    )
    report = rules_report(tmp_path, raw)
    rows = {
        i.name: (
            i.level1,
            i.level2,
            i.weight and i.weight.text,
            i.score and i.score.text,
        )
        for i in report.indicators
    }
    assert rows == {
        "在编人员控制率": ("投入", "预算配置", "5", "5"),
        "公务经费变动率": ("投入", "预算配置", "7", "6"),
        "资金使用合规性": ("过程", "预算管理", "10", "8"),
    }
