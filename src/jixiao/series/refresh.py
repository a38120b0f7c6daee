"""Gathering the pairs of a store's reports and running the checks across years on them.

The store layer's half of the bargain with `jixiao.checks.years`: it knows which reports exist, links them
into series, loads both reports of each consecutive pair with their texts and calls `run_year_checks`.
`refresh_series` keeps the results in the series tables and compares only pairs that are new or were
compared under other settings; `year_findings` computes them without writing (for `jixiao check --db`).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Protocol

from jixiao.checks import CheckConfig, run_checks
from jixiao.checks.engine import run_year_checks, sort_findings
from jixiao.database import Database
from jixiao.documents.traditional import simplified
from jixiao.model import Finding, Report
from jixiao.series.linking import Member, Series, comparable, link
from jixiao.series.tables import PairKey, SeriesTables
from jixiao.store import StoredResult, extractor_key


class ResultSource(Protocol):
    """What the series layer needs of the batch store: its database (for the series tables) and its results."""

    database: Database

    def extraction_ids(self, extractor: str | None = None) -> list[int]: ...

    def result(self, extraction_id: int, *, with_text: bool = True) -> StoredResult | None: ...


@dataclass(frozen=True)
class SeriesSummary:
    """The series of a store, the reports in none, and the findings across years per extraction of year N."""

    series: list[Series]
    unlinked: list[Member]
    findings: dict[int, list[Finding]] = field(default_factory=dict)
    not_compared: set[PairKey] = field(default_factory=set)  # pairs where one report had nothing read
    compared_now: int = 0  # pairs compared by this call (the others were up to date)

    @property
    def pairs(self) -> int:
        return sum(len(s.pairs()) for s in self.series)

    @property
    def finding_count(self) -> int:
        return sum(len(found) for found in self.findings.values())


def settings_key(skip: Iterable[str], config: CheckConfig) -> str:
    """What a stored comparison depends on besides the two reports: the rules switched off and the thresholds."""
    return json.dumps({"skip": sorted(skip), "config": config.model_dump(mode="json")}, sort_keys=True)


def compare(
    source: ResultSource, before: Member, now: Member, *, skip: Iterable[str], config: CheckConfig
) -> list[Finding] | None:
    """Findings of year N against year N−1; None when one of them had nothing read (or is gone)."""
    if not comparable(before, now):
        return None
    previous, current = source.result(before.extraction_id), source.result(now.extraction_id)
    if previous is None or current is None:
        return None
    findings = run_year_checks(
        previous.report,
        current.report,
        simplified(previous.document.text),
        simplified(current.document.text),
        skip=skip,
        config=config,
    )
    return [_quoting_as_printed(f, previous.document.text, current.document.text) for f in findings]


def _quoting_as_printed(finding: Finding, previous_text: str, text: str) -> Finding:
    """Passages quoted from the simplified matching text, re-quoted from the text as printed (same offsets):
    a report in traditional characters is quoted in traditional characters."""
    refs = []
    for ref in finding.figures:
        source = previous_text if ref.elsewhere else text
        if ref.path == "text" and ref.span is not None and ref.span.end <= len(source):
            ref = ref.model_copy(update={"text": source[ref.span.start : ref.span.end]})
        refs.append(ref)
    return finding.model_copy(update={"figures": refs})


def _member(extraction_id: int, result: StoredResult) -> Member:
    info = result.report.extractor
    key = extractor_key(info.backend, info.model, info.prompt_version)
    return Member.of(extraction_id, key, result.document.path, result.report)


def members_of(source: ResultSource, known: dict[int, Member] | None = None) -> list[Member]:
    """A member per stored extraction; reports already known are not parsed again."""
    known = known or {}
    members: list[Member] = []
    for extraction_id in source.extraction_ids():
        member = known.get(extraction_id)
        if member is None:
            result = source.result(extraction_id, with_text=False)
            if result is None:
                continue
            member = _member(extraction_id, result)
        members.append(member)
    return members


def refresh_series(
    source: ResultSource, *, skip: Iterable[str] = (), config: CheckConfig | None = None
) -> SeriesSummary:
    """Bring the series tables up to date with the store: new members, new or stale pairs compared."""
    config = config or CheckConfig()
    skip = list(skip)
    tables = SeriesTables(source.database)
    known = {m.extraction_id: m for m in tables.members()}
    members = members_of(source, known)
    tables.add_members(m for m in members if m.extraction_id not in known)
    series, unlinked = link(members)
    wanted = {(now.extraction_id, before.extraction_id): (before, now) for s in series for before, now in s.pairs()}
    stored = tables.pairs()
    tables.drop_pairs(key for key in stored if key not in wanted)
    settings = settings_key(skip, config)
    compared = 0
    for key, (before, now) in wanted.items():
        if stored.get(key) == settings:
            continue
        tables.save_pair(key, settings, compare(source, before, now, skip=skip, config=config))
        compared += 1
    return SeriesSummary(series, unlinked, tables.findings(), tables.not_compared(), compared)


def year_findings(
    source: ResultSource, members: list[Member], *, skip: Iterable[str] = (), config: CheckConfig | None = None
) -> SeriesSummary:
    """The same comparisons computed afresh and not stored (a check with other settings changes nothing)."""
    config = config or CheckConfig()
    series, unlinked = link(members)
    findings: dict[int, list[Finding]] = {}
    not_compared: set[PairKey] = set()
    compared = 0
    for one in series:
        for before, now in one.pairs():
            compared += 1
            found = compare(source, before, now, skip=skip, config=config)
            if found is None:
                not_compared.add((now.extraction_id, before.extraction_id))
            elif found:
                findings.setdefault(now.extraction_id, []).extend(found)
    return SeriesSummary(series, unlinked, findings, not_compared, compared_now=compared)


@dataclass(frozen=True)
class CheckedReport:
    """A stored report checked again: its own findings and those against the year before, sorted together."""

    path: str
    report: Report
    findings: list[Finding]


def check_stored(
    source: ResultSource, *, skip: Iterable[str] = (), config: CheckConfig | None = None
) -> list[CheckedReport]:
    """Every stored report checked with these settings (`jixiao check --db`), the checks across years included.

    Nothing is written: the store keeps the findings of the run that made it.
    """
    config = config or CheckConfig()
    skip = list(skip)
    checked: list[CheckedReport] = []
    members: list[Member] = []
    for extraction_id in source.extraction_ids():
        result = source.result(extraction_id)
        if result is None:
            continue
        report = result.report
        findings = run_checks(report, simplified(result.document.text), skip=skip, config=config)
        checked.append(CheckedReport(result.document.path, report, findings))
        members.append(_member(extraction_id, result))
    across = year_findings(source, members, skip=skip, config=config).findings
    return [
        CheckedReport(one.path, one.report, sort_findings([*one.findings, *across.get(member.extraction_id, [])]))
        for one, member in zip(checked, members, strict=True)
    ]


def with_findings_across_years(source: ResultSource, results: Iterable[StoredResult]) -> Iterator[StoredResult]:
    """Stored results with their findings across years added, the series brought up to date first: what every
    view of a store (pages, exports, memos) shows, so a finding across years is never seen in one and not another.
    """
    refresh_series(source)
    across = SeriesTables(source.database).findings()
    for result in results:
        found = across.get(result.extraction_id)
        yield replace(result, findings=[*result.findings, *found]) if found else result
