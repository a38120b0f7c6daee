"""Layout classes of held-out sets 3-5 read by the rules backend, each on invented text of the same shape."""

from __future__ import annotations

from jixiao.extract.rules.indicators import extract_indicators

# a level heading alone on its line (`(2)社会效益`, no 指标, no full stop) under a completion title that a
# converter ran onto the end of the paragraph before it (`…为100%。2.效益指标完成情况分析`)
_GLUED_TITLE = (
    "(一)资金投入情况\n全年到位资金50万元,已全部使用。\n(3)时效指标\n补助资金当年兑付率为100%。{title}\n"
    "(1)经济效益\n农户收入得到进一步提高。\n(2)社会效益\n"
    "2024年通过补助政策,新建灌溉渠道达到12公里,带动周边农户达到210户。\n"
)


def test_a_bare_level_heading_under_a_completion_title_glued_to_a_paragraph_gives_actuals() -> None:
    found = extract_indicators(_GLUED_TITLE.format(title="2.效益指标完成情况分析"))
    read = {(i.level1, i.level2, i.name, i.actual.text if i.actual else None) for i in found}
    assert ("效益指标", "社会效益指标", "带动周边农户", "210户") in read
    assert ("效益指标", "社会效益指标", "新建灌溉渠道", "12公里") in read


def test_a_bare_level_heading_under_a_title_about_plans_gives_no_actuals() -> None:
    assert not extract_indicators(_GLUED_TITLE.format(title="2.下一步工作打算"))
