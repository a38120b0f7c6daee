"""Narrative: what the report's prose owes its figures (DOMAIN §5, I07, F06).

These rules read the document text. Without it (a JSON report whose source file is gone) they do not
run and the engine says so (`engine.no_text`): judging "no reason given" from the model alone would
accuse reports whose reason sits in a paragraph the extractor did not attach.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from jixiao.checks.attainment import Status, attainment
from jixiao.checks.engine import CheckContext, indicator_label, ref, rule, text_ref
from jixiao.checks.tolerance import half_unit, printed_places, ratio_range
from jixiao.model import Finding, Indicator, Severity, value_of

REASON = re.compile(
    r"原因|由于|因为|导致|(?:主要|系|是)因|因\s*\d{4}\s*年|受[^。；\n]{0,12}影响|未开展|减少|下调|滞后|不纳入"
)
BOILERPLATE = re.compile(r"^[\s/\\、，。：:—\-无否暂无偏差差异不适用]*$")
CLAIM = re.compile(
    r"(?:各项|全部|所有)?(?:绩效)?(?:目标|指标|任务)[^。；;\n，,]{0,6}?"
    r"(?:全面完成|均已完成|全部完成|均完成|均已实现|全部实现|均已达到|全部达到|均达到|圆满完成|全面达成|均已达成)"
    r"|(?:全面|圆满|全部)完成(?:了)?(?:各项|全部|所有)?(?:绩效|年度)?(?:目标|指标|任务)"
)
# 确保全面完成年度目标任务 in a plan or an improvement measure is an aim, not a claim.
ASPIRATION = re.compile("确保|力争|争取|努力|保证|推动|以便|为了|将|要")
SENTENCE_END = re.compile(r"[。；;\n]")  # a run-on list separates indicators with ；
EXECUTION_TOPIC = re.compile(r"执行率|执行进度|支出进度|未执行|未支出|结转|结余|未使用|未拨付")
EXECUTION_REASON = re.compile(r"原因|由于|因为|导致|影响|滞后|尚未|未到|未及时|下半年|年底")
MAX_WINDOW = 300


def _core_name(name: str) -> str:
    """The name without a bracketed part label: 社会保险补贴人均标准（养老） → 社会保险补贴人均标准."""
    return re.sub(r"[（(][^（）()]*[）)]$", "", re.sub(r"\s+", "", name)) or name


def _sentence_start(text: str, start: int) -> int:
    return max(text.rfind(mark, max(0, start - MAX_WINDOW), start) for mark in "。；;\n") + 1


def _sentence_around(text: str, start: int, end: int) -> str:
    """The clause holding text[start:end]: bounded by 。；or a line break, at most MAX_WINDOW either side."""
    after = SENTENCE_END.search(text, end)
    return text[_sentence_start(text, start) : min(after.end() if after else len(text), end + MAX_WINDOW)]


def mention_keys(indicator: Indicator, others: Sequence[Indicator]) -> list[str]:
    """Words that name the indicator in prose: its name, and its tails of four or more characters that no
    other indicator's name shares (鹤汀 2020 explains 职业技能培训人数 as “培训人数略低于年度目标”)."""
    name = _core_name(indicator.name)
    other_names = [_core_name(o.name) for o in others if o is not indicator and _core_name(o.name) != name]
    tails = [name[k:] for k in range(1, len(name) - 3)]
    return [name] + [t for t in tails if not any(t in other for other in other_names)]


def has_reason(indicator: Indicator, text: str, others: Sequence[Indicator] = ()) -> bool:
    """A deviation reason in the model, or in the text: a reason word in a clause that names the indicator."""
    if indicator.deviation_reason and not BOILERPLATE.match(indicator.deviation_reason):
        return True
    other_names = [_core_name(o.name) for o in others if o is not indicator and len(_core_name(o.name)) >= 4]
    for key in mention_keys(indicator, others):
        if len(key) < 3:
            continue
        for mention in re.finditer(re.escape(key), text):
            sentence = _sentence_around(text, mention.start(), mention.end())
            after = mention.end() - _sentence_start(text, mention.start())
            if REASON.search(_own_part(sentence, after, key, other_names)):
                return True
    return False


def _own_part(sentence: str, after: int, key: str, other_names: list[str]) -> str:
    """The sentence up to the next indicator it names after this mention (a table's rows run on unbroken)."""
    stops = [found for name in other_names if name not in key and (found := sentence.find(name, after)) >= 0]
    return sentence[: min(stops)] if stops else sentence


@rule("narrative.unmet_without_reason", Severity.WARNING, needs_text=True)
def unmet_without_reason(ctx: CheckContext) -> Iterator[Finding]:
    """未完成的指标须说明偏差原因及改进措施（10号；I07），原因可在报告任何一处与该指标同句出现。

    Not on a document that stops early: the reason may stand after the cut.
    """
    assert ctx.text is not None
    if ctx.report.truncated:
        return
    for i, ind in enumerate(ctx.report.indicators):
        if attainment(ind).status != Status.UNMET or has_reason(ind, ctx.text, ctx.report.indicators):
            continue
        assert ind.actual is not None and ind.target is not None
        yield ctx.finding(
            f"{indicator_label(ind)} 未完成（实际 {ind.actual.text}，指标值 {ind.target.text}），报告未说明原因",
            f"{ind.name} missed its target ({ind.actual.text} vs {ind.target.text}) and no reason is given",
            [ref(f"indicators[{i}].actual", ind.actual), ref(f"indicators[{i}].target", ind.target)],
        )


@rule("narrative.claims_all_met", Severity.WARNING, needs_text=True)
def claims_all_met(ctx: CheckContext) -> Iterator[Finding]:
    """报告称目标“全面完成 / 均已完成 / 全部完成”，但有指标未完成。

    Not on a document that stops early: what follows the cut may qualify the claim or explain the miss.
    """
    assert ctx.text is not None
    if ctx.report.truncated:
        return
    claim = next(
        (m for m in CLAIM.finditer(ctx.text) if not ASPIRATION.search(ctx.text[max(0, m.start() - 6) : m.start()])),
        None,
    )
    if claim is None:
        return
    unmet = [(i, ind) for i, ind in enumerate(ctx.report.indicators) if attainment(ind).status == Status.UNMET]
    if not unmet:
        return
    figures = [text_ref(ctx.text, claim.start(), claim.end())]
    figures += [ref(f"indicators[{i}].actual", ind.actual) for i, ind in unmet if ind.actual is not None]
    names = "、".join(ind.name for _, ind in unmet[:5]) + ("等" if len(unmet) > 5 else "")
    yield ctx.finding(
        f"报告称“{claim.group()}”，但 {len(unmet)} 项指标未完成：{names}",
        f"the report claims “{claim.group()}” while {len(unmet)} indicators missed their targets",
        figures,
    )


def _execution_rate(ctx: CheckContext) -> float | None:
    """Executed ÷ budget recomputed (the honest value), else the stated rate."""
    funding = ctx.report.funding
    budget, executed = funding.budget.total, funding.executed.total
    if budget and executed and budget.value and executed.value is not None:
        kept = printed_places([budget, executed])
        low, high = ratio_range(executed.value, half_unit(kept), budget.value, half_unit(kept))
        return (low + high) / 2
    return value_of(funding.execution_rate)


def execution_explained(text: str) -> bool:
    """A sentence about execution (执行率, 结转, 未支出 …) that gives a cause."""
    sentences = re.split(r"[。\n]", text)
    return any(EXECUTION_TOPIC.search(s) and EXECUTION_REASON.search(s) for s in sentences)


@rule("narrative.low_execution_unexplained", Severity.WARNING, needs_text=True)
def low_execution_unexplained(ctx: CheckContext) -> Iterator[Finding]:
    """预算执行率低于阈值（默认 90%，可配置）时，报告须说明原因（F06；四川 2023 模板）。

    Not on a document that stops early: the explanation may stand after the cut.
    """
    assert ctx.text is not None
    if ctx.report.truncated:
        return
    rate = _execution_rate(ctx)
    threshold = ctx.config.execution_explain_below
    if rate is None or rate >= threshold or execution_explained(ctx.text):
        return
    funding = ctx.report.funding
    figures = [
        ref(path, figure)
        for path, figure in (
            ("funding.execution_rate", funding.execution_rate),
            ("funding.executed.total", funding.executed.total),
            ("funding.budget.total", funding.budget.total),
        )
        if figure is not None
    ]
    yield ctx.finding(
        f"预算执行率 {rate:.2f}% 低于 {threshold:g}%，报告未说明原因",
        f"execution rate {rate:.2f}% is below {threshold:g}% and not explained",
        figures,
        expected=threshold,
        found=round(rate, 2),
    )
