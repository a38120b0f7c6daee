"""A report's reading status: an empty or cut-off report never reads as a clean one."""

from __future__ import annotations

from jixiao.model import (
    Coverage,
    ExtractorInfo,
    Figure,
    Indicator,
    ReadingStatus,
    Report,
    SourceInfo,
    Span,
    reading_status,
)


def _report(**fields: object) -> Report:
    return Report(
        source=SourceInfo(path="x.txt", sha256="0", format="txt"), extractor=ExtractorInfo(backend="t"), **fields
    )


def _indicator() -> Indicator:
    return Indicator(name="受益人口数量", target=Figure(text="90人", value=90, unit="人"))


def test_no_report_is_a_failure() -> None:
    assert reading_status(None) is ReadingStatus.FAILED


def test_a_report_without_any_figure_is_nothing_found_even_with_a_region() -> None:
    assert reading_status(_report(region="青禾县", year=2023)) is ReadingStatus.NOTHING


def test_truncation_is_said_before_partial_reading() -> None:
    coverage = Coverage(figures=10, read=4, unread=[Span(start=5, end=9)])
    assert (
        reading_status(_report(indicators=[_indicator()], truncated=True, coverage=coverage)) is ReadingStatus.TRUNCATED
    )
    assert reading_status(_report(indicators=[_indicator()], coverage=coverage)) is ReadingStatus.PARTLY


def test_a_report_with_every_printed_figure_read_is_read() -> None:
    coverage = Coverage(figures=4, read=4)
    assert coverage.share == 1.0
    assert reading_status(_report(indicators=[_indicator()], coverage=coverage)) is ReadingStatus.READ
