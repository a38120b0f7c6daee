"""Linking reports into series: the same region's same fund, year after year.

Pure data: members in, series and the consecutive pairs to compare out. The store layer (`tables`,
`refresh`) decides which members exist; nothing here reads a database.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from jixiao.model import ReadingStatus, Report, reading_status
from jixiao.names import fund_key, region_key

COMPARABLE = (ReadingStatus.READ, ReadingStatus.PARTLY, ReadingStatus.TRUNCATED)  # something was read


@dataclass(frozen=True)
class Member:
    """One stored report as a series sees it: who, what, when, and whether anything was read."""

    extraction_id: int
    extractor: str
    path: str
    region: str | None
    fund: str | None
    year: int | None
    status: ReadingStatus

    @property
    def key(self) -> tuple[str, str, str] | None:
        """(extractor, region key, fund key), or None when the report names no region or fund or year."""
        region, fund = region_key(self.region), fund_key(self.fund)
        if region is None or fund is None or self.year is None:
            return None
        return (self.extractor, region, fund)

    @property
    def why_unlinked(self) -> str | None:
        missing = [
            name for name, value in (("地区", self.region), ("资金", self.fund), ("年度", self.year)) if not value
        ]
        return f"未识别{'、'.join(missing)}" if missing else None

    @classmethod
    def of(cls, extraction_id: int, extractor: str, path: str, report: Report) -> Member:
        return cls(extraction_id, extractor, path, report.region, report.fund, report.year, reading_status(report))


@dataclass(frozen=True)
class Series:
    """The reports of one region's fund under one extractor, oldest first."""

    extractor: str
    region_key: str
    fund_key: str
    members: tuple[Member, ...]

    @property
    def region(self) -> str:
        """The name the latest report prints (a reader knows the place by its current name)."""
        return next((m.region for m in reversed(self.members) if m.region), self.region_key)

    @property
    def fund(self) -> str:
        return next((m.fund for m in reversed(self.members) if m.fund), self.fund_key)

    @property
    def years(self) -> list[int]:
        return sorted({m.year for m in self.members if m.year is not None})

    @property
    def name_variants(self) -> list[str]:
        """Every printed region + fund the series joined (青嶺縣就業補助資金, 青岭县中央就业补助资金 …)."""
        return sorted({f"{m.region}·{m.fund}" for m in self.members})

    def pairs(self) -> list[tuple[Member, Member]]:
        """(year N−1, year N) for every two members a year apart; a year with two documents pairs each."""
        by_year: dict[int, list[Member]] = defaultdict(list)
        for member in self.members:
            if member.year is not None:
                by_year[member.year].append(member)
        return [
            (before, now) for year in sorted(by_year) for now in by_year[year] for before in by_year.get(year - 1, [])
        ]


def link(members: Iterable[Member]) -> tuple[list[Series], list[Member]]:
    """Series of two or more years … and of one (a region's first report is a series too), plus the reports
    that name no region, fund or year and so belong to none."""
    groups: dict[tuple[str, str, str], list[Member]] = defaultdict(list)
    unlinked: list[Member] = []
    for member in members:
        key = member.key
        if key is None:
            unlinked.append(member)
        else:
            groups[key].append(member)
    series = [
        Series(extractor, region, fund, tuple(sorted(group, key=lambda m: (m.year or 0, m.path))))
        for (extractor, region, fund), group in groups.items()
    ]
    series.sort(key=lambda s: (s.region_key, s.fund_key, s.extractor))
    return series, sorted(unlinked, key=lambda m: m.path)


def comparable(before: Member, now: Member) -> bool:
    """Both reports had something read: comparing with an empty report would accuse the other of change."""
    return before.status in COMPARABLE and now.status in COMPARABLE
