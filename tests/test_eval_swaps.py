"""The content swaps rewrite a labelled text and its gold together, or skip what they cannot rewrite surely."""

from __future__ import annotations

from jixiao.evaluation.figure_swaps import doubled, money, shift_years, years
from jixiao.evaluation.name_swaps import FUNDS, PLACES, fund, region
from jixiao.evaluation.swaps import SWAPS, swap_named
from jixiao.model import ExtractorInfo, Figure, Funding, FundingLine, Indicator, Report, SourceInfo, SpendingItem


def _report(**fields: object) -> Report:
    source = SourceInfo(path="x.txt", sha256="0" * 64, format="txt")
    return Report(source=source, extractor=ExtractorInfo(backend="hand"), **fields)  # type: ignore[arg-type]


def _money(text: str, value: float) -> Figure:
    return Figure(text=text, value=value, unit="万元")


def test_every_swap_is_named_once() -> None:
    assert [swap_named(swap.name) for swap in SWAPS] == list(SWAPS)


def test_years_shift_every_year_as_printed_and_the_gold_with_them() -> None:
    text = (
        "青禾县2024年度某某补助资金自评报告\n某财〔2024〕12号，2022-2024年规划，截至2024-12-31。\n"
        "完成时间 | 2024年10月底前 | ≥2000人 |"
    )
    gold = _report(
        year=2024,
        indicators=[Indicator(name="完成时间", target=Figure(text="2024年10月底前", kind="date"))],
    )
    swapped = years(text, gold)
    assert swapped is not None
    assert swapped.text == text.replace("2024", "2021").replace("2022", "2019")  # ≥2000人 is a count
    assert swapped.report.year == 2021
    assert swapped.report.indicators[0].target == Figure(text="2021年10月底前", kind="date")


def test_a_year_glued_to_a_score_is_shifted_but_not_a_score_after_a_unit() -> None:
    assert shift_years("时效指标完成时间52023年12月完成") == "时效指标完成时间52020年12月完成"
    assert shift_years("年借阅人次≥3万人次3.2万人次2018可持续") == "年借阅人次≥3万人次3.2万人次2018可持续"


def test_years_skip_a_text_that_prints_a_shifted_year_as_a_bare_cell() -> None:
    text = "某某补助资金2023年度自评表\n项目 | 2023 | 完成 |"
    assert years(text, _report(year=2023)) is None


def test_region_renames_the_place_and_its_short_form_everywhere() -> None:
    text = "青禾县2023年度某某补助资金自评报告\n青禾县财政局、青禾职业学校\n指标 | 青禾籍学员人数 | 30人 |"
    gold = _report(region="青禾县", indicators=[Indicator(name="青禾籍学员人数", actual=Figure(text="30人", value=30))])
    swapped = region(text, gold)
    assert swapped is not None and swapped.report.region in PLACES["县"]
    stem = swapped.report.region[:-1]
    assert "青禾" not in swapped.text and swapped.text.count(stem) == 4
    assert swapped.report.indicators[0].name == f"{stem}籍学员人数"


def test_region_skips_a_place_also_printed_misread() -> None:
    text = "青禾县2023年度自评报告\n青未县现有林地面积…"  # one inner char misread, as an OCR'd page prints it
    assert region(text, _report(region="青禾县")) is None


def test_fund_keeps_its_level_word_and_its_kind() -> None:
    text = "州级乡村书屋运维经费2023年度自评报告\n项目名称 | 乡村书屋运维经费 |"
    swapped = fund(text, _report(fund="州级乡村书屋运维经费"))
    assert swapped is not None and swapped.report.fund is not None
    new = swapped.report.fund
    assert new.startswith("州级") and new[2:] in FUNDS["经费"]
    assert "乡村书屋" not in swapped.text and swapped.text.count(new[2:]) == 2


def test_fund_skips_a_text_that_also_names_it_in_another_form() -> None:
    text = "某市公安局禁毒项目绩效自评表\n项目名称 禁毒经费\n"  # the title's 禁毒项目 would stay behind
    assert fund(text, _report(fund="禁毒经费")) is None
    broken = "某县2023年度乡村书屋运维\n经费自评报告\n乡村书屋运维经费30万元"  # the title's name across a line break
    assert fund(broken, _report(fund="乡村书屋运维经费")) is None


def test_doubled_keeps_decimals_and_thousands_separators() -> None:
    assert [doubled(n) for n in ("99", "0.50", "1,298.17", "650.5")] == ["198", "1.00", "2,596.34", "1301.0"]


def test_money_doubles_every_amount_and_keeps_rates_and_sums() -> None:
    text = (
        "年度资金总额 | 120.50 | 100.00 | 82.99% |\n"
        "其中：中央资金80万元，省级资金40.5万元；第一批下达100万元。\n支出：培训费60万元，补贴40.00万元。"
    )
    gold = _report(
        funding=Funding(
            budget=FundingLine(total=_money("120.50", 120.5)),
            executed=FundingLine(total=_money("100.00", 100.0)),
            execution_rate=Figure(text="82.99%", value=82.99, unit="%", kind="percent"),
        ),
        spending=[
            SpendingItem(category="培训费", amount=_money("60万元", 60)),
            SpendingItem(category="补贴", amount=_money("40.00万元", 40)),
        ],
    )
    swapped = money(text, gold)
    assert swapped is not None
    assert swapped.text == (
        "年度资金总额 | 241.00 | 200.00 | 82.99% |\n"
        "其中：中央资金160万元，省级资金81.0万元；第一批下达200万元。\n支出：培训费120万元，补贴80.00万元。"
    )
    funding = swapped.report.funding
    assert funding.budget.total == _money("241.00", 241.0) and funding.executed.total == _money("200.00", 200.0)
    assert funding.execution_rate == gold.funding.execution_rate
    assert [item.amount for item in swapped.report.spending] == [_money("120万元", 120), _money("80.00万元", 80)]


def test_money_skips_an_amount_printed_as_a_count_or_a_list_number() -> None:
    gold = _report(spending=[SpendingItem(category="培训费", amount=_money("12万元", 12))])
    assert money("培训费12万元，培训12人。", gold) is None
    gold = _report(spending=[SpendingItem(category="会议费", amount=_money("4万元", 4))])
    assert money("3)差旅费6万元。\n4)会议费4万元。", gold) is None
