"""A narrative result takes the target its goals state under the same name (goal_targets)."""

from __future__ import annotations

from pathlib import Path

from jixiao.documents import load_document
from jixiao.extract.rules import extract_rules

_HEAD = "某县2023年度孕前优生检查项目绩效自评报告\n一、目标任务\n"
_RESULTS = "三、完成情况\n全县共免费孕检3120人，完成任务的104%，孕检率为93.5%，疾病检出率达7.2%。\n"


def _targets(goals: str, tmp_path: Path) -> dict[str, str | None]:
    path = tmp_path / "r.txt"
    path.write_text(_HEAD + goals + "\n" + _RESULTS, encoding="utf-8")
    report = extract_rules(load_document(path))
    return {found.name: found.target.text if found.target else None for found in report.indicators}


def test_the_goals_figure_under_the_same_name_is_the_target(tmp_path: Path) -> None:
    goals = "年度目标任务：一是全县孕检率稳定在90%左右，孕检疾病检出率达到6%以上；二是免费孕检3000人。"
    found = _targets(goals, tmp_path)
    assert found == {"免费孕检": "3000人", "孕检率": "90%左右", "疾病检出率": "6%以上"}


def test_no_target_from_a_sentence_that_is_no_goal_or_names_two_figures(tmp_path: Path) -> None:
    found = _targets("上年孕检率为88%。年度目标任务：疾病检出率达到6%，疾病检出率达到5%。", tmp_path)
    assert found["孕检率"] is None and found["疾病检出率"] is None


def test_no_target_of_another_unit(tmp_path: Path) -> None:
    found = _targets("年度目标任务：孕检率达到3000人次。", tmp_path)
    assert found["孕检率"] is None


def _rated(raw: str, tmp_path: Path) -> dict[str, str | None]:
    path = tmp_path / "r.txt"
    path.write_text("某区2023年度农村厕所改造补助资金绩效自评报告\n" + raw, encoding="utf-8")
    report = extract_rules(load_document(path))
    return {found.name: found.target.text if found.target else None for found in report.indicators}


def test_the_goal_count_the_completion_rate_proves_is_the_target(tmp_path: Path) -> None:
    goals = "绩效目标为：改善农村人居环境，完成2023年度40户计划任务。\n"
    done = "截至11月底，全区共完成农村厕所改造58户，完工率145%。\n"
    assert _rated(goals + done, tmp_path) == {"农村厕所改造": "40户"}
    assert _rated(goals.replace("40户", "45户") + done, tmp_path) == {"农村厕所改造": None}  # 58/45 is 129 %
