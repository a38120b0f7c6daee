"""Results stated in words or as a bound under a title that says what was done (worded_results)."""

from __future__ import annotations

from jixiao.documents.normalize import normalize
from jixiao.extract.rules.indicators import extract_indicators
from jixiao.model import Kind, Op

_TITLE = "某区水务局2022年度堤防加固专项资金绩效自评报告\n(二)专项资金预期目标完成程度。\n"


def _actuals(sentence: str) -> dict[str, tuple[str, float | None, Kind, Op | None]]:
    text, _ = normalize(_TITLE + sentence + "\n")
    return {
        found.name: (found.actual.text, found.actual.value, found.actual.kind, found.actual.op)
        for found in extract_indicators(text)
        if found.actual is not None
    }


def test_a_grade_word_and_a_design_standard_are_actuals() -> None:
    found = _actuals("完成堤防加固长度3.2公里;3个闸站改造质量为合格;堤防防洪标准均达到20年一遇。")
    assert found["闸站改造质量"] == ("合格", None, Kind.TEXT, None)
    assert found["堤防防洪标准"] == ("20年一遇", 20.0, Kind.NUMBER, None)
    assert found["堤防加固长度"][0] == "3.2公里"


def test_a_satisfaction_given_as_a_lower_bound_is_the_actual_as_printed() -> None:
    found = _actuals("沿线居民满意度超过92%;受益群众满意度达96%以上。")
    assert found["沿线居民满意度"] == ("超过92%", 92.0, Kind.PERCENT, Op.GT)
    assert found["受益群众满意度"][1] == 96.0


def test_the_verdict_of_an_act_and_other_bounds_are_not_read() -> None:
    found = _actuals("工程竣工后质量鉴定为合格;堤防巡查覆盖率超过95%。")
    assert found == {}
