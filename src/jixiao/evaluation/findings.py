"""Scoring the checks: the findings raised on a report against the findings a reviewer expects.

Only findings of severity warning or error count; info findings are context for a reviewer, not claims
that something is wrong. A finding is identified by its rule and the figures it names (FigureRef paths,
turned into stable fact paths); it meets an expected finding `{rule, path}` when the rules are equal and
it names that path (an expected path of null accepts any figure, or none).

- precision = raised findings that meet some expected finding / raised findings (also per severity:
  error_precision, warning_precision — an error accuses the report, so its precision matters most)
- recall    = expected findings met by some raised finding / expected findings
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from pydantic import BaseModel, Field, computed_field

from jixiao.evaluation.facts import stable_path
from jixiao.evaluation.gold import ExpectedFinding
from jixiao.evaluation.matching import ItemKeys
from jixiao.model import Finding, Report, Severity

Checker = Callable[..., list[Finding]]
"""`run_checks(report, text=None, *, skip=(), config=None) -> list[Finding]` from `jixiao.checks`."""


def is_severe(finding: Finding) -> bool:
    return finding.severity.rank >= Severity.WARNING.rank


RaisedFinding = tuple[str, frozenset[str], str]
"""(rule, stable paths of the figures it names, severity)."""


SECOND_READER = "llm."  # rule prefix of the second reader's findings (`jixiao check --llm`), scored apart


def is_rule_check(rule: str) -> bool:
    """Expected findings of the deterministic checks; the second reader's (`llm.*`) are scored on their own."""
    return not rule.startswith(SECOND_READER)


def raised(findings: Sequence[Finding], report: Report, keys: ItemKeys) -> list[RaisedFinding]:
    """Warning-or-worse findings of the rule checks as (rule, stable paths of the figures they name, severity).

    Findings a model raised (`source: llm`: disagreements between two readers, the second reader) are not
    the checks' and are left out here."""
    return [
        (
            finding.rule,
            frozenset(stable_path(ref.path, report, keys) for ref in finding.figures),
            finding.severity.value,
        )
        for finding in findings
        if is_severe(finding) and finding.source != "llm"
    ]


def raised_by_reader(findings: Sequence[Finding], report: Report, keys: ItemKeys) -> list[RaisedFinding]:
    """The second reader's warnings (a text target judged met is info: context, like the checks' info)."""
    found = []
    for finding in findings:
        if finding.rule.startswith(SECOND_READER) and is_severe(finding):
            paths = frozenset(stable_path(ref.path, report, keys) for ref in finding.figures if ref.path != "text")
            found.append((finding.rule, paths, finding.severity.value))
    return found


def score_reader(expected: Sequence[ExpectedFinding], found: Sequence[RaisedFinding]) -> FindingsScore:
    """The second reader against the `llm.*` expected findings only."""
    return score_findings([want for want in expected if not is_rule_check(want.rule)], found)


def _meets(found: RaisedFinding, expected: ExpectedFinding) -> bool:
    rule, paths, _ = found
    return rule == expected.rule and (expected.path is None or expected.path in paths)


def _show(found: RaisedFinding) -> str:
    rule, paths, severity = found
    return f"{rule} ({severity}) @ {', '.join(sorted(paths)) or '(report)'}"


class FindingsScore(BaseModel):
    expected: int = 0
    raised: int = 0
    expected_met: int = 0
    raised_correct: int = 0
    raised_errors: int = Field(default=0, description="raised at error level")
    errors_correct: int = Field(default=0, description="of them, expected by the reviewer")
    raised_warnings: int = 0
    warnings_correct: int = 0
    missed: list[str] = Field(default_factory=list, description="expected, not raised")
    unexpected: list[str] = Field(default_factory=list, description="raised, not expected")

    @computed_field  # type: ignore[prop-decorator]
    @property
    def error_precision(self) -> float:
        """Of the findings that accuse the report at error level, the share a careful reviewer would raise."""
        return self.errors_correct / self.raised_errors if self.raised_errors else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def warning_precision(self) -> float:
        return self.warnings_correct / self.raised_warnings if self.raised_warnings else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float:
        return self.raised_correct / self.raised if self.raised else 1.0

    @computed_field  # type: ignore[prop-decorator]
    @property
    def recall(self) -> float:
        return self.expected_met / self.expected if self.expected else 1.0

    def add(self, other: FindingsScore) -> FindingsScore:
        return FindingsScore(
            expected=self.expected + other.expected,
            raised=self.raised + other.raised,
            expected_met=self.expected_met + other.expected_met,
            raised_correct=self.raised_correct + other.raised_correct,
            raised_errors=self.raised_errors + other.raised_errors,
            errors_correct=self.errors_correct + other.errors_correct,
            raised_warnings=self.raised_warnings + other.raised_warnings,
            warnings_correct=self.warnings_correct + other.warnings_correct,
        )


def score_findings(expected: Sequence[ExpectedFinding], found: Sequence[RaisedFinding]) -> FindingsScore:
    met = [want for want in expected if any(_meets(have, want) for have in found)]
    correct = [have for have in found if any(_meets(have, want) for want in expected)]
    return FindingsScore(
        expected=len(expected),
        raised=len(found),
        expected_met=len(met),
        raised_correct=len(correct),
        raised_errors=sum(have[2] == "error" for have in found),
        errors_correct=sum(have[2] == "error" for have in correct),
        raised_warnings=sum(have[2] == "warning" for have in found),
        warnings_correct=sum(have[2] == "warning" for have in correct),
        missed=[f"{want.rule} @ {want.path or '(report)'}" for want in expected if want not in met],
        unexpected=[_show(have) for have in found if have not in correct],
    )
