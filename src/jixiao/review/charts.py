"""Charts of the corpus page as static SVG, drawn by pygal and inlined in the page.

Static SVG needs no script and no network: the page opens from disk and prints. pygal's tooltip script
(fetched from its website by default) is switched off, and its comments naming its website are removed,
so nothing in the page points outside it. Every value a chart draws is also in the page's tables.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import pygal
from pygal.style import Style

_FONT = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif'
_SEVERITY_COLOURS = ("#c62828", "#e08a00", "#5c7c99")  # error, warning, info: the colours of the review pages
_STYLE = Style(
    font_family=_FONT,
    label_font_family=_FONT,
    major_label_font_family=_FONT,
    value_font_family=_FONT,
    title_font_family=_FONT,
    legend_font_family=_FONT,
    background="white",
    plot_background="white",
    colors=("#3a6ea5", "#e08a00", "#2e7d32", "#8e44ad", "#c62828", "#5c7c99"),
)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_NAMESPACES = re.compile(r'\s+xmlns(?::xlink)?="[^"]*"')


def _options(**extra: object) -> dict[str, object]:
    options: dict[str, object] = {
        "js": [],  # no tooltip script from the web
        "disable_xml_declaration": True,
        "style": _STYLE,
        "width": 760,
        "height": 340,
        "print_values": True,
        "legend_at_bottom": True,
        "truncate_label": -1,
    }
    options.update(extra)
    return options


def _inline(chart: pygal.graph.graph.Graph) -> str:
    """The chart as an SVG element for an HTML page (the HTML parser knows the SVG namespace)."""
    svg = chart.render(is_unicode=True)
    return _NAMESPACES.sub("", _COMMENT.sub("", svg), count=2)


def histogram(title: str, labels: Sequence[str], counts: Sequence[int], series_name: str) -> str:
    chart = pygal.Bar(**_options(show_legend=False, x_title="执行率区间", y_title="报告数"))
    chart.title = title
    chart.x_labels = list(labels)
    chart.add(series_name, list(counts))
    return _inline(chart)


def stacked_by_severity(title: str, labels: Sequence[str], by_severity: dict[str, Sequence[int]]) -> str:
    """Horizontal bars, one per rule, stacked error / warning / info."""
    height = max(240, 60 + 26 * len(labels))
    style = Style(**{**_STYLE.to_dict(), "colors": _SEVERITY_COLOURS})
    chart = pygal.HorizontalStackedBar(**_options(style=style, height=height, print_values=False))
    chart.title = title
    chart.x_labels = list(labels)
    for severity, counts in by_severity.items():
        chart.add(severity, list(counts))
    return _inline(chart)


def region_year_dots(title: str, years: Sequence[int], rows: dict[str, Sequence[float | None]]) -> str:
    """A region × year grid: one row of dots per region, one column per year, each dot sized and labelled by
    its share (%); no dot where the region has no report that year."""
    height = max(220, 90 + 34 * len(rows))
    light = ("#9dbde3",) * max(1, len(rows))  # one light colour for every region: printed shares stay legible
    style = Style(**{**_STYLE.to_dict(), "colors": light})
    chart = pygal.Dot(**_options(style=style, height=height, show_legend=False, value_formatter=lambda v: f"{v:.0f}%"))
    chart.title = title
    chart.x_labels = [str(year) for year in years]
    for region, values in rows.items():
        chart.add(region, list(values))
    return _inline(chart)


def timeline(title: str, years: Sequence[int], lines: dict[str, Sequence[float | None]], y_title: str) -> str:
    chart = pygal.Line(**_options(height=280, y_title=y_title, dots_size=4, value_formatter=lambda v: f"{v:,.2f}"))
    chart.title = title
    chart.x_labels = [str(year) for year in years]
    for name, values in lines.items():
        chart.add(name, list(values))
    return _inline(chart)
