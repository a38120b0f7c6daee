"""How `jixiao check` shows findings on the console: a table per report, counts, and the rule catalogue."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.table import Table

from jixiao.checks import all_rules
from jixiao.cli.app import console, plain
from jixiao.model import Finding, Report, Severity

STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


class OutputFormat(StrEnum):
    TEXT = "text"
    JSON = "json"


def findings_table(path: Path, report: Report, findings: list[Finding]) -> Table:
    about = " ".join(str(x) for x in (report.region, report.year, report.fund) if x)
    table = Table(title=plain(f"{path}  {about}"), title_justify="left", show_lines=False)
    for column in ("severity", "rule", "finding", "figures", "expected", "found"):
        table.add_column(
            column,
            justify="right" if column in ("expected", "found") else "left",
            overflow="fold",
            no_wrap=column in ("severity", "rule"),
        )
    for finding in findings:
        style = STYLES[finding.severity]
        table.add_row(
            f"[{style}]{finding.severity.value}[/]",
            finding.rule,
            plain(finding.message_zh),  # messages quote the report: its text is shown, never read as markup
            plain("  ".join(f.text for f in finding.figures[:4]) + (" …" if len(finding.figures) > 4 else "")),
            "" if finding.expected is None else f"{finding.expected:g}",
            "" if finding.found is None else f"{finding.found:g}",
        )
    return table


def counts(findings: list[Finding]) -> str:
    """`1 error, 3 warnings, 5 info`."""
    numbers = [(sum(f.severity == s for f in findings), s.value) for s in reversed(Severity)]
    return ", ".join(f"{n} {name}{'s' if n != 1 and name != 'info' else ''}" for n, name in numbers)


def list_rules(as_json: bool) -> None:
    rules = all_rules()
    if as_json:
        rows = [
            {
                "rule": r.id,
                "severity": r.severity.value,
                "needs_text": r.needs_text,
                "needs_previous": r.needs_previous,
                "doc": r.doc,
            }
            for r in rules
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    table = Table(title="jixiao check rules", title_justify="left")
    for column in ("rule", "severity", "text", "states"):
        table.add_column(column)
    for r in rules:
        table.add_row(r.id, f"[{STYLES[r.severity]}]{r.severity.value}[/]", "yes" if r.needs_text else "", r.summary)
    console.print(table)
