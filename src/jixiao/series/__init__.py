"""Series: a region's fund read year after year, linked in the store and checked across years."""

from jixiao.series.linking import Member, Series, link
from jixiao.series.refresh import (
    ResultSource,
    SeriesSummary,
    members_of,
    refresh_series,
    with_findings_across_years,
    year_findings,
)
from jixiao.series.tables import SeriesTables

__all__ = [
    "Member",
    "ResultSource",
    "Series",
    "SeriesSummary",
    "SeriesTables",
    "link",
    "members_of",
    "refresh_series",
    "with_findings_across_years",
    "year_findings",
]
