"""Indicator labels: categories that do not fit the name, the taxonomy, duplicates, stray years, comparators.

Rules of the `indicators` family that read names and categories rather than arithmetic (DOMAIN §4, I11, I12).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jixiao.checks.engine import CheckContext, indicator_label, ref, rule
from jixiao.model import Figure, FigureRef, Finding, Indicator, Op, Severity
from jixiao.vocabulary import COST_2021, POINTS, TAXONOMY_2020, is_reverse, level_name

STANDARD_LEVEL1 = {"产出", "效益", "满意度", "成本"}
EVALUATION_LEVEL1 = {"决策", "过程", "投入", "管理"}
"""First levels of an evaluation sheet (10号's 决策/过程, the older 投入/过程, 管理), not of the target taxonomy:
their second levels are 项目立项, 资金管理 …, never 数量 or 社会效益."""
PLACEHOLDER_LEVEL2 = {"具体", "其他", "其它"}
"""Second-level cells some templates print instead of a category (湖北's 具体指标): no category to judge."""

OLDER_NAMES = {"进度": "时效", "环境效益": "生态效益"}
"""Second levels some provinces' older templates printed under another name (进度指标 for 时效指标, 环境效益
for 生态效益)."""

TIME_WORDS = re.compile("时间|及时|按时|时限|期限|进度|时效|月|日|前|当年|年内")
QUALITY_WORDS = re.compile("准确|合格|达标|知晓|覆盖|参训|规范|正确")
YEAR = re.compile(r"(20\d{2})年")
_POINTS_NEXT = re.compile(r"\s*" + POINTS)


def _level(text: str | None) -> str:
    """A level as judged: `指标` dropped, and a template placeholder (具体指标) as no level at all."""
    name = re.sub(r"指标$", "", level_name(text or ""))
    return "" if name in PLACEHOLDER_LEVEL2 else name


def _fits_taxonomy(level1: str, level2: str) -> bool:
    """Whether the pair is one of the 2020 or 2021 framework's, misprints aside: any …满意度 (群众, 受益群众)
    under 满意度, a level printed with 性 (时效性), doubled (社会效益效益) or one character off (OCR's 日效)."""
    valid = TAXONOMY_2020.get(level1, set()) | (COST_2021 if level1 == "成本" else set())
    level2 = OLDER_NAMES.get(level2, level2.removesuffix("性"))
    if level2 in valid or (level1 == "满意度" and level2.endswith("满意度")) or _names_the_asked(level1, level2):
        return True
    return any(name in level2 or _one_off(name, level2) for name in valid)


TARGET_LEVEL2 = frozenset().union(*TAXONOMY_2020.values(), COST_2021)


def _target_level2(level2: str) -> bool:
    """A second level of the target taxonomy (数量, 社会效益, 经济成本 …), as printed or with 性."""
    return OLDER_NAMES.get(level2, level2.removesuffix("性")) in TARGET_LEVEL2


def _names_the_asked(level1: str, level2: str) -> bool:
    """Under 满意度, a second level naming whom the survey asked (读者, 学生) rather than a category: the
    template's 服务对象 written out. Another level's category there (数量, 社会效益) is still a misfit."""
    return level1 == "满意度" and bool(level2) and not _target_level2(level2) and level2 not in STANDARD_LEVEL1


def _block_read_as_level2(cell: str | None, level2: str, text: str | None) -> bool:
    """A second level that is a first level's own name (满意度指标) which the document prints with its block's
    points (`满意度指标(10分)`): the first-level cell of the next block, read one column off under the block
    above, not a pair the report printed."""
    if cell is None or text is None or level2 not in STANDARD_LEVEL1:
        return False
    name = cell.strip()
    at = text.find(name)
    while at != -1:
        if _POINTS_NEXT.match(text, at + len(name)):
            return True
        at = text.find(name, at + 1)
    return False


def _one_off(name: str, printed: str) -> bool:
    return len(name) == len(printed) and sum(a != b for a, b in zip(name, printed, strict=True)) == 1


def _name_ref(i: int, indicator: Indicator) -> FigureRef:
    return FigureRef(path=f"indicators[{i}].name", text=indicator.name)


def _misfit(indicator: Indicator) -> str | None:
    """Why the name does not fit its second-level category, or None."""
    level2, name = _level(indicator.level2), indicator.name
    asked = _names_the_asked(_level(indicator.level1), level2)
    if "满意度" in name and level2 and "满意度" not in level2 and not asked:
        return "满意度指标应归入服务对象满意度指标"
    if level2 == "时效" and QUALITY_WORDS.search(name) and not TIME_WORDS.search(name):
        return "名称是质量类（准确率、合格率…），不是时效"
    if level2 in ("数量", "质量", "成本") and name.endswith("时间"):
        return "名称是时间，应归入时效指标"
    return None


@rule("indicators.category", Severity.WARNING)
def category(ctx: CheckContext) -> Iterator[Finding]:
    """二级指标与名称不符，如 准确率 归入时效指标、完成时间 归入数量指标、满意度 不在满意度指标下。"""
    for i, ind in enumerate(ctx.report.indicators):
        why = _misfit(ind)
        if why is None:
            continue
        figures = [_name_ref(i, ind)] + ([ref(f"indicators[{i}].target", ind.target)] if ind.target else [])
        yield ctx.finding(
            f"{indicator_label(ind)} 归入 {ind.level2}：{why}",
            f"{ind.name} filed under {ind.level2}: category does not fit the name",
            figures,
        )


@rule("indicators.taxonomy", Severity.WARNING)
def taxonomy(ctx: CheckContext) -> Iterator[Finding]:
    """一级/二级指标组合须属于 2020（10号）或 2021（101号）体系；两套体系混用为 info（I12）。

    Other first levels are a scoring sheet of their own and not judged, except an evaluation sheet's levels
    (决策, 过程, 投入, 管理) holding a target level (数量指标 under 项目决策): a pair from the wrong level.
    """
    for i, ind in enumerate(ctx.report.indicators):
        level1, level2 = _level(ind.level1), _level(ind.level2)
        if level1.removeprefix("项目") in EVALUATION_LEVEL1 and _target_level2(level2):
            yield ctx.finding(
                f"{indicator_label(ind)}：{ind.level2} 是产出/效益/满意度/成本指标的二级，"
                f"不应归入评价指标 {ind.level1}",
                f"{ind.name}: {ind.level2} filed under the evaluation level {ind.level1}",
                [_name_ref(i, ind)],
            )
            continue
        if not level1 or not level2 or level1 not in STANDARD_LEVEL1:
            continue  # a scoring sheet of its own (规划/基础信息, 投入/项目立项): not the 10号 taxonomy
        if level1 == "产出" and level2 in COST_2021:
            yield ctx.finding(
                f"{indicator_label(ind)}：{ind.level1}/{ind.level2} 混用 2020 与 2021 指标体系",
                f"{ind.name}: {ind.level1}/{ind.level2} mixes the 2020 and 2021 frameworks",
                [_name_ref(i, ind)],
                severity=Severity.INFO,
            )
            continue
        if _fits_taxonomy(level1, level2) or _block_read_as_level2(ind.level2, level2, ctx.text):
            continue
        yield ctx.finding(
            f"{indicator_label(ind)}：二级指标 {ind.level2} 不属于一级指标 {ind.level1}",
            f"{ind.name}: {ind.level2} is not a second level of {ind.level1}",
            [_name_ref(i, ind)],
        )


def _values(indicator: Indicator) -> tuple[str | None, str | None]:
    return (
        indicator.target.text if indicator.target else None,
        indicator.actual.text if indicator.actual else None,
    )


def _repeated(indicators: list[Indicator]) -> list[tuple[int, int]]:
    """(first, later) index pairs of indicators of one fund with the same name."""
    first: dict[tuple[str, str], int] = {}
    pairs = []
    for i, ind in enumerate(indicators):
        key = (ind.program or "", re.sub(r"\s+", "", ind.name))
        if key in first:
            pairs.append((first[key], i))
        else:
            first[key] = i
    return pairs


def _contradict(earlier: Indicator, later: Indicator) -> bool:
    """Both print a target, or both an actual, and they differ: a row giving what the other left out (a
    targets table, then the results) restates it."""
    pairs = zip(_values(earlier), _values(later), strict=True)
    return any(a is not None and b is not None and a != b for a, b in pairs)


def _reader(indicator: Indicator) -> str:
    """Which reader found the indicator (`table`, `narrative`, …): prose restating a table row is no second row."""
    figures = (indicator.target, indicator.actual, indicator.weight, indicator.score)
    return next(((f.found_by or "").split(".", 1)[0] for f in figures if f is not None), "")


# This many names coming again: the list itself comes again (another project's form, the targets table then
# the results table), and which fund each copy belongs to was not read.
_SECOND_FORM = 3


@rule("indicators.duplicate", Severity.WARNING)
def duplicate(ctx: CheckContext) -> Iterator[Finding]:
    """同一资金下同名指标出现两次且数值矛盾（两处都印了指标值或实际值而不同）。

    Not raised when a whole list comes again (three names or more: another form whose fund was not read),
    nor between a table row and prose restating it, nor between two passages of prose (a measure named once
    per sub-project, year or town of a list: its subject is the sentence's, not a row's): on the labelled
    real and held-out documents every duplicate raised before these guards was one indicator read twice,
    or two subjects' figures, none the report's contradiction.
    """
    indicators = ctx.report.indicators
    pairs = _repeated(indicators)
    if len(pairs) >= _SECOND_FORM:
        return
    for j, i in pairs:
        earlier, ind = indicators[j], indicators[i]
        if not _contradict(earlier, ind) or _reader(earlier) != _reader(ind) or _reader(ind) == "narrative":
            continue
        figures = [
            ref(f"indicators[{k}].{field}", figure)
            for k, other in ((j, earlier), (i, ind))
            for field, figure in (("target", other.target), ("actual", other.actual))
            if figure is not None
        ]
        yield ctx.finding(
            f"{indicator_label(ind)} 出现两次，数值不同：{'/'.join(t or '—' for t in _values(earlier))} 与 "
            f"{'/'.join(t or '—' for t in _values(ind))}",
            f"{ind.name} appears twice with different values",
            figures,
        )


@rule("indicators.year", Severity.WARNING)
def year(ctx: CheckContext) -> Iterator[Finding]:
    """指标名称、指标值或实际值中的年份与报告年度不同（如 2024 年报告写 2023年招募人员体检）。"""
    report_year = ctx.report.year
    if report_year is None:
        return
    for i, ind in enumerate(ctx.report.indicators):
        places: list[tuple[str, Figure | None]] = [] if "。" in ind.name else [(ind.name, None)]  # a sentence
        places += [(figure.text, figure) for figure in (ind.target, ind.actual) if figure is not None]
        for text, figure in places:
            years = {int(y) for y in YEAR.findall(text)} - {report_year}
            if not years:
                continue  # the common case: build no reference (this rule ran on every figure of a batch)
            field = "name" if figure is None else "target" if figure is ind.target else "actual"
            figure_ref = _name_ref(i, ind) if figure is None else ref(f"indicators[{i}].{field}", figure)
            listed = "、".join(map(str, sorted(years)))
            yield ctx.finding(
                f"{indicator_label(ind)}：“{text}” 中的年份 {listed} 与报告年度 {report_year} 不同",
                f"{ind.name}: year {listed} differs from the report year {report_year}",
                [figure_ref],
            )


POSITIVE_NAME = re.compile("满意度|覆盖率|人数|户数|知晓率|落实率|发放率|到位率|参训率|就业率|(?:建设|改造|完成)数量")


def _positive(name: str) -> bool:
    """More is better: 满意度, 覆盖率, 人数, a count of things built (建设数量)."""
    return bool(POSITIVE_NAME.search(name)) and not is_reverse(name)


@rule("indicators.direction", Severity.WARNING)
def direction(ctx: CheckContext) -> Iterator[Finding]:
    """比较符方向与指标性质相反：失业率、投诉、事故类应为 ≤，满意度、人数、覆盖类应为 ≥ 或 =（I11）。"""
    for i, ind in enumerate(ctx.report.indicators):
        target = ind.target
        if target is None or target.op is None:
            continue
        if is_reverse(ind.name) and target.op in (Op.GE, Op.GT):
            expected = "≤"
        elif _positive(ind.name) and target.op in (Op.LE, Op.LT):
            expected = "≥"
        else:
            continue
        yield ctx.finding(
            f"{indicator_label(ind)}：指标值 {target.text} 的比较符方向可疑，此类指标通常为 {expected}",
            f"{ind.name}: comparator of {target.text} looks reversed (expected {expected})",
            [ref(f"indicators[{i}].target", target)],
        )
