"""A funding block printed as label-amount lines, its unit in the block's name (written by us, invented figures)."""

from __future__ import annotations

from jixiao.extract.rules.split_lines import split_lines

_BLOCKS = """预算资金安排 2023年度专项转移支付资金预算安排情况。
专项资金合计(万元) 年度预算资金总额): 300.00
其中:中央补助:200.00
市级资金:60.00
本级资金(包括结转结余):40.00
其中:
甲补助资金(万元)
年度预算资金总额: 180.00
其中:中央补助 120.00
乙补助资金(万元)
年度预算资金总额: 120.00
其中:中央补助 80.00
"""


def test_the_wholes_block_gives_budget_and_sources_and_the_funds_after_it_spending() -> None:
    funding, spending = split_lines(_BLOCKS)
    assert funding is not None and funding.budget.total is not None
    assert funding.budget.total.value == 300.0
    assert [(part.source.value, part.name, part.amount.value) for part in funding.budget.by_source] == [
        ("central", "中央补助", 200.0),
        ("prefectural", "市级资金", 60.0),
        ("county", "本级资金(包括结转结余)", 40.0),
    ]
    assert [(item.category, item.amount.value if item.amount else None) for item in spending] == [
        ("甲补助资金", 180.0),
        ("乙补助资金", 120.0),
    ]


def test_parts_or_funds_that_do_not_add_up_are_not_read() -> None:
    funding, spending = split_lines(
        _BLOCKS.replace("市级资金:60.00", "市级资金:66.00").replace(
            "120.00\n其中:中央补助 80", "110.00\n其中:中央补助 80"
        )
    )
    assert funding is not None and funding.budget.total is not None and funding.budget.total.value == 300.0
    assert funding.budget.by_source == [] and spending == []


def test_a_text_without_the_whole_block_gives_nothing() -> None:
    assert split_lines("甲补助资金(万元)\n年度预算资金总额: 180.00\n") == (None, [])
    assert split_lines("全年预算数 120 万元,执行 118 万元。") == (None, [])
