"""Closing the loop from review to measurement: reviewed documents become gold, decisions measure the checks.

A document counts as reviewed when it has decisions and no open item left: every warning and error raised on
it was confirmed, dismissed or corrected. Its corrected report is written as gold (`reviewed: true`,
`labelled_by` its reviewers) and its confirmed findings as the findings the eval expects. Figures nobody
flagged stay as extracted: the gold is as good as the review, and its notes say so.

The decisions also measure each rule: precision = confirmed ÷ (confirmed + dismissed). Dismissals for
"misread by the tool" and findings that went away with a correction are the tool's misreadings, not the
rule's false alarms; they are counted apart (issue 18), with the precision the rule has on right readings.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import BaseModel, computed_field

from jixiao.evaluation.facts import stable_path
from jixiao.evaluation.gold import ExpectedFinding, GoldLabel, gold_document
from jixiao.evaluation.matching import own_keys
from jixiao.model import Finding, Report
from jixiao.review.decisions import Action, Decision, DecisionLog, DismissReason
from jixiao.review.states import DocumentReview, State, review_document
from jixiao.store import Store

REVIEW_MARK = "From the review workbench"  # the notes of gold written here start with it (rewritable)
Checker = Callable[[Report, str | None], list[Finding]]


@dataclass
class ReviewGold:
    written: list[Path] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # one line per document left out, saying why


def _written_by_review(path: Path) -> bool:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return str(data["gold"]["notes"]).startswith(REVIEW_MARK)
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError):
        return False


def _expected(review: DocumentReview) -> list[ExpectedFinding]:
    """Confirmed findings still raised on the corrected report, each by its first figure's stable path."""
    keys = own_keys(review.report)
    expected = []
    for item in review.items:
        if item.state is not State.CONFIRMED or not item.raised_now:
            continue
        first = item.finding.figures[0].path if item.finding.figures else None
        expected.append(
            ExpectedFinding(
                rule=item.finding.rule,
                path=stable_path(first, review.report, keys) if first else None,
                severity=item.finding.severity.value,
                note=item.decision.note if item.decision else "",
            )
        )
    return expected


def _summary(review: DocumentReview) -> str:
    counts = {state: sum(1 for item in review.items if item.state is state) for state in State}
    return (
        f"{REVIEW_MARK}: {counts[State.CONFIRMED]} findings confirmed, {counts[State.DISMISSED]} dismissed, "
        f"{len(review.corrected.applied)} figures corrected by {', '.join(review.reviewers)}; "
        "figures no finding named are as extracted."
    )


def reviewed_documents(store: Store, log: DecisionLog, checker: Checker) -> Iterable[DocumentReview | str]:
    """Each stored document with decisions: its review when complete, else a line saying what is left."""
    decided = log.by_document()
    for listed in store.results(with_text=False):
        decisions = decided.get((listed.document.sha256, listed.extractor))
        if not decisions:
            continue
        result = store.result(listed.extraction_id) or listed
        review = review_document(result, decisions, checker)
        left = sum(1 for item in review.items if item.state is State.OPEN)
        if left:
            yield f"{result.document.path}: {left} findings still open, not written as gold"
        else:
            yield review


def write_review_gold(store: Store, gold_dir: Path, checker: Checker) -> ReviewGold:
    """Write `<stem>.json` and `<stem>.findings.json` for every completely reviewed document."""
    outcome = ReviewGold()
    stems: set[str] = set()
    for review in reviewed_documents(store, DecisionLog(store.database), checker):
        if isinstance(review, str):
            outcome.skipped.append(review)
            continue
        path = review.result.document.path
        stem = Path(path).stem
        target = gold_dir / f"{stem}.json"
        if stem in stems:
            outcome.skipped.append(f"{path}: another reviewed document has the name {stem}, not written")
            continue
        if target.exists() and not _written_by_review(target):
            outcome.skipped.append(f"{path}: {target} was written by a person; not overwriting it")
            continue
        stems.add(stem)
        label = GoldLabel(reviewed=True, labelled_by=", ".join(review.reviewers), notes=_summary(review))
        gold_dir.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(gold_document(review.report, label), ensure_ascii=False, indent=1) + "\n", "utf-8")
        expected = [finding.model_dump(exclude_defaults=True) for finding in _expected(review)]
        findings_path = gold_dir / f"{stem}.findings.json"
        findings_path.write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        outcome.written.append(target)
    return outcome


class RulePrecision(BaseModel):
    """What reviewers decided about one rule's findings (the latest decision on each)."""

    rule: str
    confirmed: int = 0
    dismissed: int = 0  # every reason, misread included
    misread: int = 0  # dismissed as misread by the tool
    corrected: int = 0  # resolved by correcting the extraction

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision(self) -> float | None:
        decided = self.confirmed + self.dismissed
        return self.confirmed / decided if decided else None

    @computed_field  # type: ignore[prop-decorator]
    @property
    def precision_on_right_readings(self) -> float | None:
        """Leaving out the tool's misreadings: how often the rule is right about what the report says."""
        decided = self.confirmed + self.dismissed - self.misread
        return self.confirmed / decided if decided else None


def rule_precision(decisions: Iterable[Decision]) -> list[RulePrecision]:
    """Per rule, over the latest decision on each finding of each document version."""
    latest: dict[tuple[str, str, str], Decision] = {}
    for decision in decisions:
        if decision.finding_key is not None and decision.rule is not None:
            latest[(decision.document_sha256, decision.extractor, decision.finding_key)] = decision
    rules: dict[str, RulePrecision] = {}
    for decision in latest.values():
        counts = rules.setdefault(decision.rule or "", RulePrecision(rule=decision.rule or ""))
        if decision.action is Action.CONFIRM:
            counts.confirmed += 1
        elif decision.action is Action.DISMISS:
            counts.dismissed += 1
            counts.misread += decision.reason is DismissReason.MISREAD
        elif decision.action is Action.CORRECT:
            counts.corrected += 1
    return [rules[rule] for rule in sorted(rules)]
