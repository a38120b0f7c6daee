"""`jixiao series`: the series of a store (a region's fund year after year) and what the years disagree on."""

from __future__ import annotations

import json
from collections import Counter
from typing import Annotated, Any

import typer
from rich.table import Table

from jixiao.cli.app import command, console, plain
from jixiao.cli.findings_view import STYLES, OutputFormat
from jixiao.cli.store_option import StoreOption, require_store
from jixiao.model import STATUS_ZH, ReadingStatus
from jixiao.series import SeriesSummary, refresh_series
from jixiao.store import Store


def _member_json(summary: SeriesSummary, series_index: int) -> list[dict[str, Any]]:
    one = summary.series[series_index]
    return [
        {
            "year": m.year,
            "path": m.path,
            "region": m.region,
            "fund": m.fund,
            "status": m.status.value,
            "findings": [f.model_dump(mode="json") for f in summary.findings.get(m.extraction_id, [])],
        }
        for m in one.members
    ]


def summary_json(summary: SeriesSummary) -> dict[str, Any]:
    return {
        "series": [
            {
                "region": s.region,
                "fund": s.fund,
                "extractor": s.extractor,
                "key": {"region": s.region_key, "fund": s.fund_key},
                "years": s.years,
                "members": _member_json(summary, i),
            }
            for i, s in enumerate(summary.series)
        ],
        "unlinked": [{"path": m.path, "reason": m.why_unlinked} for m in summary.unlinked],
    }


def _year_cell(status: ReadingStatus, year: int | None, findings: int) -> str:
    mark = "" if status == ReadingStatus.READ else f"（{STATUS_ZH[status]}）"
    flag = f" [yellow]{findings}[/]" if findings else ""
    return f"{year}{mark}{flag}"


def _print(summary: SeriesSummary) -> None:
    table = Table(title="系列（同一地区同一资金的历年报告）", title_justify="left")
    for column in ("地区", "资金", "抽取", "年度（跨年度发现数）", "名称写法"):
        table.add_column(column, overflow="fold")
    for s in summary.series:
        years = "  ".join(
            _year_cell(m.status, m.year, len(summary.findings.get(m.extraction_id, []))) for m in s.members
        )
        table.add_row(plain(s.region), plain(s.fund), plain(s.extractor), years, plain("；".join(s.name_variants)))
    console.print(table)
    found = Table(title="跨年度发现", title_justify="left")
    for column in ("地区", "年度", "severity", "rule", "finding"):
        found.add_column(column, overflow="fold", no_wrap=column in ("severity", "rule"))
    for s in summary.series:
        for m in s.members:
            for f in summary.findings.get(m.extraction_id, []):
                style = STYLES[f.severity]
                found.add_row(
                    plain(s.region), str(m.year), f"[{style}]{f.severity.value}[/]", f.rule, plain(f.message_zh)
                )
    if found.row_count:
        console.print(found)
    if summary.unlinked:  # one line per reason, not per file: a corpus can hold thousands (the JSON lists them)
        reasons = Counter(m.why_unlinked for m in summary.unlinked)
        listed = "; ".join(f"{reason} {count}" for reason, count in reasons.most_common())
        console.print(f"not in a series: {listed} (`--format json` lists the files)", highlight=False, markup=False)
    console.print(
        f"{len(summary.series)} series, {summary.pairs} pairs of consecutive years "
        f"({len(summary.not_compared)} not compared: nothing read), {summary.finding_count} findings across years, "
        f"{len(summary.unlinked)} reports in no series",
        highlight=False,
    )


@command()
def series(
    db: StoreOption = "jixiao.db",
    output: Annotated[OutputFormat, typer.Option("--format", help="text tables or JSON")] = OutputFormat.TEXT,
) -> None:
    """List the series in DB (region + fund across years, names folded) with their findings across years."""
    require_store(db)
    with Store(db) as store:
        summary = refresh_series(store)
    if output == OutputFormat.JSON:
        typer.echo(json.dumps(summary_json(summary), ensure_ascii=False, indent=2))
    else:
        _print(summary)
