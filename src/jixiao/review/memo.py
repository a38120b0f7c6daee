"""What a review memo (审核意见) says about one report: the content, apart from how Word draws it.

A finance office hands its conclusions back as a memo, not as JSON: who and what was reviewed, the headline
figures, the findings numbered with the sentence each quotes and the value expected beside the one printed,
the corrections requested, and the findings a reviewer dismissed. A report read only in part says so at the
top; one with nothing read never says "no problem found" (model.status).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from jixiao.database import Database
from jixiao.model import STATUS_ZH, FigureRef, Finding, ReadingStatus, Report, Severity, reading_status
from jixiao.review.decisions import DISMISS_REASONS_ZH, Action, Decision, DecisionLog, finding_key
from jixiao.review.highlight import sentence_around
from jixiao.review.tables import SEVERITY_ZH
from jixiao.store import StoredResult

Dismissals = Callable[[StoredResult], list[tuple[Finding, str]]]
"""The findings of a stored report a reviewer dismissed, each with the reason (the review workbench's decisions)."""


def reviewer_dismissals(database: Database) -> Dismissals:
    """Dismissals as the review workbench recorded them: a finding whose latest decision is `dismiss`, with the
    reason in words (and the reviewer's note). Decisions are keyed by document SHA-256 and extractor, so a
    changed document's old decisions do not apply."""
    decided = DecisionLog(database).by_document()

    def dismissed(result: StoredResult) -> list[tuple[Finding, str]]:
        latest: dict[str, Decision] = {}
        for decision in decided.get((result.document.sha256, result.extractor), []):
            if decision.finding_key is not None:
                latest[decision.finding_key] = decision
        found: list[tuple[Finding, str]] = []
        for finding in result.findings:
            last = latest.get(finding_key(finding))
            if last is not None and last.action is Action.DISMISS:
                why = DISMISS_REASONS_ZH[last.reason] if last.reason else "未写明理由"
                note = f"：{last.note}" if last.note else ""
                found.append((finding, f"{why}{note}（{last.reviewer}）"))
        return found

    return dismissed


_SPACES = re.compile(r"\s+")
_QUOTE_MAX = 160  # a table row can run long: a memo quotes at most this much of it


@dataclass(frozen=True)
class Quote:
    """A sentence of a report quoted for a finding: which year's report, and the words."""

    year: int | None
    text: str
    elsewhere: bool  # from the other year's report of a finding across years


@dataclass(frozen=True)
class MemoFinding:
    number: int
    severity: Severity
    rule: str
    message: str
    quotes: list[Quote]
    printed: str | None  # the figure(s) as the report printed them
    expected: float | None
    found: float | None

    @property
    def request(self) -> str:
        """The correction asked of the unit: the value to check against, or an explanation to give."""
        if self.expected is not None and self.printed:
            return f"请核实“{self.printed}”（核查参照值 {_number(self.expected)}），更正或说明依据。"
        return f"请就以下问题补充说明或更正：{self.message}"


@dataclass(frozen=True)
class Memo:
    title: str
    unit: str
    fund: str
    year: str
    source: str
    status: ReadingStatus
    figures: list[tuple[str, str]]  # (label, as printed)
    findings: list[MemoFinding]  # errors and warnings, numbered
    notes: list[MemoFinding]  # info findings, for context
    dismissed: list[tuple[Finding, str]] = field(default_factory=list)

    @property
    def status_note(self) -> str | None:
        """What the reader must know before any finding: the report was not (fully) read."""
        if self.status == ReadingStatus.NOTHING:
            return "未能从报告中读取到资金或指标数据，本意见不作任何“无问题”的结论，请人工查阅原文。"
        if self.status == ReadingStatus.TRUNCATED:
            return "报告文本在表格或句子中途截断，以下意见仅针对已读取部分。"
        if self.status == ReadingStatus.PARTLY:
            return "报告中有部分表格或段落未能读取，以下意见仅针对已读取部分。"
        return None

    @property
    def conclusion(self) -> str:
        if self.status == ReadingStatus.NOTHING:
            return f"读取情况：{STATUS_ZH[self.status]}。"
        if not self.findings:
            scope = "已读取部分" if self.status != ReadingStatus.READ else "报告"
            return f"经核查，{scope}未发现需更正的问题。"
        errors = sum(f.severity == Severity.ERROR for f in self.findings)
        return f"经核查，发现 {len(self.findings)} 个问题（其中错误 {errors} 个），详见下文。"


def _number(value: float) -> str:
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _readable(passage: str) -> str:
    """A passage as a memo quotes it: a table row's cells joined by ｜ without the empty ones, spaces folded."""
    if "|" in passage:
        cells = [cell.strip() for cell in passage.split("|")]
        passage = "｜".join(cell for cell in cells if cell)
    return _SPACES.sub(" ", passage).strip()


def _quote(ref: FigureRef, text: str, year: int | None) -> Quote:
    if ref.elsewhere or ref.span is None or ref.span.end > len(text):
        return Quote(ref.year, ref.text, ref.elsewhere)
    start, end = sentence_around(text, ref.span.start, ref.span.end)
    sentence = _readable(text[start:end])
    if len(sentence) > _QUOTE_MAX:  # keep the figure in view: cut around it
        at = max(0, sentence.find(ref.text) - _QUOTE_MAX // 3)
        sentence = ("…" if at else "") + sentence[at : at + _QUOTE_MAX] + "…"
    return Quote(ref.year or year, sentence, False)


def _quotes(finding: Finding, text: str, year: int | None) -> list[Quote]:
    quotes: list[Quote] = []
    for ref in finding.figures:
        quote = _quote(ref, text, year)
        if quote not in quotes:
            quotes.append(quote)
    return quotes


def _memo_finding(number: int, finding: Finding, text: str, year: int | None) -> MemoFinding:
    figures = [ref.text for ref in finding.figures if not ref.elsewhere and ref.path != "text"]
    printed = "、".join(dict.fromkeys(figures)) or None  # a passage of prose is quoted, not "printed"
    return MemoFinding(
        number=number,
        severity=finding.severity,
        rule=finding.rule,
        message=finding.message_zh,
        quotes=_quotes(finding, text, year),
        printed=printed,
        expected=finding.expected,
        found=finding.found,
    )


def _figures(report: Report) -> list[tuple[str, str]]:
    funding = report.funding
    carryover = [s.amount.text for s in funding.budget.by_source if s.source.value == "carryover"]
    lines = [
        ("全年预算数（万元）", funding.budget.total.text if funding.budget.total else None),
        ("全年执行数（万元）", funding.executed.total.text if funding.executed.total else None),
        ("预算执行率", funding.execution_rate.text if funding.execution_rate else None),
        ("上年结转资金（万元）", "、".join(carryover) or None),
        ("绩效指标（项）", str(len(report.indicators)) if report.indicators else None),
        ("自评得分", report.total_score.text if report.total_score else None),
        ("自评等级", report.grade.text if report.grade else None),
    ]
    return [(label, value) for label, value in lines if value]


def build_memo(result: StoredResult, findings: list[Finding], dismissed: list[tuple[Finding, str]]) -> Memo:
    """The memo of one stored report (its text loaded) with its findings, errors first (engine order kept)."""
    report = result.report
    set_aside = {finding_key(finding) for finding, _ in dismissed}  # listed under 四, not as findings
    kept = [f for f in findings if finding_key(f) not in set_aside]
    ranked = sorted(kept, key=lambda f: -f.severity.rank)  # stable: document order within a severity
    serious = [f for f in ranked if f.severity.rank >= Severity.WARNING.rank]
    context = [f for f in ranked if f.severity == Severity.INFO]
    text, year = result.document.text, report.year
    unit = report.region or "（未识别地区）"
    fund = report.fund or "（未识别资金）"
    year_text = f"{year}年度" if year else "（未识别年度）"
    return Memo(
        title=f"关于{report.region or ''}{year_text if year else ''}{report.fund or ''}绩效自评报告的审核意见",
        unit=unit,
        fund=fund,
        year=year_text,
        source=result.document.path,
        status=reading_status(report),
        figures=_figures(report),
        findings=[_memo_finding(n, f, text, year) for n, f in enumerate(serious, 1)],
        notes=[_memo_finding(n, f, text, year) for n, f in enumerate(context, 1)],
        dismissed=dismissed,
    )


def severity_zh(severity: Severity) -> str:
    return SEVERITY_ZH[severity]


def number_text(value: float | None) -> str:
    return "—" if value is None else _number(value)
