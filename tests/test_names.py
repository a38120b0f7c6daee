"""Names folded for matching across years: place suffix variants, traditional characters, fund aliases."""

from __future__ import annotations

import pytest

from jixiao.names import fund_key, indicator_key, region_key


@pytest.mark.parametrize(
    ("printed", "key"),
    [
        ("柳溪旗", "柳溪"),
        ("柳溪县", "柳溪"),  # 撤旗设县: one place under two suffixes
        ("青嶺縣", "青岭"),  # traditional characters
        ("内蒙古自治区柳溪旗", "柳溪"),
        ("呼伦贝尔市扎兰屯市", "扎兰屯"),
        ("湘潭市雨湖区", "雨湖"),
        ("城区", "城区"),  # a one-character stem names nothing: the suffix stays
    ],
)
def test_region_key_folds_suffix_province_and_script(printed: str, key: str) -> None:
    assert region_key(printed) == key


def test_different_places_keep_different_keys() -> None:
    assert region_key("柳溪旗") != region_key("柳河旗")
    assert region_key(None) is None and region_key("") is None


@pytest.mark.parametrize(
    "printed",
    ["就业补助资金", "中央就业补助资金", "2023年度就业补助资金", "就業補助資金", "就业专项资金", "就业补助资金项目"],
)
def test_fund_aliases_fold_to_one_fund(printed: str) -> None:
    assert fund_key(printed) == "就业补助资金"


def test_other_funds_stay_apart() -> None:
    assert fund_key("城乡义务教育补助经费") != fund_key("就业补助资金")
    assert fund_key(None) is None


def test_indicator_key_ignores_spacing_brackets_and_script() -> None:
    assert indicator_key("享受社会保险补贴人数（人）") == indicator_key("享受社會保險補貼 人數")
    assert indicator_key("城镇新增就业人数") != indicator_key("失业人员再就业人数")
