"""Scoring under 财预〔2020〕10号 on hand-built scored tables (the DOMAIN §7.5 worked example)."""

from __future__ import annotations

from typing import Any

from check_builders import check, fig, indicator, line, report, rules_of
from jixiao.checks import CheckConfig
from jixiao.model import Coverage, Funding, Report, Span

# DOMAIN §7.5: 8.58 + 15 + 18.51 + 15 + 14.22 + 12 + 10 = 93.31, grade 优.
LINES: list[dict[str, Any]] = [
    dict(name="城镇新增就业人数", target="≥1686人", actual="2989人", weight="15", score="15", level1="产出指标",
         deviation_reason="政策拉动超额完成"),
    dict(name="享受社会保险补贴人数", target="≥4800人", actual="4443人", weight="20", score="18.51", level1="产出指标",
         deviation_reason="申领人数减少"),
    dict(name="公益性岗位人数", target="≥500人", actual="500人", weight="15", score="15", level1="产出指标"),
    dict(name="城镇调查失业率", target="≤5.5%", actual="5.8%", weight="15", score="14.22", level1="效益指标",
         deviation_reason="经济下行"),
    dict(name="创业能力", target="有效提升", actual="有效提升", weight="15", score="12", level1="效益指标"),
    dict(name="就业政策满意度", target="≥90%", actual="95%", weight="10", score="10", level1="满意度指标"),
]  # fmt: skip


def scored(total: str | None = "93.31", grade: str | None = "优", exec_score: str = "8.58", **changes: Any) -> Report:
    """The worked example; `changes` maps a line index to the fields to replace on it."""
    lines = []
    for i, fields in enumerate(LINES):
        merged = {**fields, **changes.get(f"line{i}", {})}
        name, target, actual = merged.pop("name"), merged.pop("target"), merged.pop("actual")
        lines.append(indicator(name, target, actual, **merged))
    funding = Funding(
        budget=line("808.10万元"),
        executed=line("692.98万元"),
        execution_rate=fig("85.76%"),
        execution_weight=fig("10"),
        execution_score=fig(exec_score),
    )
    return report(
        funding=funding,
        indicators=lines,
        total_score=fig(total) if total else None,
        grade=fig(grade) if grade else None,
    )


def _scoring(r: Report, config: CheckConfig | None = None) -> list[str]:
    return [x for x in rules_of(check(r, skip=["narrative", "indicators"], config=config)) if x.startswith("scoring")]


def test_worked_example_is_honest() -> None:
    assert _scoring(scored()) == []


def test_execution_score_wrong_last_digit_fires_and_rounding_passes() -> None:
    assert _scoring(scored(exec_score="8.6", total="93.33")) == []  # 8.5757 printed at one decimal
    # 8.57 is not flagged: 85.75 % × 10 = 8.575 sits on the rounding edge when the rate is rounded first.
    assert "scoring.execution_score" in _scoring(scored(exec_score="8.56", total="93.29"))
    assert "scoring.execution_score" in _scoring(scored(exec_score="10", total="94.73"))


def test_execution_score_stepped_rule_from_config() -> None:
    stepped = CheckConfig(execution_score_rule="stepped", execution_full_at=85.0)
    assert "scoring.execution_score" in _scoring(scored(), stepped)  # 85.76 % ≥ 85 % → full 10 expected
    assert _scoring(scored(exec_score="10", total="94.73"), stepped) == []


def test_indicator_score_proportional_and_reverse() -> None:
    assert _scoring(scored(line1={"score": "18.52"}, total="93.32")) == ["scoring.indicator_score"]
    assert _scoring(scored(line3={"score": "14.23"}, total="93.32")) == ["scoring.indicator_score"]
    assert _scoring(scored(line1={"score": "18.5"}, total="93.30")) == []  # 18.5125 at one decimal


def test_a_deadline_kept_word_for_word_earns_its_full_weight() -> None:
    late = indicator("校舍维修完成时间", "2023年10月完成", "2023年10月完成", weight="5", score="4")
    assert "scoring.indicator_score" in rules_of(check(report(indicators=[late]), skip=["narrative"]))
    led_in = indicator("围墙修缮", "完成时间为2023年11月15日", "完成时间为2023年11月15日", weight="6", score="5")
    assert "scoring.indicator_score" in rules_of(check(report(indicators=[led_in]), skip=["narrative"]))
    worded = indicator("办学条件改善", "改善学生就学条件", "改善学生就学条件", weight="15", score="13")
    assert "scoring.indicator_score" not in rules_of(check(report(indicators=[worded]), skip=["narrative"]))


def test_full_score_on_a_missed_target_is_an_error() -> None:
    findings = check(scored(line1={"score": "20"}, total="94.80"), skip=["narrative", "indicators"])
    # The stated lines add up to 94.80; recomputed under 10号 the total is 93.31: the line is the finding,
    # the total that adds its lines only a note.
    assert [(f.rule, f.severity.value) for f in findings] == [
        ("scoring.full_score_unmet", "error"),
        ("scoring.total", "info"),
    ]
    lines_off = check(scored(line1={"score": "20"}, total="96.80"), skip=["narrative", "indicators"])
    assert ("scoring.total", "error") in [(f.rule, f.severity.value) for f in lines_off]


def test_score_above_weight_is_an_error() -> None:
    assert "scoring.score_range" in _scoring(scored(line5={"score": "12"}, total="95.31"))


def test_qualitative_band() -> None:
    assert _scoring(scored(line4={"score": "11"}, total="92.31")) == ["scoring.qualitative_band"]
    missed = {"actual": "未有效提升", "score": "13"}
    assert _scoring(scored(line4=missed, total="94.31")) == ["scoring.qualitative_band"]
    assert _scoring(scored(line4={"actual": "未有效提升", "score": "8"}, total="89.31", grade="良")) == []


def test_weights_must_add_to_100_and_a_different_split_is_info() -> None:
    assert "scoring.weights_sum" in _scoring(scored(line2={"weight": "16"}))
    moved = scored(line5={"level1": "效益指标"})  # 产出 50 / 效益 40 / 满意度 0
    findings = [f for f in check(moved, skip=["narrative", "indicators"]) if f.rule == "scoring.weights_sum"]
    assert [f.severity.value for f in findings] == ["info"]


def test_total_is_the_sum_of_line_scores_at_its_precision() -> None:
    assert _scoring(scored(total="93")) == []  # an integer total compares at ±0.5
    assert _scoring(scored(total="94")) == ["scoring.total"]
    # Seven lines printed at two decimals: their rounding may add up to 7 × 0.005 = 0.035.
    assert _scoring(scored(total="93.34")) == []
    assert _scoring(scored(total="93.35")) == ["scoring.total"]


def test_whole_point_lines_that_miss_a_whole_point_total_are_a_warning() -> None:
    # Lines printed as whole points (9 + 15 + 19 + 15 + 14 + 12 + 10 = 94): rounding of seven lines could
    # explain a gap of 3.5 only if every score were a rounded fraction, so a point off is worth a look.
    whole = {"line1": {"score": "19"}, "line3": {"score": "14"}}
    for total, severity in (("94", None), ("95", "warning"), ("93", "warning"), ("94.5", None), ("99", "error")):
        findings = check(scored(exec_score="9", total=total, **whole), skip=["narrative", "indicators"])
        raised = [f.severity.value for f in findings if f.rule == "scoring.total" and f.severity.value != "info"]
        assert raised == ([severity] if severity else []), total


def test_total_without_indicators_is_no_sum_of_lines() -> None:
    # A 部门整体 form that prints only its execution line and its 自评总分 (the indicator rows are elsewhere or
    # not printed): the execution score alone is no list of the total's lines.
    r = scored(total="98.77", exec_score="9.77")
    r.indicators = []
    assert "scoring.total" not in _scoring(r)
    r.indicators = scored().indicators[:1]  # one line of 15 points read, the rest not: no sheet to add up
    assert "scoring.total" not in _scoring(r)
    r.indicators[0].weight, r.indicators[0].score = fig("90"), fig("88")  # one line that carries the 90: a sum
    assert "scoring.total" in _scoring(r)


def test_total_recomputed_under_10hao_when_line_scores_are_missing() -> None:
    r = scored()
    for ind in r.indicators:
        if ind.target and ind.target.value is not None:
            ind.score = None  # quantitative lines are recomputed; the qualitative one keeps its stated 12
    r.funding.execution_score = None
    assert _scoring(r) == []
    r.total_score = fig("98")
    findings = [f for f in check(r, skip=["narrative", "indicators"]) if f.rule == "scoring.total"]
    assert [(f.severity.value, round(f.expected or 0, 2)) for f in findings] == [("warning", 93.31)]


def test_no_total_is_recomputed_from_lines_that_print_no_weight() -> None:
    # a prose report's headings give each group its points (`1.数量指标(自评得分20分):…`) and score one group in
    # words only: the indicators read hold scores but no 分值, so nothing says they are the whole sheet
    r = scored(total="100", exec_score="10")
    for ind in r.indicators:
        ind.weight = None
    r.indicators, r.truncated = r.indicators[:3], True  # the excerpt stops before the other groups
    assert "scoring.total" not in rules_of(check(r, skip=["narrative", "indicators"]), at_least="warning")
    r.indicators[0].weight, r.truncated = fig("15"), False  # a printed 分值 and nothing cut: a sheet again
    assert "scoring.total" in rules_of(check(r, skip=["narrative", "indicators"]), at_least="warning")


def _without_weights(found_by: str) -> Report:
    """Three lines read whole, each with its 得分 and no 分值, the execution line scored 10, 总分 100."""
    r = scored(total="100", exec_score="10")
    r.indicators = r.indicators[:3]
    for ind in r.indicators:
        ind.weight = None
        assert ind.score is not None
        ind.score.found_by = found_by
    return r


def test_scores_a_prose_report_gives_its_headings_are_no_sheet_to_add_up() -> None:
    """`1.数量指标(自评得分15分):…` scores a group, and another may be scored in words only: neither the sum of
    the lines read nor a total recomputed from them says anything of the 总分 (one gate decides both)."""
    prose = _without_weights("narrative.heading_score")
    assert "scoring.total" not in rules_of(check(prose, skip=["narrative", "indicators"]))
    prose.total_score = None  # nor is a grade judged by a total recomputed from them
    prose.grade = fig("差")
    assert "scoring.grade" not in rules_of(check(prose, skip=["narrative", "indicators"]))


def test_a_table_with_a_score_column_and_no_weight_column_still_adds_up() -> None:
    """A form's rows with 得分 and no 分值 (`三级指标 | 年初目标值 | 实际完成值 | 得分`) are the sheet: 10 + 15 + 18.51
    + 15 = 58.51 against a 总分 of 100 is the report's error."""
    for found_by in ("table.t1.indicator", "table.scored.indicator"):  # a glued sheet's: an error made a warning
        r = _without_weights(found_by)
        found = [f for f in check(r, skip=["narrative", "indicators"]) if f.rule == "scoring.total"]
        assert [round(f.expected or 0, 2) for f in found if f.severity.value != "info"] == [58.51]


def test_grade_follows_the_total() -> None:
    assert _scoring(scored(grade="优秀")) == []
    assert _scoring(scored(grade="良")) == ["scoring.grade"]
    assert _scoring(report(total_score=fig("88"), grade=fig("优秀"))) == ["scoring.grade"]
    assert _scoring(report(total_score=fig("88"), grade=fig("良好"))) == []
    assert _scoring(report(total_score=fig("60"), grade=fig("合格"))) == []
    assert _scoring(report(total_score=fig("59.9"), grade=fig("合格"))) == ["scoring.grade"]


def test_grade_without_a_total_uses_the_recomputed_total() -> None:
    assert _scoring(scored(total=None, grade="良")) == ["scoring.grade"]
    assert _scoring(scored(total=None, grade="优")) == []


def test_partial_attainment_has_its_own_band() -> None:
    partial = {"actual": "部分达成", "score": "10"}  # [9, 12) for w = 15
    assert _scoring(scored(line4=partial, total="91.31")) == []
    assert _scoring(scored(line4={"actual": "部分达成", "score": "8"}, total="89.31", grade="良")) == [
        "scoring.qualitative_band"
    ]


def test_tables_without_an_execution_line_spread_100_over_indicators() -> None:
    # A scored table whose indicator weights add to 100 has no 执行率 line: recompute without one.
    r = scored(total="94.73")
    r.funding.execution_weight = r.funding.execution_score = None
    r.indicators[0].weight = r.indicators[0].score = fig("25")  # 25 + 18.51 + 15 + 14.22 + 12 + 10 = 94.73
    assert rules_of(check(r, skip=["narrative", "indicators"]), "warning") == []
    r.indicators[0].score = None  # now the total is recomputed from the figures, still without an execution line
    r.total_score = fig("99")
    findings = [f for f in check(r, skip=["narrative", "indicators"]) if f.rule == "scoring.total"]
    assert [round(f.expected or 0, 2) for f in findings] == [94.74]  # unrounded 18.5125 and 14.2241


def test_weights_add_to_90_when_the_execution_line_is_implicit() -> None:
    r = scored()
    r.funding.execution_weight = None
    assert "scoring.weights_sum" not in _scoring(r)


def test_total_above_100_is_an_error() -> None:
    assert "scoring.score_range" in _scoring(report(total_score=fig("102"), grade=fig("优秀")))


def test_traditional_grade_words() -> None:
    assert _scoring(report(total_score=fig("97.67"), grade=fig("優秀"))) == []
    assert _scoring(report(total_score=fig("87"), grade=fig("優秀"))) == ["scoring.grade"]


def test_an_unread_funding_row_leaves_the_indicator_scores_no_complete_sum() -> None:
    """The sheet's 年度资金总额 row (its execution score among the total's lines) was printed but not read."""
    text = "年度财政资金总额1.561.56120 绩效指标 …"
    # scores without their 分值 (a weight column would tell the 20 missing points on its own)
    lines = [indicator(f"指标{i}", "100%", "100%", score=w) for i, w in enumerate(["20", "10", "10", "40"])]
    unread = Span(start=0, end=text.index(" "))
    sheet = report(indicators=lines, total_score=fig("100"), coverage=Coverage(figures=12, read=8, unread=[unread]))
    assert "scoring.total" not in rules_of(check(sheet, text, skip=["narrative", "indicators"]))
    read_whole = sheet.model_copy(update={"coverage": Coverage(figures=8, read=8)})
    assert "scoring.total" in rules_of(check(read_whole, text, skip=["narrative", "indicators"]))


def test_lines_whose_weights_miss_the_execution_lines_10_points_are_no_complete_sum() -> None:
    """A bare-cell or squashed sheet whose 预算执行率 row went unread: the indicators' weights add to 90, so
    the execution line's score is missing from the sum and a total of 99.4 over 89.42 accuses nothing."""
    r = scored(total="99.4")  # 8.58 + 84.84 = 93.42 read whole: the total is wrong
    assert "scoring.total" in rules_of(check(r, skip=["narrative", "indicators"]), "error")
    r.funding.execution_weight = r.funding.execution_score = None  # lines carry 90 of the 100 points
    found = [f for f in check(r, skip=["narrative", "indicators"]) if f.rule == "scoring.total"]
    assert [f.severity.value for f in found if f.severity.value == "error"] == []
    r.indicators[0].weight = r.indicators[0].score = fig("25")  # now the lines carry all 100: a sum again
    assert "scoring.total" in rules_of(check(r, skip=["narrative", "indicators"]), "error")


def test_a_row_read_twice_leaves_no_list_to_sum() -> None:
    """A row repeated cell for cell (a page break printing it again, or one read twice) adds its weight and
    score again: neither the weights nor the total are the report's sums."""
    r = scored()
    r.indicators.insert(3, r.indicators[2].model_copy())
    r.total_score = fig("93.31")
    rules = _scoring(r)
    assert "scoring.weights_sum" not in rules and "scoring.total" not in rules
    r.indicators[3] = indicator("公益性岗位人数", "≥500人", "480人", weight="15", score="14.4")  # another row
    assert "scoring.weights_sum" in _scoring(r)


def test_a_list_cut_off_still_bounds_its_total() -> None:
    """A sheet cut before its last row: no sum of lines, but the lines read and the points left of 100 bound
    the total (here 83.31 read, 10 points unread: at most 93.31)."""
    r = scored(total="93.31")
    r.indicators.pop()  # the 满意度 line (10 points) cut off
    r.truncated = True
    assert [f.rule for f in check(r, skip=["narrative", "indicators"]) if f.severity.value != "info"] == []
    r.total_score = fig("95")
    found = [f for f in check(r, skip=["narrative", "indicators"]) if f.rule == "scoring.total"]
    assert [(f.severity.value, f.expected) for f in found] == [("warning", 93.31)]


def test_a_list_cut_off_still_bounds_its_total_from_below() -> None:
    """The lines read score 8.58 + 15 + 18.51 + 15 + 14.22 + 12 + 10 = 93.31 of a sheet cut short: lines unread
    only add, so a 总分 of 90 is below what is already scored, whatever they held."""
    r = scored(total="90")
    r.truncated = True  # no 总分 row after the lines read: not read whole
    below = [f for f in check(r, skip=["narrative", "indicators"]) if f.rule == "scoring.total"]
    assert [(f.severity.value, round(f.expected or 0, 2)) for f in below] == [("warning", 93.31)]
    r.total_score = fig("93.31")
    assert "scoring.total" not in _scoring(r)
    over = scored(total="90", line0={"weight": "25", "score": "25"})  # 分值 of 110: weights_sum's, not the total's
    over.truncated = True
    assert "scoring.total" not in _scoring(over)
    prose = scored(total="90")
    prose.truncated = True
    for ind in prose.indicators:
        assert ind.score is not None
        ind.score.found_by = "narrative.heading_score"  # a group's points and its items' may be the same points
    assert "scoring.total" not in _scoring(prose)
    text = "总分 90 … 下一张表 15"
    later = scored(total="90")
    later.truncated = True
    later.total_score = fig("90")
    later.total_score.span = Span(start=3, end=5)
    for ind in later.indicators[:3]:  # 15 + 18.51 + 15 printed after the 总分: another sheet's rows
        assert ind.score is not None
        ind.score.span = Span(start=len(text) - 2, end=len(text))
    assert "scoring.total" not in rules_of(check(later, text, skip=["narrative", "indicators"]))
