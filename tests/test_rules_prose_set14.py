"""Header and prose phrasings first met on held-out set 14 (own words and invented figures)."""

from __future__ import annotations

from pathlib import Path

from jixiao.extract.rules.fund_names import named_subject, subject_of
from jixiao.extract.rules.places import leading_places
from reading import rules_report


def test_a_slogan_ending_in_province_is_no_place(tmp_path: Path) -> None:
    assert leading_places("文化强省专项资金") == []
    assert leading_places("浙江省青河县") == ["浙江省", "青河县"]
    raw = "发布机构: 青河县文化旅游局\n文化强省专项资金2031年度绩效自评报告\n一、基本情况\n省下达我县资金20万元。\n"
    report = rules_report(tmp_path, raw)
    assert report.fund == "文化强省专项资金"
    assert report.region == "青河县"  # the publisher's place, not the slogan


def test_the_projects_of_a_units_accounts_name_no_fund() -> None:
    assert subject_of("青河市档案局2031年度部门决算中项目绩效评价报告") is None
    assert subject_of("青河市档案局2031年度档案数字化项目绩效评价报告") == "档案数字化项目"


def test_an_adverb_before_the_evaluation_verb_is_no_fund(tmp_path: Path) -> None:
    raw = (
        "2031年度某会绩效评价工作开展情况\n"
        "单位对2031年度项目支出全面开展绩效自评,共涉及项目2个,资金300万元。\n"
        "附件1:《2031年度浙江省某会部门整体绩效自评表》.docx\n"
    )
    report = rules_report(tmp_path, raw)
    assert report.fund is None
    assert report.region == "浙江省"  # the attached form's title, inside its book-title marks


def test_a_place_tag_after_a_project_name_is_no_part_of_it() -> None:
    assert named_subject("青河区全面实施“雨污分流”工程 (东湖街道)") == "全面实施“雨污分流”工程"
    assert named_subject("青河区排水管网改造工程(一期)") == "排水管网改造工程(一期)"
