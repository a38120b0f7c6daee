"""The check engine: a registry of plain rule functions, and `run_checks` that runs them over a Report.

A rule is a function `(CheckContext) -> Iterable[Finding]` registered with `@rule(id, severity)`. Its
docstring states the rule (the first line is the summary `jixiao check --list-rules` prints). Rules live in
one module per family (funding, spending, indicators, narrative, scoring, extraction, years); the family is
the id's prefix, so `skip=["narrative"]` switches a whole family off.

The `years` family compares a report with the same region's and fund's report of the year before. Its rules
are registered with `needs_previous` and see `CheckContext.previous`; `run_checks` leaves them out (one
report has no year before it) and `run_year_checks` runs only them, for the pairs the store layer gathers.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from jixiao.checks.config import CheckConfig
from jixiao.checks.plausibility import gate
from jixiao.errors import ConfigError
from jixiao.model import Confidence, Figure, FigureRef, Finding, Indicator, Report, Severity, Span

FAMILIES = ("funding", "spending", "indicators", "narrative", "scoring", "extraction", "years")
# Modules that register rules; a family may span two modules (indicators: values and labels; scoring: lines
# and total; years: figures and narrative).
RULE_MODULES = (
    "funding", "spending", "indicators", "indicator_labels", "narrative", "instructions", "scoring", "score_total",
    "extraction", "years", "years_narrative",
)  # fmt: skip

Check = Callable[["CheckContext"], Iterable[Finding]]


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    doc: str
    needs_text: bool
    func: Check
    needs_previous: bool = False  # compares with last year's report (family `years`)

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def summary(self) -> str:
        return self.doc.split("\n", 1)[0].strip()


_RULES: dict[str, Rule] = {}


def rule(
    rule_id: str, severity: Severity, *, needs_text: bool = False, needs_previous: bool = False
) -> Callable[[Check], Check]:
    """Register a check under a stable id with its default severity.

    `needs_text` marks rules that read the document's narrative; they do not run without the text.
    `needs_previous` marks rules that compare with the report of the year before (`run_year_checks`).
    """

    def register(func: Check) -> Check:
        if rule_id in _RULES:
            raise ValueError(f"rule id registered twice: {rule_id}")
        doc = inspect.getdoc(func)
        if not doc:
            raise ValueError(f"rule {rule_id} has no docstring stating it")
        _RULES[rule_id] = Rule(rule_id, severity, doc, needs_text, func, needs_previous)
        return func

    return register


_catalogue: tuple[tuple[str, ...], list[Rule]] = ((), [])  # (registered ids, rules in catalogue order)


def all_rules() -> list[Rule]:
    """Every registered rule, family by family in catalogue order (importing the families registers them).

    Sorted once per set of registered rules, not per report: `run_checks` asks for the catalogue every time.
    """
    global _catalogue
    if not _catalogue[0]:
        for module in RULE_MODULES:
            importlib.import_module(f"jixiao.checks.{module}")
    registered = tuple(_RULES)
    if registered != _catalogue[0]:
        order = {rule_id: index for index, rule_id in enumerate(registered)}
        _catalogue = (registered, sorted(_RULES.values(), key=lambda r: (FAMILIES.index(r.family), order[r.id])))
    return list(_catalogue[1])


@dataclass(frozen=True)
class CheckContext:
    """What a rule sees: the report, the document text (or None), the thresholds, and the rule itself.

    Rules across years also see last year's report of the same series and its text.
    """

    report: Report
    text: str | None
    config: CheckConfig
    rule: Rule
    previous: Report | None = None
    previous_text: str | None = None

    def finding(
        self,
        message_zh: str,
        message_en: str,
        figures: Iterable[FigureRef] = (),
        *,
        expected: float | None = None,
        found: float | None = None,
        severity: Severity | None = None,
        confidence: Confidence | None = None,
    ) -> Finding:
        """A finding of the running rule, at its default severity unless told otherwise."""
        return Finding(
            rule=self.rule.id,
            severity=severity or self.rule.severity,
            message_zh=message_zh,
            message_en=message_en,
            figures=list(figures),
            expected=None if expected is None else round(expected, 6),
            found=found,
            confidence=confidence,
        )


def ref(path: str, figure: Figure) -> FigureRef:
    """Point a finding at a figure of the report."""
    return FigureRef(path=path, text=figure.text, span=figure.span)


def text_ref(text: str, start: int, end: int) -> FigureRef:
    """Point a finding at a passage of the document text that is not a figure of the model (path `text`)."""
    return FigureRef(path="text", text=text[start:end], span=Span(start=start, end=end))


def indicator_label(indicator: Indicator) -> str:
    """How a finding names an indicator: its name, after its program's when it has one (`某资金·培训人数`)."""
    return f"{indicator.program}·{indicator.name}" if indicator.program else indicator.name


def select_rules(skip: Iterable[str] = ()) -> list[Rule]:
    """The rules left after skipping ids or whole families; an unknown name is a ConfigError."""
    rules = all_rules()
    skips = {s.strip().rstrip(".") for s in skip if s.strip()}
    known = {r.id for r in rules} | {r.family for r in rules}
    unknown = sorted(skips - known)
    if unknown:
        raise ConfigError(f"unknown rule or family to skip: {', '.join(unknown)} (see `jixiao check --list-rules`)")
    return [r for r in rules if r.id not in skips and r.family not in skips]


def _position(finding: Finding) -> float:
    starts = [f.span.start for f in finding.figures if f.span is not None]
    return min(starts) if starts else float("inf")


def sort_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Errors first, then warnings, then info; within a severity in document order."""
    return sorted(findings, key=lambda f: (-f.severity.rank, _position(f)))


def run_checks(
    report: Report,
    text: str | None = None,
    *,
    skip: Iterable[str] = (),
    config: CheckConfig | None = None,
) -> list[Finding]:
    """Run every registered rule not skipped (by id or family) and return the findings, sorted.

    Without `text` the rules that read the narrative do not run; one info finding `engine.no_text` names
    them so a reviewer knows the report was checked only in part. A rule that raises does not stop the
    others: it becomes an `engine.rule_failed` error finding. Rules across years are not run here. Findings
    pass `plausibility.gate`: none accuses the report on a figure the tool may have misread.
    """
    rules = [r for r in select_rules(skip) if not r.needs_previous]
    config = config or CheckConfig()
    findings = _run(rules, text, lambda rule: CheckContext(report=report, text=text, config=config, rule=rule))
    return sort_findings(gate(findings, report, text))


def run_year_checks(
    previous: Report,
    report: Report,
    previous_text: str | None = None,
    text: str | None = None,
    *,
    skip: Iterable[str] = (),
    config: CheckConfig | None = None,
) -> list[Finding]:
    """Run the rules across years on a report and the same series' report of the year before.

    Findings belong to `report` (year N); figures of `previous` name it in `FigureRef.source_path`.
    Narrative comparisons need both texts; without them they do not run and `engine.no_text` says so.
    """
    rules = [r for r in select_rules(skip) if r.needs_previous]
    config = config or CheckConfig()
    both = (text, previous_text) if text is not None and previous_text is not None else (None, None)

    def context(rule: Rule) -> CheckContext:
        return CheckContext(report, both[0], config, rule, previous=previous, previous_text=both[1])

    return _run(rules, both[0], context)


def _run(rules: list[Rule], text: str | None, context_for: Callable[[Rule], CheckContext]) -> list[Finding]:
    """Every rule on its context; rules without the text they need are named in one `engine.no_text` note."""
    findings: list[Finding] = []
    skipped_for_text = [r.id for r in rules if r.needs_text and text is None]
    for current in rules:
        if current.needs_text and text is None:
            continue
        try:
            findings.extend(current.func(context_for(current)))
        except Exception as error:  # a bug in one rule must not cost the other findings of a batch
            findings.append(
                Finding(
                    rule="engine.rule_failed",
                    severity=Severity.ERROR,
                    message_zh=f"规则 {current.id} 运行出错：{error!r}",
                    message_en=f"rule {current.id} crashed: {error!r}",
                )
            )
    if skipped_for_text:
        findings.append(
            Finding(
                rule="engine.no_text",
                severity=Severity.INFO,
                message_zh=f"无原文，以下规则未运行：{', '.join(skipped_for_text)}",
                message_en=f"no document text; not run: {', '.join(skipped_for_text)}",
            )
        )
    return sort_findings(findings)
