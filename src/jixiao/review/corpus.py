"""The corpus page of `jixiao review`: a whole store at a glance, with charts.

What a finance office asks of a year's (or ten years') batch: how far the money was spent (the spread of
execution rates), what the checks found (by rule and severity, across years included), how far the key
indicators were met per region and year, and how each series moved year by year. A report with nothing
read counts in the reading-status line and nowhere else: it is never a 0 % or a clean 100 %.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment

from jixiao.checks.attainment import Status, attainment
from jixiao.model import STATUS_ZH, Finding, ReadingStatus, Report, Severity, reading_status, value_of
from jixiao.names import region_key
from jixiao.output_folder import OutputFolder
from jixiao.review import charts
from jixiao.series import SeriesSummary, refresh_series
from jixiao.store import Store

CORPUS_PAGE = "corpus.html"
# Execution-rate bins (lower bound inclusive); 90 % is the usual explanation threshold (DOMAIN §5).
RATE_BINS = ((0.0, "<60%"), (60.0, "60–70%"), (70.0, "70–80%"), (80.0, "80–90%"), (90.0, "90–95%"), (95.0, "95–100%"))
OVER_FULL = "超过100%"
SEVERITIES = (Severity.ERROR, Severity.WARNING, Severity.INFO)


@dataclass(frozen=True)
class Money:
    """The headline money of one report: budget, executed and the execution rate (recomputed when possible)."""

    budget: float | None
    executed: float | None
    rate: float | None

    @classmethod
    def of(cls, report: Report) -> Money:
        funding = report.funding
        budget = value_of(funding.budget.total)
        executed = value_of(funding.executed.total)
        if budget and executed is not None:
            rate: float | None = executed / budget * 100
        else:
            rate = value_of(funding.execution_rate)
        return cls(budget, executed, None if rate is None else round(rate, 2))


@dataclass
class Completion:
    """Key indicators (those whose attainment can be judged) of one region in one year: how many were met."""

    region: str
    year: int
    met: int = 0
    judged: int = 0
    reports: int = 0

    @property
    def share(self) -> float | None:
        return round(self.met / self.judged * 100, 1) if self.judged else None


@dataclass(frozen=True)
class TimelineRow:
    year: int | None
    path: str
    status: ReadingStatus
    money: Money
    findings: int  # findings across years of this report (against the year before)


@dataclass(frozen=True)
class Timeline:
    region: str
    fund: str
    extractor: str
    rows: list[TimelineRow]


@dataclass
class Corpus:
    """Everything the corpus page shows, computed once from the store."""

    statuses: Counter[ReadingStatus] = field(default_factory=Counter)
    rates: list[tuple[str, float]] = field(default_factory=list)  # (path, execution rate %)
    by_rule: dict[str, Counter[Severity]] = field(default_factory=lambda: defaultdict(Counter))
    completion: dict[tuple[str, int], Completion] = field(default_factory=dict)
    timelines: list[Timeline] = field(default_factory=list)
    money: dict[int, Money] = field(default_factory=dict)  # per extraction id

    @property
    def reports(self) -> int:
        return sum(self.statuses.values())

    def rate_bins(self) -> list[tuple[str, int]]:
        counts = Counter(_bin(rate) for _, rate in self.rates)
        return [(label, counts.get(label, 0)) for label in [label for _, label in RATE_BINS] + [OVER_FULL]]

    def rules(self) -> list[tuple[str, dict[Severity, int]]]:
        """Rules with their counts per severity, most findings first."""
        rows = [(rule, {s: counts.get(s, 0) for s in SEVERITIES}) for rule, counts in self.by_rule.items()]
        return sorted(rows, key=lambda row: (-sum(row[1].values()), row[0]))


def _bin(rate: float) -> str:
    if rate > 100:
        return OVER_FULL
    label = RATE_BINS[0][1]
    for low, name in RATE_BINS:
        if rate >= low:
            label = name
    return label


def _count_findings(corpus: Corpus, findings: list[Finding]) -> None:
    for finding in findings:
        corpus.by_rule[finding.rule][finding.severity] += 1


def _add_completion(corpus: Corpus, report: Report) -> None:
    if report.year is None or not report.region:
        return
    key = (region_key(report.region) or report.region, report.year)
    entry = corpus.completion.setdefault(key, Completion(report.region, report.year))
    entry.reports += 1
    for indicator in report.indicators:
        status = attainment(indicator).status
        if status != Status.UNKNOWN:
            entry.judged += 1
            entry.met += status == Status.MET


def gather(store: Store, extractor: str | None = None) -> tuple[Corpus, SeriesSummary]:
    """One pass over the store (reports without their text) plus the series and their findings across years."""
    corpus = Corpus()
    corpus.statuses[ReadingStatus.FAILED] = len(store.failures(extractor))
    seen: set[int] = set()
    for result in store.results(extractor, with_text=False):
        seen.add(result.extraction_id)
        report = result.report
        status = reading_status(report)
        corpus.statuses[status] += 1
        _count_findings(corpus, result.findings)
        if status == ReadingStatus.NOTHING:
            continue  # nothing read: no rate, no completion (never a clean 100 % or a 0 %)
        money = Money.of(report)
        corpus.money[result.extraction_id] = money
        if money.rate is not None:
            corpus.rates.append((result.document.path, money.rate))
        _add_completion(corpus, report)
    summary = refresh_series(store)
    for extraction_id, findings in summary.findings.items():
        if extraction_id in seen:
            _count_findings(corpus, findings)
    corpus.timelines = _timelines(corpus, summary, seen)
    return corpus, summary


def _timelines(corpus: Corpus, summary: SeriesSummary, seen: set[int]) -> list[Timeline]:
    """Series of two or more years (among the reports shown), each year with its money and findings."""
    timelines: list[Timeline] = []
    empty = Money(None, None, None)
    for series in summary.series:
        if len(series.years) < 2 or not all(m.extraction_id in seen for m in series.members):
            continue
        rows = [
            TimelineRow(
                m.year,
                m.path,
                m.status,
                corpus.money.get(m.extraction_id, empty),
                len(summary.findings.get(m.extraction_id, [])),
            )
            for m in series.members
        ]
        timelines.append(Timeline(series.region, series.fund, series.extractor, rows))
    return timelines


def _charts(corpus: Corpus) -> dict[str, object]:
    bins = corpus.rate_bins()
    rules = corpus.rules()
    completion = sorted(corpus.completion.values(), key=lambda c: (c.region, c.year))
    regions = sorted({c.region for c in completion})
    years = sorted({c.year for c in completion})
    by_region_year = {(c.region, c.year): c.share for c in completion}
    return {
        "execution": charts.histogram(
            "预算执行率分布", [label for label, _ in bins], [count for _, count in bins], "报告数"
        ),
        "rules": charts.stacked_by_severity(
            "核查发现（按规则与严重程度）",
            [rule for rule, _ in rules],
            {s.value: [counts[s] for _, counts in rules] for s in SEVERITIES},
        )
        if rules
        else "",
        "completion": charts.region_year_dots(
            "关键指标完成情况（已完成指标占可判断指标的比例）",
            years,
            {region: [by_region_year.get((region, year)) for year in years] for region in regions},
        )
        if completion
        else "",
        "timelines": [
            charts.timeline(
                f"{line.region} · {line.fund}",
                [row.year or 0 for row in line.rows],
                {
                    "全年预算数（万元）": [row.money.budget for row in line.rows],
                    "全年执行数（万元）": [row.money.executed for row in line.rows],
                },
                "万元",
            )
            for line in corpus.timelines
        ],
    }


def write_corpus(environment: Environment, store: Store, out: OutputFolder, *, extractor: str | None = None) -> Path:
    """Write OUT/corpus.html and return its path (through OUT's manifest: see OutputFolder)."""
    corpus, summary = gather(store, extractor)
    html = environment.get_template("corpus.html.j2").render(
        corpus=corpus,
        summary=summary,
        charts=_charts(corpus),
        status_zh=STATUS_ZH,
        statuses=list(ReadingStatus),
        severities=SEVERITIES,
        completion=sorted(corpus.completion.values(), key=lambda c: (c.region, c.year)),
    )
    return out.write_text(CORPUS_PAGE, html)
