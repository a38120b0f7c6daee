"""Layouts of held-out set 19's tables (written by us, invented names and figures): a unit's base-data table by
its years' 预算数 and 决算数, a squashed 转移支付 form whose two money columns run together, its 得分合计 row,
its 倍 values, and glued rows that can be cut only one way."""

from __future__ import annotations

from pathlib import Path

import pytest

from jixiao.checks import run_checks
from jixiao.checks.unit_cut_rows import rows_cut_at_units
from jixiao.documents import load_document
from jixiao.extract import extract
from jixiao.extract.rules.two_column_funding import two_column_funding
from jixiao.extract.rules.year_columns import year_columns
from jixiao.model import Figure, Report, Severity


def _report(raw: str, tmp_path: Path) -> tuple[Report, str]:
    path = tmp_path / "form.txt"
    path.write_text(raw, encoding="utf-8")
    document = load_document(path)
    return extract(document, "rules"), document.text


def _text(figure: Figure | None) -> str | None:
    return None if figure is None else figure.text


def _lines(text: str) -> tuple[str | None, str | None, list[tuple[str, str]]]:
    funding, spending = year_columns(text)
    budget = None if funding is None else _text(funding.budget.total)
    executed = None if funding is None else _text(funding.executed.total)
    return budget, executed, [(item.category, item.amount.text) for item in spending]


_WHOLE = ("1,250.00", "1,236.40", [("基本支出", "702.10"), ("项目支出", "534.30")])

# the same base-data table as a Word dump a cell per line, a pipe table, a spaced sheet naming its years 上年/本年,
# and a sheet putting the latest year's columns first
_BASE_TABLES = [
    "经费控制情况(万元)\n\n2022年决算数\n\n2023年预算数\n\n2023年决算数\n\n支出总额\n\n1,100.00\n\n1,250.00\n\n"
    "1,236.40\n\n基本支出\n\n600.00\n\n700.00 \n\n702.10 \n\n    其中:公用经费\n\n80.00\n\n90.00\n\n88.00\n\n"
    "项目支出\n\n500.00\n\n550.00\n\n534.30\n\n   其中:1、运行维护经费\n\n \n\n",
    "经费控制情况(万元) | 2022年决算数 | 2023年预算数 | 2023年决算数 |\n| 支出总额 | 1,100.00 | 1,250.00 | 1,236.40 |\n"
    "| 基本支出 | 600.00 | 700.00 | 702.10 |\n| 项目支出 | 500.00 | 550.00 | 534.30 |\n",
    "单位:万元\n项目 上年决算数 本年预算数 本年决算数\n支出总额 1,100.00 1,250.00 1,236.40\n"
    "基本支出 600.00 700.00 702.10\n项目支出 500.00 550.00 534.30\n",
    "经费控制情况（万元）\n2023年度预算数\n2023年度决算数\n2022年度决算数\n支出合计\n1,250.00\n1,236.40\n1,100.00\n"
    "基本支出\n700.00\n702.10\n600.00\n项目支出\n550.00\n534.30\n500.00\n",
]


@pytest.mark.parametrize("text", _BASE_TABLES)
def test_the_latest_years_budget_and_final_accounts_are_the_lines(text: str) -> None:
    budget, executed, spending = _lines(text)
    assert (budget, executed, spending) == _WHOLE


def test_a_row_short_of_a_cell_is_not_shifted() -> None:
    text = _BASE_TABLES[2].replace("支出总额 1,100.00 1,250.00", "支出总额 1,250.00")
    assert _lines(text) == (None, None, _WHOLE[2])


def test_without_a_unit_or_a_final_accounts_column_nothing_is_read() -> None:
    assert _lines(_BASE_TABLES[2].replace("单位:万元\n", "")) == (None, None, [])
    assert _lines(_BASE_TABLES[2].replace("本年决算数", "本年执行数")) == (None, None, [])


def test_one_class_row_alone_is_no_split() -> None:
    text = "经费控制情况(万元\n2022 年决算数\n2023 年预算数\n2023 年决算数\n项目支出:\n410.20\n388.00\n402.60\n"
    text += "1、业务工作经费\n"  # a broken bracket still gives the unit; the 1 of `1、` is no amount
    assert _lines(text) == (None, None, [])


def test_a_traditional_base_table_reads_in_the_report(tmp_path: Path) -> None:
    raw = "附件1\n2023年度部門整體支出績效評價基礎數據表\n" + _BASE_TABLES[0].replace("决算", "決算").replace(
        "总额", "總額"
    )
    report, _ = _report(raw, tmp_path)
    assert (_text(report.funding.budget.total), _text(report.funding.executed.total)) == ("1,250.00", "1,236.40")
    assert report.funding.executed.total is not None and report.funding.executed.total.value == 1236.4
    assert [(item.category, _text(item.amount)) for item in report.spending] == _WHOLE[2]


def test_the_self_evaluation_forms_own_lines_win(tmp_path: Path) -> None:
    raw = "全年预算数1,260.00万元,全年执行数1,240.00万元,执行率98.41%。\n附件1\n" + _BASE_TABLES[2]
    report, _ = _report(raw, tmp_path)
    assert (_text(report.funding.budget.total), _text(report.funding.executed.total)) == (
        "1,260.00万元",
        "1,240.00万元",
    )


_SQUASHED = (
    "专项名称乡村振兴风险补偿资金省级主管部门某省财政厅资金情况(万元)年度金额(提前下达):300万元资金使用情况(万元)"
    "合计:240万元中央财政200万元中央财政160万元省级财政100万元省级财政80万元年度总体目标目标1:扩大涉农贷款覆盖面,"
    "完成情况1:扩大涉农贷款覆盖面,绩效目标完成情况一级指标二级指标三级指标指标值完成值权重得分产出指标数量指标"
    "风险补偿贷款余额增长率≥8%96.40%30%30质量指标贷款回收率≥95%98.60%30%30效益指标经济效益指标贷款放大倍数≥3倍8倍"
    "20%20满意度指标服务对象满意度指标借款农户满意度≥85%≥85%20%20得分合计100。"
)


def _sources(line: object) -> list[tuple[str, str]]:
    return [(source.source.value, source.amount.text) for source in getattr(line, "by_source", [])]


def test_two_money_columns_run_together_pair_by_their_repeated_labels(tmp_path: Path) -> None:
    funding = two_column_funding(_SQUASHED)
    assert funding is not None
    assert (_text(funding.allocated.total), _text(funding.executed.total)) == ("300万元", "240万元")
    assert _sources(funding.allocated) == [("central", "200万元"), ("provincial", "100万元")]
    assert _sources(funding.executed) == [("central", "160万元"), ("provincial", "80万元")]
    assert funding.budget.total is None


@pytest.mark.parametrize(
    ("text", "line"),
    [
        (
            "到位资金:120万元 实际支出数:96万元\n中央资金 80万元 中央资金 64万元\n市级资金 40万元 市级资金 32万元\n",
            "allocated",
        ),
        ("年度预算数:120 执行数:96\n其中:中央补助 80 其中:中央补助 64\n市级配套 40 市级配套 32\n", "budget"),
        (
            "下达数：120万元使用情况(万元)合计：96万元中央资金80万元中央资金64万元市级资金40万元市级资金32万元",
            "allocated",
        ),
        (
            "| 资金情况(万元) | 年度金额(提前下达):120万元 | 资金使用情况(万元) | 合计:96万元 |\n"
            "| | 中央资金 | 80万元 | 中央资金 | 64万元 |\n| | 市级资金 | 40万元 | 市级资金 | 32万元 |\n",
            "allocated",
        ),
    ],
)
def test_other_heads_of_the_two_columns(text: str, line: str) -> None:
    funding = two_column_funding(text)
    assert funding is not None
    first = getattr(funding, line)
    assert [_text(first.total), _text(funding.executed.total)][0] in ("120万元", "120")
    assert [source.amount.value for source in first.by_source] == [80.0, 40.0]
    assert [source.amount.value for source in funding.executed.by_source] == [64.0, 32.0]


def test_the_squashed_form_reads_its_total_row_and_times_values(tmp_path: Path) -> None:
    report, _ = _report(_SQUASHED, tmp_path)
    assert report.fund == "乡村振兴风险补偿资金"  # its value stops at the next label, 省级主管部门
    assert [indicator.name for indicator in report.indicators][-1] == "借款农户满意度"
    assert _text(report.total_score) == "100"
    assert not report.truncated
    times = next(indicator for indicator in report.indicators if indicator.name == "贷款放大倍数")
    assert (_text(times.target), _text(times.actual)) == ("≥3倍", "8倍")
    assert times.actual is not None and times.actual.unit == "倍"


@pytest.mark.parametrize("word", ["得分合计", "合计得分", "得分总计"])
def test_a_score_total_row_is_no_indicator(word: str, tmp_path: Path) -> None:
    report, _ = _report(_SQUASHED.replace("得分合计", word), tmp_path)
    assert word not in [indicator.name for indicator in report.indicators]
    assert _text(report.total_score) == "100"


def test_rows_cut_only_at_units_accuse_at_medium_confidence(tmp_path: Path) -> None:
    report, text = _report(_SQUASHED, tmp_path)
    warned = {
        (finding.rule, finding.figures[0].text)
        for finding in run_checks(report, text)
        if finding.severity is Severity.WARNING
    }
    assert ("indicators.over_achievement", "96.40%") in warned
    assert ("indicators.over_achievement", "8倍") in warned
    assert ("indicators.actual_not_measured", "≥85%") in warned
    assert len(rows_cut_at_units(report, text)) == 4 * len(report.indicators)


def test_a_row_with_digits_glued_across_a_cut_stays_a_suspect(tmp_path: Path) -> None:
    glued = _SQUASHED.replace("≥8%96.40%30%30", "≥8%96.40%3030")
    report, text = _report(glued, tmp_path)
    row = next(i for i, indicator in enumerate(report.indicators) if indicator.name == "风险补偿贷款余额增长率")
    assert f"indicators[{row}].actual" not in rows_cut_at_units(report, text)
    rules = [(finding.rule, finding.severity) for finding in run_checks(report, text)]
    assert ("indicators.over_achievement", Severity.WARNING) in rules  # the 倍 row still
    over = [f for f in run_checks(report, text) if f.figures and f.figures[0].text == "96.40%"]
    assert over and all(finding.severity is Severity.INFO for finding in over)
