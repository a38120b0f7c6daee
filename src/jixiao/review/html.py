"""The static HTML review of a batch: an index sorted by the worst finding, and one page per report.

No server and no network: every page opens from disk, with its CSS and script inline. Jinja2 escapes
everything it prints (report text is untrusted input); the only markup is our own.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape

from jixiao.model import Finding, Report, Severity
from jixiao.output_folder import OutputFolder
from jixiao.review.corpus import write_corpus
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

    @property
    def sort_key(self) -> tuple[int, int, int, str]:
        rank = self.worst.rank if self.worst is not None else -1
        return (-rank, -self.counts.get("error", 0), -sum(self.counts.values()), self.path)


def _environment() -> Environment:
    environment = Environment(
        loader=PackageLoader("jixiao.review", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    environment.globals["severity_zh"] = SEVERITY_ZH
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
        html = report_template.render(
            result=result,
            report=result.report,
            findings=findings,
            segments=segments(result.document.text, result.report, findings),
            worst=_worst(findings),
            money=_money_lines(result.report),
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
    )


def _render_index(environment: Environment, rows: list[IndexRow], failures: list[StoredFailure]) -> str:
    flagged = sum(1 for row in rows if row.worst is not None and row.worst.rank >= Severity.WARNING.rank)
    return environment.get_template("index.html.j2").render(
        rows=rows, failures=failures, flagged=flagged, total=len(rows)
    )


def _money_lines(report: Report) -> list[tuple[str, str]]:
    """The headline figures a reviewer compares first, as printed."""
    funding = report.funding
    lines = [
        ("预算数", funding.budget.total),
        ("下达数", funding.allocated.total),
        ("执行数", funding.executed.total),
        ("执行率", funding.execution_rate),
    ]
    return [(label, figure.text) for label, figure in lines if figure is not None]
