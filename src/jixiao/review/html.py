"""The static HTML review of a batch: an index sorted by the worst finding, and one page per report.

No server and no network: every page opens from disk, with its CSS and script inline. Jinja2 escapes
everything it prints (report text is untrusted input); the only markup is our own. Every row and page says
the document's reading status first: a report in which nothing was found, or that stops mid-way, is never
shown with the green badge of a clean one, and a figure a check of the extraction doubts is marked 存疑.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from jixiao.model import STATUS_ZH, Finding, ReadingStatus, Report, Severity, reading_status
from jixiao.output_folder import OutputFolder
from jixiao.review.corpus import write_corpus
from jixiao.review.figure_words import suspect_paths
from jixiao.review.highlight import finding_id, segments
from jixiao.review.tables import SEVERITY_ZH
from jixiao.series import with_findings_across_years
from jixiao.store import Store, StoredFailure, StoredResult

REPORTS_FOLDER = "reports"


@dataclass(frozen=True)
class IndexRow:
    """One line of the summary table: enough to sort by and to decide which report to open first."""

    href: str
    path: str
    region: str | None
    year: int | None
    fund: str | None
    worst: Severity | None
    counts: dict[str, int]  # severity value -> number of findings
    extractor: str
    status: ReadingStatus = ReadingStatus.READ

    @property
    def sort_key(self) -> tuple[int, int, int, int, str]:
        rank = self.worst.rank if self.worst is not None else -1
        unread = self.status is not ReadingStatus.READ  # before the reports read in full with as few findings
        return (-rank, -unread, -self.counts.get("error", 0), -sum(self.counts.values()), self.path)


# what a report page says before any figure when the document was not read in full
STATUS_NOTES = {
    ReadingStatus.NOTHING: "文档已读取，但未找到资金、指标或得分：本页没有核查任何数字，不代表核查通过。",
    ReadingStatus.TRUNCATED: "文档在表格或句子中途截断：截断之后的内容未读取，核查只针对已读取的部分。",
    ReadingStatus.PARTLY: "部分读取：有数字的表格行或段落未能读出，核查只针对已读取的部分。",
}


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("jixiao.review", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["severity_zh"] = SEVERITY_ZH
    environment.globals["status_zh"] = STATUS_ZH
    environment.globals["status_notes"] = STATUS_NOTES
    environment.globals["finding_id"] = finding_id
    environment.filters["number"] = _number
    return environment


def _number(value: float | None) -> str:
    """A computed value as a reviewer reads it: 24.281948 -> 24.2819, 3877.0 -> 3,877."""
    if value is None:
        return "—"
    return f"{value:,.4f}".rstrip("0").rstrip(".")


def _worst(findings: list[Finding]) -> Severity | None:
    return max((f.severity for f in findings), key=lambda s: s.rank, default=None)


def _sorted_findings(findings: list[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda f: -f.severity.rank)


def _page_name(result: StoredResult) -> str:
    return f"{result.extraction_id}.html"


def write_review(store: Store, out: Path, *, extractor: str | None = None) -> Path:
    """Write index.html, one page per stored report and the corpus page under `out`; return the index path.

    `out` must be new, empty, or a folder an earlier review wrote (see OutputFolder): a review never
    deletes or overwrites anything it did not write itself.
    """
    folder = OutputFolder.claim(out)
    environment = _environment()
    report_template = environment.get_template("report.html.j2")
    rows: list[IndexRow] = []
    for result in with_findings_across_years(store, store.results(extractor)):
        findings = _sorted_findings(result.findings)
        doubted = suspect_paths(findings)
        html = report_template.render(
            result=result,
            report=result.report,
            findings=findings,
            segments=segments(result.document.text, result.report, findings),
            worst=_worst(findings),
            money=_money_lines(result.report, doubted),
            doubted=doubted,
            status=reading_status(result.report),
            coverage=result.report.coverage,
        )
        folder.write_text(f"{REPORTS_FOLDER}/{_page_name(result)}", html)
        rows.append(_index_row(result, findings))
    rows.sort(key=lambda row: row.sort_key)
    failures = store.failures(extractor)
    index = folder.write_text("index.html", _render_index(environment, rows, failures))
    write_corpus(environment, store, folder, extractor=extractor)  # corpus.html, linked from the index
    folder.remove_stale()  # pages of reports no longer in the store must not linger
    return index


def _index_row(result: StoredResult, findings: list[Finding]) -> IndexRow:
    report = result.report
    return IndexRow(
        href=f"{REPORTS_FOLDER}/{_page_name(result)}",
        path=result.document.path,
        region=report.region,
        year=report.year,
        fund=report.fund,
        worst=_worst(findings),
        counts=dict(Counter(f.severity.value for f in findings)),
        extractor=report.extractor.backend,
        status=reading_status(report),
    )


def _render_index(environment: Environment, rows: list[IndexRow], failures: list[StoredFailure]) -> str:
    flagged = sum(1 for row in rows if row.worst is not None and row.worst.rank >= Severity.WARNING.rank)
    statuses = Counter(row.status for row in rows)
    statuses[ReadingStatus.FAILED] = len(failures)
    order = [ReadingStatus.READ, ReadingStatus.PARTLY, ReadingStatus.TRUNCATED, ReadingStatus.NOTHING]
    status_counts = [(status, statuses[status]) for status in [*order, ReadingStatus.FAILED]]
    return environment.get_template("index.html.j2").render(
        rows=rows, failures=failures, flagged=flagged, total=len(rows), status_counts=status_counts
    )


def _money_lines(report: Report, doubted: set[str] | frozenset[str] = frozenset()) -> list[tuple[str, str, bool]]:
    """The headline figures a reviewer compares first, as printed, each with whether its reading is doubted."""
    funding = report.funding
    lines = [
        ("预算数", "funding.budget.total", funding.budget.total),
        ("下达数", "funding.allocated.total", funding.allocated.total),
        ("执行数", "funding.executed.total", funding.executed.total),
        ("执行率", "funding.execution_rate", funding.execution_rate),
    ]
    return [(label, figure.text, path in doubted) for label, path, figure in lines if figure is not None]
