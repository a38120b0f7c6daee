"""Prose shapes of held-out set 6's table documents, one class each, on invented paragraphs: clauses run
together where a converter lost the full stops, and a scoring sheet written as running prose."""

from __future__ import annotations

from pathlib import Path

from reading import rules_report

_RUN_ON = (
    "农机购置补贴发放率绩效目标值为100%,,具体如下:(二)项目绩效目标完成情况1.产出目标完成情况"
    "(1)时效目标:补贴资金兑付时间绩效目标值是2023年11月底前,实际完成值为2023年10月底前,目标完成率为100%,"
    "(2)数量目标:补贴机具台数绩效目标值是150台,实际完成值为162台,目标完成率为108%,,"
    "受益农户数绩效目标值是120户,实际完成值为131户,目标完成率为109%,"
)


def test_clauses_run_together_without_full_stops_each_take_their_own_name_and_completion(
    tmp_path: Path,
) -> None:
    report = rules_report(tmp_path, _RUN_ON)
    rows = {
        i.name: (
            i.target and i.target.text,
            i.actual and i.actual.text,
            i.completion and i.completion.text,
        )
        for i in report.indicators
    }
    assert rows == {
        "补贴资金兑付时间": ("2023年11月底前", "2023年10月底前", "100%"),
        "补贴机具台数": ("150台", "162台", "108%"),
        "受益农户数": ("120户", "131户", "109%"),
    }


def test_a_scoring_sheet_in_prose_gives_weights_and_scores_to_what_it_scores(
    tmp_path: Path,
) -> None:
    raw = (
        _RUN_ON + "目标设置合理性本项目满分4分,得4分,得分原因为:目标设置合理,,预算执行率本项目满分5分,得4分,"
        "得分原因为:执行率低于95%,,完成补贴机具台数项目满分10分,得10分,,受益农户数本项目满分10分,得12分,"
    )
    report = rules_report(tmp_path, raw)
    scored = {i.name: (i.weight and i.weight.text, i.score and i.score.text) for i in report.indicators}
    assert scored["目标设置合理性"] == ("4分", "4分")
    assert scored["补贴机具台数"] == (
        "10分",
        "10分",
    )  # `完成补贴机具台数` scores the indicator inside its name
    assert scored["受益农户数"] == (None, None)  # 12 of 10: no line of a sheet
    assert report.funding.execution_weight is not None and report.funding.execution_weight.text == "5分"
    assert report.funding.execution_score is not None and report.funding.execution_score.text == "4分"
